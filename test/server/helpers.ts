/** Starts a real game server on an ephemeral port with a throwaway data directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { createGameServer, type GameServer, type GameServerOptions } from '../../server/app.ts';
import { defaultRules } from '../../server/game/activeRules.ts';
import type { Rules } from '../../server/game/rules.ts';
import { createMaster } from '../../shared/board/master.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';

export interface TestServer {
  server: GameServer;
  rules: Rules;
  puzzle: Puzzle;
  client(): Client;
  stop(): Promise<void>;
}

export async function startTestServer(
  rules: Rules = defaultRules,
  extra: Partial<GameServerOptions> = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hh-server-'));
  const server = await createGameServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    rules,
    clientDir: join(dataDir, 'no-client'),
    ...extra,
  });
  return {
    server,
    rules,
    puzzle: rules.puzzle(TEST_PUZZLE_ID)!,
    client: () => new Client(server.url),
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A room clock (GameServerOptions.roomClock) that runs with real time plus a skew the test moves
 * forward: reconnection windows and round timers pass in an instant instead of a real sleep.
 */
export function skewedClock(): { now: () => number; advance(ms: number): void } {
  let skew = 0;
  return {
    now: () => Date.now() + skew,
    advance: (ms) => {
      skew += ms;
    },
  };
}

/** Collects every message of one type a room receives. */
export function collect<T>(room: Room, type: string): T[] {
  const got: T[] = [];
  room.onMessage(type, (payload: T) => got.push(payload));
  return got;
}

/** hashState after the board master replays `moves` from the puzzle's start board. */
export function replayHash(rules: Rules, puzzle: Puzzle, moves: readonly string[]): string {
  const replayed = createMaster(rules).replay(puzzle, moves);
  if (!replayed.ok) throw new Error(`replay failed at ${replayed.moveIndex}: ${replayed.code}`);
  return rules.hashState(replayed.match.board.engine);
}

/** stateDigest (what rooms mirror per move) after the board master replays `moves`. */
export function replayDigest(rules: Rules, puzzle: Puzzle, moves: readonly string[]): string {
  const replayed = createMaster(rules).replay(puzzle, moves);
  if (!replayed.ok) throw new Error(`replay failed at ${replayed.moveIndex}: ${replayed.code}`);
  return rules.stateDigest(replayed.match.board.engine);
}

/** A 3-move campaign level (`del a`, `del b`, `gc.collect()`): long enough to undo, drop, resume. */
export const TEST_PUZZLE_ID = 'holding-hands';

/** A well-formed statement no puzzle accepts: `del` of a name that was never bound. */
export const ILLEGAL_MOVE = 'del never_bound_name';
