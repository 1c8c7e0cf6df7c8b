/**
 * The daily-challenge flow: Menu → Daily (today's puzzle, nickname) → Puzzle (played locally with
 * a LocalSession over the served puzzle) → Leaderboard (the server replays and ranks the moves).
 *
 * Scenes are added to the game on first use, so main.ts needs no change. Playing goes through the
 * Puzzle scene: it must accept `{ session, onSolved }` in its init data (see docs/leaderboard.md).
 */
import type Phaser from 'phaser';
import type { ChallengeView } from '../../shared/challenges/api.ts';
import type { Puzzle as PuzzleData } from '../../shared/puzzles/format.ts';
import { LocalSession } from '../session/LocalSession.ts';
import type { Session } from '../session/Session.ts';
import { CLASS_CODE_KEY, NICKNAME_KEY } from './api.ts';
import { localStore } from './storage.ts';

/** What the Leaderboard scene submits once the puzzle is solved. */
export interface PendingSubmission {
  moves: string[];
  nickname: string;
  classCode?: string;
}

export interface LeaderboardData {
  view: ChallengeView;
  classCode?: string;
  submit?: PendingSubmission;
}

/** A solo session over a served challenge puzzle (the solution is never sent, and not needed). */
export function challengeSession(view: ChallengeView): Session {
  return new LocalSession({ ...view.puzzle, solution: [] } as PuzzleData);
}

export function rememberPlayer(nickname: string, classCode: string): void {
  localStore().setItem(NICKNAME_KEY, nickname);
  localStore().setItem(CLASS_CODE_KEY, classCode);
}

export function rememberedPlayer(): { nickname: string; classCode: string } {
  return {
    nickname: localStore().getItem(NICKNAME_KEY) ?? '',
    classCode: localStore().getItem(CLASS_CODE_KEY) ?? '',
  };
}

/** Registers the challenge scenes once (lazily, to keep main.ts untouched). */
export async function ensureChallengeScenes(scene: Phaser.Scene): Promise<void> {
  const { Daily } = await import('../scenes/Daily.ts');
  const { Leaderboard } = await import('../scenes/Leaderboard.ts');
  const keys = scene.game.scene.keys as Record<string, unknown>;
  if (!keys.Daily) scene.game.scene.add('Daily', Daily, false);
  if (!keys.Leaderboard) scene.game.scene.add('Leaderboard', Leaderboard, false);
}

/** Menu → Daily. */
export async function openDaily(scene: Phaser.Scene): Promise<void> {
  await ensureChallengeScenes(scene);
  scene.scene.start('Daily');
}

/**
 * True once the Puzzle scene takes `{ session, onSolved }` in its init data and says so with a
 * public `acceptsSession = true` field (docs/leaderboard.md). Until then Play stays disabled rather
 * than opening a campaign screen.
 */
export function puzzleAcceptsSessions(scene: Phaser.Scene): boolean {
  const puzzle = scene.game.scene.getScene('Puzzle') as unknown as {
    acceptsSession?: unknown;
  } | null;
  return puzzle?.acceptsSession === true;
}

/** Daily → Puzzle; when solved, Puzzle hands the moves to the Leaderboard scene for submission. */
export function playChallenge(
  scene: Phaser.Scene,
  view: ChallengeView,
  nickname: string,
  classCode: string,
): void {
  const onSolved = (moves: readonly string[]): void => {
    const submit: PendingSubmission = {
      moves: [...moves],
      nickname,
      ...(classCode ? { classCode } : {}),
    };
    scene.scene.manager.getScene('Puzzle')?.scene.start('Leaderboard', {
      view,
      submit,
      ...(classCode ? { classCode } : {}),
    } satisfies LeaderboardData);
  };
  scene.scene.start('Puzzle', {
    puzzleId: view.puzzle.id,
    session: challengeSession(view),
    onSolved,
  });
}
