/**
 * 10,000+ random and malformed messages against team rooms (seeded; six rooms of two
 * well-behaved players and four attackers, since a team holds six): no crash, no unhandled
 * rejection, invariants after every accepted move; the honest players get an answer to every
 * move during the storm and solve their puzzle afterwards.
 */
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultRules } from '../../server/game/activeRules.ts';
import type { TeamStateShape } from '../../shared/protocol.ts';
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

const SEED = 0x7ea3_f022;
const ROOMS = 6;
const ATTACKERS_PER_ROOM = 4;
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

const boardOf = (room: Room) => (room.state as unknown as TeamStateShape).board;

interface Team {
  code: string;
  players: GoodPlayer[];
}

async function team(): Promise<Team> {
  const first = await t.client().create('team', { nickname: 'Ada', puzzleId: TEST_PUZZLE_ID });
  const second = await joinRoom(t.server.url, first.roomId, { nickname: 'Grace' });
  return { code: first.roomId, players: [new GoodPlayer(first), new GoodPlayer(second)] };
}

describe('team fuzz', () => {
  it(
    `survives ${MESSAGES} random and malformed messages while the team keeps playing`,
    { timeout: 60_000 },
    async () => {
      const teams = await Promise.all(Array.from({ length: ROOMS }, () => team()));
      const solution = t.puzzle.solution;
      const deadline = Date.now() + 45_000;
      const budget = Math.ceil(MESSAGES / (ROOMS * ATTACKERS_PER_ROOM));
      const attackers = Promise.all(
        teams.flatMap((tm, r) =>
          Array.from({ length: ATTACKERS_PER_ROOM }, (_, i) =>
            runAttacker({
              url: t.server.url,
              code: tm.code,
              seed: SEED + r * 100 + i,
              budget,
              deadline,
              ctx: {
                solution,
                live: false,
                foreignTypes: ['setPuzzle', 'liveHost', 'liveAnswer', 'liveHint', 'nope'],
              },
              nickname: `Fuzz ${r}.${i}`,
            }),
          ),
        ),
      );
      let fuzzing = true;
      const stop = attackers.finally(() => (fuzzing = false));
      // During the storm the board is shared with attackers, so moves may be refused; each must be answered.
      const honest = teams
        .flatMap((tm) => tm.players)
        .map(async (p, i) => {
          let n = 0;
          while (fuzzing) {
            const move = solution[(n + i) % solution.length]!;
            await p.act('move', { move });
            n++;
          }
          return n;
        });
      const stats = await stop;
      const sent = stats.reduce((s, a) => s + a.sent, 0);
      const moves = await Promise.all(honest);
      console.log(
        `team fuzz: ${sent} messages, ${stats.reduce((s, a) => s + a.rejoins, 0)} joins, ${log.accepted} accepted moves, honest moves ${moves.reduce((a, b) => a + b, 0)}`,
      );

      expect(sent).toBeGreaterThanOrEqual(MESSAGES);
      expect(watch.errors).toEqual([]);
      expect(log.violations).toEqual([]);
      for (const p of teams.flatMap((tm) => tm.players)) {
        expect(p.left).toEqual([]);
        expect(p.slow).toEqual([]);
        expect(p.unanswered).toBe(0);
        expect(p.applied + p.refused.length).toBeGreaterThan(50);
      }
      // Afterwards each team resets and solves its puzzle together, alternating players.
      await sleep(300);
      for (const tm of teams) {
        const [a, b] = tm.players as [GoodPlayer, GoodPlayer];
        expect(
          await a.act(
            'reset',
            {},
            (seq) => boardOf(a.room).lastSeq === seq && boardOf(a.room).version === 0,
          ),
        ).toBe(true);
        for (const [i, move] of solution.entries())
          expect(await (i % 2 === 0 ? a : b).act('move', { move })).toBe(true);
        // The other player's mirror is patched at the room's patch rate: wait for it.
        await vi.waitFor(() => expect(boardOf(b.room).solved).toBe(true), { timeout: 5000 });
        expect(boardOf(b.room).stateDigest).toBe(replayDigest(t.rules, t.puzzle, solution));
        expect(a.completed).toBeGreaterThanOrEqual(1);
      }
    },
  );
});
