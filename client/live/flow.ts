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
  joinAsCoTeacher,
  remembered,
  resumeRemembered,
  type LiveConnection,
} from './connection.ts';
import { roundInProgress } from '../../shared/live/phases.ts';
import { ROOM_CODE } from '../../shared/protocol.ts';
import type { JoinClassData } from '../scenes/JoinClass.ts';
import { Countdown } from './countdown.ts';
import { btn, el } from './dom.ts';
import { icon } from './icons.ts';
import { holdReason } from './hold.ts';
import { LIVE_KEYS } from './keys.ts';
import { studentBoard, watchBoard } from './sessions.ts';

async function ensureLiveScenes(scene: Phaser.Scene): Promise<void> {
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

export async function openJoin(scene: Phaser.Scene, data: JoinClassData = {}): Promise<void> {
  await ensureLiveScenes(scene);
  scene.scene.start('JoinClass', data);
}

/**
 * Where a page load goes, decided before the menu is up (start.ts) so a rejoin runs while the game
 * loads: a co-teacher link; a remembered teacher seat; this device's student seat — unless the page
 * is another class's join link, which wins (the old class is forgotten on this device); or the
 * join form for a link's code.
 */
export type StartPlan =
  | { to: 'none' }
  | { to: 'coTeacher'; code: string; seat: Promise<LiveConnection | null> }
  | { to: 'host'; seat: Promise<LiveConnection | null> }
  | { to: 'join'; code: string; seat?: Promise<LiveConnection | null> };

export function planFromUrl(): StartPlan {
  const params = new URLSearchParams(location.search);
  const linkCode = params.get('join');
  const code = linkCode && ROOM_CODE.test(linkCode) ? linkCode : null;
  const key = params.get('teacher');
  if (code && key)
    return { to: 'coTeacher', code, seat: joinAsCoTeacher(code, key).catch(() => null) };
  if (remembered('host') && !code) return { to: 'host', seat: resumeRemembered('host') };
  const mine = remembered('student');
  if (mine && code && code !== mine) forgetStudentSeat();
  else if (mine) return { to: 'join', code: mine, seat: resumeRemembered('student') };
  return code ? { to: 'join', code } : { to: 'none' };
}

function forgetStudentSeat(): void {
  try {
    localStorage.removeItem(LIVE_KEYS.student);
  } catch {
    // storage blocked: nothing was remembered either
  }
}

/**
 * Act on the plan once the Menu is up (the scenes need a running game). True when a live scene
 * was started: it takes over the page-load cover in its first frame, so the menu never shows.
 */
export async function startFromUrl(menu: Phaser.Scene, plan: StartPlan): Promise<boolean> {
  if (plan.to === 'coTeacher') {
    if (await plan.seat) {
      history.replaceState(null, '', '/');
      await openHost(menu);
      return true;
    }
    await openJoin(menu, { code: plan.code }); // the link is stale: the join form
    return true;
  }
  if (plan.to === 'host') {
    if (!(await plan.seat)) return false;
    await openHost(menu);
    return true;
  }
  if (plan.to !== 'join') return false;
  await openJoin(menu, { code: plan.code, ...(plan.seat ? { seat: plan.seat } : {}) });
  return true;
}

function badge(
  text: string,
  warn: boolean,
  action?: { label: string; run: () => void },
): { node: HTMLElement; text: HTMLElement; remove(): void } {
  document.getElementById('live-badge')?.remove();
  const node = el('div', { id: 'live-badge', role: 'status' });
  node.classList.toggle('warn', warn);
  const line = el('span', { id: 'live-badge-text' }, text);
  node.append(line);
  if (action) node.append(btn('live-badge-back', action.label, action.run, { secondary: true }));
  (document.getElementById('game') ?? document.body).append(node);
  return { node, text: line, remove: () => node.remove() };
}

function roundLine(conn: LiveConnection): string {
  const live = conn.state.live;
  const parts = [
    t('live.classCode', { code: conn.code }),
    t('live.roundOf', { n: live.round, of: live.rounds }),
  ];
  if (live.phase === 'paused') parts.push(t('live.paused'));
  if (conn.status === 'reconnecting') parts.push(t('live.reconnecting'));
  return parts.join(' · ');
}

/**
 * Over the board while the round is paused or the link is down: says why, and takes the taps
 * (the session also refuses typed moves with the same reason, sessions.ts).
 */
function holdCover(): { set(reason: string | null): void; remove(): void } {
  document.getElementById('live-hold')?.remove();
  const node = el('div', { id: 'live-hold', role: 'alert' });
  const text = el('p', { class: 'live-big' });
  node.append(icon('pause'), text);
  node.hidden = true;
  (document.getElementById('game') ?? document.body).append(node);
  return {
    set: (reason) => {
      node.hidden = reason === null;
      if (reason !== null && text.textContent !== reason) text.textContent = reason;
    },
    remove: () => node.remove(),
  };
}

/** Student: this round's puzzle on their own board; back to the class screen when it is over. */
export function playRound(scene: Phaser.Scene, conn: LiveConnection): void {
  const round = conn.state.live.round;
  const game = scene.game;
  let done = false;
  const back = (): void => {
    if (done) return;
    done = true;
    stop();
    game.scene.getScene('Puzzle')?.scene.start('JoinClass', { code: conn.code });
  };
  const session = studentBoard(conn, back);
  if (!session) return;
  const tag = badge(roundLine(conn), false);
  const timer = new Countdown('live-badge-timer', 'live-countdown');
  tag.node.append(timer.node);
  const hold = holdCover();
  let seen = false; // the Puzzle scene starts on the next frame; only its later shutdown means "left"
  const sync = (): void => {
    const live = conn.state.live;
    const held = holdReason(conn);
    const text = roundLine(conn);
    if (tag.text.textContent !== text) tag.text.textContent = text;
    tag.node.classList.toggle('warn', held !== null);
    timer.set(live.timed, live.remainingMs, held === null);
    hold.set(held);
  };
  const unsubscribe = conn.onChange(() => {
    const live = conn.state.live;
    const active = game.scene.isActive('Puzzle');
    seen ||= active;
    if (seen && !active) return stop();
    if (live.round !== round || !roundInProgress(live.phase) || conn.status === 'kicked')
      return back();
    sync();
  });
  const stop = (): void => {
    unsubscribe();
    timer.stop();
    tag.remove();
    hold.remove();
  };
  scene.scene.start('Puzzle', { puzzleId: session.puzzle.id, session, onSolved: back });
  sync();
}

/** Teacher: one student's board, read-only, until "Dashboard" is pressed. */
export function watchStudent(scene: Phaser.Scene, conn: LiveConnection, seatId: string): void {
  const session = watchBoard(conn, seatId);
  if (!session) return;
  const name = conn.state.liveSeats.get(seatId)?.nickname ?? '';
  const game = scene.game;
  const { remove } = badge(t('live.watching', { name }), false, {
    label: `← ${t('live.dashboard')}`,
    run: () => {
      remove();
      game.scene.getScene('Puzzle')?.scene.start('HostClass');
    },
  });
  scene.scene.start('Puzzle', { puzzleId: session.puzzle.id, session, onSolved: () => undefined });
  game.scene.getScene('Puzzle')?.events.once('shutdown', remove);
}
