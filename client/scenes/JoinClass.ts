/**
 * "Join a class": the join form (code, nickname or "pick for me"), then the student's live screen
 * (client/live/studentView.ts). Puzzle rounds open the Puzzle scene on the student's own board.
 *
 * Entered three ways: from the menu or a join link (`code`, the form), after a page load that
 * found this device's seat (`seat`: the rejoin already under way, "Rejoining…" until it lands), or
 * back from a board (the live connection is still open: straight to the class screen). A device
 * still holding another class's connection leaves it when it follows a new class's link.
 */
import Phaser from 'phaser';
import { puzzleRoundRunning } from '../../shared/live/phases.ts';
import { t } from '../i18n/index.ts';
import { currentLive, joinClass, type LiveConnection } from '../live/connection.ts';
import { mountScreen, p } from '../live/dom.ts';
import { playRound } from '../live/flow.ts';
import { quietWhileCovered } from '../live/quiet.ts';
import { joinError, joinForm, StudentView } from '../live/studentView.ts';
import { app } from '../ui/app.ts';
import { setHookInfo } from '../ui/testHook.ts';
import { css } from '../view/theme.ts';

/** Round whose board was opened automatically (once: a student who leaves it is not pulled back). */
let autoOpened = '';
let typedName = '';

export interface JoinClassData {
  code?: string;
  /** A rejoin started at page load (flow.ts); null when the seat could not be taken back. */
  seat?: Promise<LiveConnection | null>;
}

export class JoinClass extends Phaser.Scene {
  private entry: JoinClassData = {};
  /** True from create() to shutdown: `scene.isActive()` is still false during create(). */
  private alive = false;
  private stop: () => void = () => undefined;

  constructor() {
    super('JoinClass');
  }

  init(data: JoinClassData): void {
    this.entry = data;
  }

  create(): void {
    this.alive = true;
    this.cameras.main.setBackgroundColor(css(app().theme.background));
    const screen = mountScreen();
    quietWhileCovered(this);
    this.events.once('shutdown', () => {
      this.alive = false;
      this.stop();
      this.stop = () => undefined;
      screen.remove();
    });
    const { code = '', seat } = this.entry;
    if (seat) return this.rejoin(screen, code, seat);
    const conn = currentLive();
    if (conn?.role === 'student' && (!code || code === conn.code)) {
      if (conn.status === 'connected' || conn.status === 'reconnecting')
        return this.show(screen, conn);
    } else if (conn?.role === 'student' && conn.status !== 'left') conn.leave(); // a new class's link
    this.form(screen, code);
  }

  private rejoin(screen: HTMLElement, code: string, seat: Promise<LiveConnection | null>): void {
    setHookInfo({ scenes: ['JoinClass'], extra: { joined: false, rejoining: true } });
    screen.replaceChildren(p(t('live.rejoining', { code }), 'live-big'));
    void seat.then((conn) => {
      if (!this.alive) return;
      if (conn) return this.show(screen, conn);
      this.form(screen, code, t('live.err.rejoin', { code }));
    });
  }

  private form(screen: HTMLElement, code: string, note = ''): void {
    setHookInfo({ scenes: ['JoinClass'], extra: { joined: false } });
    joinForm(
      screen,
      code,
      async (c, nickname) => {
        try {
          typedName = nickname;
          const joined = await joinClass(c, nickname || undefined);
          if (this.alive) this.show(screen, joined);
          return null;
        } catch (e) {
          return joinError((e as Error).message);
        }
      },
      () => this.scene.start('Menu'),
      note,
    );
  }

  private show(screen: HTMLElement, conn: LiveConnection): void {
    screen.replaceChildren();
    const view = new StudentView(screen, conn, typedName, {
      openBoard: () => playRound(this, conn),
      leave: () => {
        conn.leave();
        this.scene.start('Menu');
      },
    });
    const render = (): void => {
      if (!this.alive) return;
      view.render();
      const live = conn.state.live;
      const me = conn.myRow;
      setHookInfo({
        scenes: ['JoinClass'],
        extra: {
          joined: true,
          phase: live.phase,
          round: live.round,
          rank: me?.rank ?? null,
          points: me?.points ?? null,
          nickname: me?.nickname ?? null,
          status: conn.status,
        },
      });
      if (live.phase === 'ended') conn.forget(); // the next page load starts at the menu
      const roundKey = `${conn.code}:${live.round}`;
      const solved = me?.cells.at(live.round - 1)?.status === 'solved';
      if (
        puzzleRoundRunning(live.phase, live.kind) &&
        !solved &&
        autoOpened !== roundKey &&
        conn.status === 'connected'
      ) {
        autoOpened = roundKey;
        playRound(this, conn);
      }
    };
    const unsubscribe = conn.onChange(render);
    this.stop = () => {
      unsubscribe();
      view.dispose();
    };
    render();
  }
}
