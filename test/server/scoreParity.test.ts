/**
 * One board master, one score: the same play scores the same in a classroom room, in
 * POST /api/verify and on the challenge leaderboard, and a room counts the hints a student opened.
 * (Before the master, alarm-clock's `del loop`, `x = []` made 1200 in rooms and /api/verify, which
 * skipped the automatic collection, and 1198 on the leaderboard; rooms scored hints as 0.)
 */
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { replayChallenge } from '../../shared/challenges/replay.ts';
import type { CompletedMessage, WelcomeMessage } from '../../shared/protocol.ts';
import { ROOMS } from '../../shared/protocol.ts';
import { collect, startTestServer, type TestServer } from './helpers.ts';

const LEVEL = 'alarm-clock';
const PLAY = ['del loop', 'x = []'];
/** 1000 base − 2 × 1 object the automatic collection examined + 200 time bonus. */
const POINTS = 1198;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

async function studentOnLevel(): Promise<{ room: Room; completed: CompletedMessage[] }> {
  const host = await t.client().create(ROOMS.classroom, { host: true, puzzleId: LEVEL });
  const welcome = await new Promise<WelcomeMessage>((resolve) =>
    host.onMessage('welcome', resolve),
  );
  const room = await t.client().joinById(welcome.code, { nickname: 'Ada' });
  const completed = collect<CompletedMessage>(room, 'completed');
  return { room, completed };
}

describe('score parity across the callers of the board master', () => {
  it('scores alarm-clock the same in a room, in /api/verify and on the leaderboard', async () => {
    const res = await fetch(`${t.server.url}/api/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ puzzleId: LEVEL, moves: PLAY }),
    });
    const { result } = (await res.json()) as { result: CompletedMessage };
    expect(result).toMatchObject({ solved: true, stars: 3, score: POINTS });

    const board = replayChallenge(t.rules.puzzle(LEVEL)!, PLAY);
    expect(board.ok ? [board.result.score, board.result.examined] : board.error).toEqual([
      POINTS,
      1,
    ]);

    const ada = await studentOnLevel();
    PLAY.forEach((move, seq) => ada.room.send('move', { move, seq }));
    await vi.waitFor(() => expect(ada.completed.length).toBe(1));
    expect(ada.completed[0]).toMatchObject({ solved: true, stars: 3, score: POINTS });
  });

  it('counts the hints a student opened in the room: the answer hint caps the stars at 2', async () => {
    const ada = await studentOnLevel();
    for (let seq = 1; seq <= 3; seq++) ada.room.send('hint', { seq });
    PLAY.forEach((move, i) => ada.room.send('move', { move, seq: 10 + i }));
    await vi.waitFor(() => expect(ada.completed.length).toBe(1));
    expect(ada.completed[0]).toMatchObject({ stars: 2, score: POINTS - 3 * 100 });
  });
});
