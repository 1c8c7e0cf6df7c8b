/**
 * 10,000+ random and malformed messages against a classroom (seeded): no crash, no unhandled
 * rejection, engine invariants after every accepted move, and two well-behaved students keep
 * playing their boards (every one of their moves applied) during and after the storm.
 */
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultRules } from '../../server/game/activeRules.ts';
import type { ClassroomStateShape, MirrorBoard } from '../../shared/protocol.ts';
import {
  replayDigest,
  startTestServer,
  TEST_PUZZLE_ID,
  type TestServer,
} from '../server/helpers.ts';
import {
  GoodPlayer,
  invariantCheckingRules,
  joinRoom,
  runAttacker,
  sleep,
  type InvariantLog,
} from './fuzzKit.ts';
import { watchProcess } from './processWatch.ts';

const SEED = 0x5eed_c1a5;
const ATTACKERS = 28;
const MESSAGES = 10_000;

const log: InvariantLog = { accepted: 0, violations: [] };
const watch = watchProcess();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer(invariantCheckingRules(defaultRules, log), {
    // Every attacker and honest player shares 127.0.0.1: the matchmaker budgets are not under test.
    budgets: {
      matchmake: { points: 100_000, seconds: 60 },
      badCode: { points: 100_000, seconds: 60 },
    },
  });
});
afterAll(async () => {
  await t.stop();
  watch.stop();
});

const boardOf = (room: Room, seatId: string): MirrorBoard | undefined =>
  (room.state as unknown as ClassroomStateShape).seats.get(seatId)?.board;

async function student(
  code: string,
  nickname: string,
): Promise<{ player: GoodPlayer; seatId: string }> {
  const room = await joinRoom(t.server.url, code, { nickname });
  const seatId = await new Promise<string>((resolve) =>
    room.onMessage('welcome', (w: { seatId: string }) => resolve(w.seatId)),
  );
  return { player: new GoodPlayer(room), seatId };
}

/** One full solve of the class puzzle, then a reset; every step must be accepted. */
async function playCycle(
  p: { player: GoodPlayer; seatId: string },
  solution: readonly string[],
): Promise<void> {
  for (const move of solution) await p.player.act('move', { move });
  await p.player.act('undo', {}, (seq) => boardOf(p.player.room, p.seatId)?.lastSeq === seq);
  await p.player.act('move', { move: solution.at(-1)! });
  await p.player.act(
    'reset',
    {},
    (seq) =>
      boardOf(p.player.room, p.seatId)?.lastSeq === seq &&
      boardOf(p.player.room, p.seatId)?.version === 0,
  );
}

describe('classroom fuzz', () => {
  it(
    `survives ${MESSAGES} random and malformed messages while students keep playing`,
    { timeout: 60_000 },
    async () => {
      const host = await t
        .client()
        .create('classroom', { host: true, nickname: 'Ms Byte', puzzleId: TEST_PUZZLE_ID });
      const code = host.roomId;
      host.onMessage('*', () => undefined);
      const good = [await student(code, 'Ada'), await student(code, 'Grace')];
      const solution = t.puzzle.solution;
      const deadline = Date.now() + 45_000;
      const attackers = Promise.all(
        Array.from({ length: ATTACKERS }, (_, i) =>
          runAttacker({
            url: t.server.url,
            code,
            seed: SEED + i,
            budget: Math.ceil(MESSAGES / ATTACKERS),
            deadline,
            ctx: { solution, live: true, foreignTypes: ['nope', '__proto__', 'constructor'] },
            nickname: `Fuzz ${i}`,
          }),
        ),
      );
      let fuzzing = true;
      const stop = attackers.finally(() => (fuzzing = false));
      const cycles = good.map(async (p) => {
        let n = 0;
        while (fuzzing) {
          await playCycle(p, solution);
          n++;
        }
        return n;
      });
      const stats = await stop;
      const played = await Promise.all(cycles);
      const sent = stats.reduce((s, a) => s + a.sent, 0);
      console.log(
        `classroom fuzz: ${sent} messages, ${stats.reduce((s, a) => s + a.rejoins, 0)} joins, ${log.accepted} accepted moves, good cycles ${played.join('/')}`,
      );

      expect(sent).toBeGreaterThanOrEqual(MESSAGES);
      expect(watch.errors).toEqual([]);
      expect(log.violations).toEqual([]);
      expect(log.accepted).toBeGreaterThan(500);
      for (const [i, p] of good.entries()) {
        expect(p.player.left).toEqual([]);
        expect(p.player.slow).toEqual([]);
        expect(p.player.refused).toEqual([]);
        expect(p.player.unanswered).toBe(0);
        expect(played[i]).toBeGreaterThanOrEqual(3);
        expect(p.player.completed).toBeGreaterThanOrEqual(played[i]!);
      }
      // Afterwards: both students still play, and their mirrors equal a replay of their logs.
      await sleep(200);
      for (const p of good) {
        for (const move of solution.slice(0, -1))
          expect(await p.player.act('move', { move })).toBe(true);
        const board = boardOf(p.player.room, p.seatId)!;
        // The mirror is patched at the room's patch rate: wait for it rather than a fixed time.
        await vi.waitFor(() => expect(board.version).toBe(solution.length - 1), { timeout: 5000 });
        expect(board.stateDigest).toBe(
          replayDigest(
            t.rules,
            t.puzzle,
            [...board.moves].map((m) => m.move),
          ),
        );
      }
      const hostState = host.state as unknown as ClassroomStateShape;
      expect(hostState.seats.get(good[0]!.seatId)?.nickname).toBe('Ada');
      expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
    },
  );
});
