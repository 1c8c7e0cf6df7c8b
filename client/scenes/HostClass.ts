/**
 * "Host a class": creates (or, after a refresh, rejoins with the host token) a classroom and shows
 * the teacher's live screen — a DOM layer over an empty canvas (see client/live/hostView.ts).
 */
import Phaser from 'phaser';
import { t } from '../i18n/index.ts';
import { currentLive, hostClass } from '../live/connection.ts';
import { mountScreen, p } from '../live/dom.ts';
import { watchStudent } from '../live/flow.ts';
import { HostView } from '../live/hostView.ts';
import { quietWhileCovered } from '../live/quiet.ts';
import { showReveal } from '../live/reveal.ts';
import { showProgramReplay } from '../live/replay.ts';
import { app } from '../ui/app.ts';
import { setHookInfo } from '../ui/testHook.ts';
import { css } from '../view/theme.ts';

export class HostClass extends Phaser.Scene {
  constructor() {
    super('HostClass');
  }

  create(): void {
    this.cameras.main.setBackgroundColor(css(app().theme.background));
    const screen = mountScreen();
    quietWhileCovered(this);
    let stop = (): void => undefined;
    this.events.once('shutdown', () => {
      stop();
      screen.remove();
    });
    setHookInfo({ scenes: ['HostClass'], extra: { liveCode: null } });
    screen.append(p(t('live.creating'), 'live-big'));
    const existing = currentLive();
    const ready =
      existing?.role === 'host' && existing.status === 'connected'
        ? Promise.resolve(existing)
        : hostClass();
    ready
      .then((conn) => {
        if (!this.scene.isActive()) return;
        screen.replaceChildren();
        const view = new HostView(screen, conn, {
          watch: (seatId) => watchStudent(this, conn, seatId),
          showIt: (q) =>
            showReveal(this, q, () => this.game.scene.getScene('Puzzle')?.scene.start('HostClass')),
          stepThrough: () =>
            showProgramReplay(this, conn, () =>
              this.game.scene.getScene('Playground')?.scene.start('HostClass'),
            ),
          leave: () => {
            conn.leave();
            this.scene.start('Menu');
          },
        });
        const render = (): void => {
          view.render();
          setHookInfo({
            scenes: ['HostClass'],
            extra: {
              liveCode: conn.code,
              phase: conn.state.live.phase,
              round: conn.state.live.round,
            },
          });
        };
        stop = conn.onChange(render);
        render();
      })
      .catch((e: unknown) => {
        screen.replaceChildren(
          p(t('live.err.create', { message: (e as Error).message }), 'live-error'),
        );
      });
  }
}
