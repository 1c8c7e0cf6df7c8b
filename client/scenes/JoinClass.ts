/**
 * "Join a class": the join form (code, nickname or "pick for me"), then the student's live screen
 * (client/live/studentView.ts). Puzzle rounds open the Puzzle scene on the student's own board.
 */
import Phaser from 'phaser';
import { currentLive, joinClass, type LiveConnection } from '../live/connection.ts';
import { mountScreen } from '../live/dom.ts';
import { playRound } from '../live/flow.ts';
import { joinError, joinForm, StudentView } from '../live/studentView.ts';
import { app } from '../ui/app.ts';
import { setHookInfo } from '../ui/testHook.ts';
import { css } from '../view/theme.ts';

/** Round whose board was opened automatically (once: a student who leaves it is not pulled back). */
let autoOpened = '';
let typedName = '';

export class JoinClass extends Phaser.Scene {
  private code = '';
  private stop: () => void = () => undefined;

  constructor() {
    super('JoinClass');
  }

  init(data: { code?: string }): void {
    this.code = data.code ?? '';
  }

  create(): void {
    this.cameras.main.setBackgroundColor(css(app().theme.background));
    const screen = mountScreen();
    this.events.once('shutdown', () => {
      this.stop();
      screen.remove();
    });
    const conn = currentLive();
    if (conn?.role === 'student' && (conn.status === 'connected' || conn.status === 'reconnecting'))
      return this.show(screen, conn);
    setHookInfo({ scenes: ['JoinClass'], extra: { joined: false } });
    joinForm(
      screen,
      this.code,
      async (code, nickname) => {
        try {
          typedName = nickname;
          const joined = await joinClass(code, nickname || undefined);
          if (this.scene.isActive()) this.show(screen, joined);
          return null;
        } catch (e) {
          return joinError((e as Error).message);
        }
      },
      () => this.scene.start('Menu'),
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
      if (!this.scene.isActive()) return;
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
        },
      });
      const roundKey = `${conn.code}:${live.round}`;
      const solved = me?.cells.at(live.round - 1)?.status === 'solved';
      if (
        live.phase === 'running' &&
        live.kind === 'puzzle' &&
        !solved &&
        autoOpened !== roundKey &&
        conn.status === 'connected'
      ) {
        autoOpened = roundKey;
        playRound(this, conn);
      }
    };
    this.stop = conn.onChange(render);
    render();
  }
}
