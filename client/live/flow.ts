/**
 * Live class navigation: the Host/Join scenes are added to the game on first use (main.ts stays
 * small), `/?join=CODE` opens the join form with the code filled in (`&teacher=KEY` joins as a
 * co-teacher), and a refresh returns a remembered teacher or student to their seat.
 * Students play puzzle rounds in the Puzzle scene through a room session; a watcher brings them
 * back to the class screen when they solve it or the round ends. Teachers watch a student's board
 * the same way, read-only, with a badge button back to the dashboard.
 */
import type Phaser from 'phaser';
import { t } from '../i18n/index.ts';
import {
  currentLive,
  joinAsCoTeacher,
  remembered,
  resumeRemembered,
  type LiveConnection,
} from './connection.ts';
import { btn, clock, el } from './dom.ts';
import { studentBoard, watchBoard } from './sessions.ts';

export async function ensureLiveScenes(scene: Phaser.Scene): Promise<void> {
  const { HostClass } = await import('../scenes/HostClass.ts');
  const { JoinClass } = await import('../scenes/JoinClass.ts');
  const keys = scene.game.scene.keys as Record<string, unknown>;
  if (!keys.HostClass) scene.game.scene.add('HostClass', HostClass, false);
  if (!keys.JoinClass) scene.game.scene.add('JoinClass', JoinClass, false);
}

export async function openHost(scene: Phaser.Scene, data: object = {}): Promise<void> {
  await ensureLiveScenes(scene);
  scene.scene.start('HostClass', data);
}

export async function openJoin(scene: Phaser.Scene, data: { code?: string } = {}): Promise<void> {
  await ensureLiveScenes(scene);
  scene.scene.start('JoinClass', data);
}

/** On page load (from the Menu): a join link, a co-teacher link, or a remembered seat. */
export async function startFromUrl(menu: Phaser.Scene): Promise<void> {
  const params = new URLSearchParams(location.search);
  const code = params.get('join');
  const key = params.get('teacher');
  if (code && /^[0-9]{6}$/.test(code) && key) {
    try {
      await joinAsCoTeacher(code, key);
      history.replaceState(null, '', '/');
      return openHost(menu);
    } catch {
      // fall through to the join form: the link is stale
    }
  }
  if (remembered('host') && !code) {
    if (await resumeRemembered('host')) return openHost(menu);
  }
  if (remembered('student')) {
    const conn = await resumeRemembered('student');
    if (conn && (!code || code === conn.code)) return openJoin(menu, { code: conn.code });
  }
  if (code) return openJoin(menu, { code });
}

function badge(
  text: string,
  warn: boolean,
  action?: { label: string; run: () => void },
): () => void {
  document.getElementById('live-badge')?.remove();
  const node = el('div', { id: 'live-badge', role: 'status' });
  node.classList.toggle('warn', warn);
  node.append(el('span', { id: 'live-badge-text' }, text));
  if (action) node.append(btn('live-badge-back', action.label, action.run, { secondary: true }));
  (document.getElementById('game') ?? document.body).append(node);
  return () => node.remove();
}

function roundLine(conn: LiveConnection): string {
  const live = conn.state.live;
  const parts = [
    t('live.classCode', { code: conn.code }),
    t('live.roundOf', { n: live.round, of: live.rounds }),
  ];
  if (live.timed) parts.push(`⏱ ${clock(live.remainingMs)}`);
  if (live.phase === 'paused') parts.push(t('live.paused'));
  if (conn.status === 'reconnecting') parts.push(t('live.reconnecting'));
  return parts.join(' · ');
}

/** Student: this round's puzzle on their own board; back to the class screen when it is over. */
export function playRound(scene: Phaser.Scene, conn: LiveConnection): void {
  const session = studentBoard(conn);
  if (!session) return;
  const round = conn.state.live.round;
  const game = scene.game;
  let done = false;
  let removeBadge = (): void => undefined;
  const back = (): void => {
    if (done) return;
    done = true;
    stop();
    removeBadge();
    game.scene.getScene('Puzzle')?.scene.start('JoinClass', { code: conn.code });
  };
  let seen = false; // the Puzzle scene starts on the next frame; only its later shutdown means "left"
  const stop = conn.onChange(() => {
    const live = conn.state.live;
    const active = game.scene.isActive('Puzzle');
    seen ||= active;
    if (seen && !active) return void (stop(), removeBadge());
    if (
      live.round !== round ||
      (live.phase !== 'running' && live.phase !== 'paused') ||
      conn.status === 'kicked'
    )
      return back();
    removeBadge = badge(roundLine(conn), conn.status !== 'connected' || live.phase === 'paused');
  });
  scene.scene.start('Puzzle', { puzzleId: session.puzzle.id, session, onSolved: back });
  removeBadge = badge(roundLine(conn), false);
}

/** Teacher: one student's board, read-only, until "Dashboard" is pressed. */
export function watchStudent(scene: Phaser.Scene, conn: LiveConnection, seatId: string): void {
  const session = watchBoard(conn, seatId);
  if (!session) return;
  const name = conn.state.liveSeats.get(seatId)?.nickname ?? '';
  const game = scene.game;
  const remove = badge(t('live.watching', { name }), false, {
    label: `← ${t('live.dashboard')}`,
    run: () => {
      remove();
      game.scene.getScene('Puzzle')?.scene.start('HostClass');
    },
  });
  scene.scene.start('Puzzle', { puzzleId: session.puzzle.id, session, onSolved: () => undefined });
  game.scene.getScene('Puzzle')?.events.once('shutdown', remove);
}

export { currentLive };
