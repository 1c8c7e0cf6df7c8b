import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  AppliedMessage,
  CompletedMessage,
  RejectedMessage,
  TeamStateShape,
  WelcomeMessage,
} from '../../shared/protocol.ts';
import { ROOMS } from '../../shared/protocol.ts';
import { matchMaker } from '@colyseus/core';
import type { TeamRoom } from '../../server/rooms/TeamRoom.ts';
import {
  collect,
  ILLEGAL_MOVE,
  replayDigest,
  replayHash,
  startTestServer,
  type TestServer,
} from './helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

interface Player {
  room: Room;
  welcome: WelcomeMessage;
  applied: AppliedMessage[];
  rejected: RejectedMessage[];
  completed: CompletedMessage[];
}

async function player(make: () => Promise<Room>): Promise<Player> {
  const room = await make();
  const welcomes = collect<WelcomeMessage>(room, 'welcome');
  const rest = {
    applied: collect<AppliedMessage>(room, 'applied'),
    rejected: collect<RejectedMessage>(room, 'rejected'),
    completed: collect<CompletedMessage>(room, 'completed'),
  };
  await vi.waitFor(() => expect(welcomes.length).toBe(1));
  return { room, welcome: welcomes[0]!, ...rest };
}

const stateOf = (p: Player) => p.room.state as unknown as TeamStateShape;
const logOf = (p: Player) =>
  [...(stateOf(p).board?.moves ?? [])].map((m) => ({ move: m.move, by: m.by }));

async function pair(): Promise<[Player, Player]> {
  const ada = await player(() =>
    t.client().create(ROOMS.team, { nickname: 'Ada', puzzleId: t.puzzle.id }),
  );
  const bob = await player(() => t.client().joinById(ada.welcome.code, { nickname: 'Bob' }));
  return [ada, bob];
}

describe('team room', () => {
  it('lets two players act on one board and shows each the other’s moves and who made them', async () => {
    const [ada, bob] = await pair();
    const [m0, m1] = t.puzzle.solution;
    ada.room.send('move', { move: m0! });
    await vi.waitFor(() => expect(bob.applied.map((a) => a.by)).toEqual([ada.welcome.seatId]));
    bob.room.send('move', { move: m1! });
    const expected = [
      { move: m0, by: ada.welcome.seatId },
      { move: m1, by: bob.welcome.seatId },
    ];
    await vi.waitFor(() => expect(logOf(ada)).toEqual(expected));
    await vi.waitFor(() => expect(logOf(bob)).toEqual(expected));
    expect(ada.applied.map((a) => [a.by, a.version])).toEqual([
      [ada.welcome.seatId, 1],
      [bob.welcome.seatId, 2],
    ]);
    const names = new Map<string, string>();
    stateOf(ada).players.forEach((p, id) => names.set(id, p.nickname));
    expect(names).toEqual(
      new Map([
        [ada.welcome.seatId, 'Ada'],
        [bob.welcome.seatId, 'Bob'],
      ]),
    );
  });

  it('keeps the room hash equal to replaying its move log through the engine', async () => {
    const [ada, bob] = await pair();
    ada.room.send('move', { move: t.puzzle.solution[0]! });
    bob.room.send('move', { move: ILLEGAL_MOVE });
    await vi.waitFor(() => expect(bob.rejected.length).toBe(1));
    await vi.waitFor(() => expect(stateOf(bob).board.version).toBe(1));
    const server = matchMaker.getLocalRoomById(ada.welcome.code) as unknown as TeamRoom;
    const log = server.board.current.moves;
    expect(log).toEqual([t.puzzle.solution[0]]);
    expect(server.board.hash()).toBe(replayHash(t.rules, t.puzzle, log));
    expect(stateOf(bob).board.stateDigest).toBe(replayDigest(t.rules, t.puzzle, log));
  });

  it('undo takes back the last move for everyone', async () => {
    const [ada, bob] = await pair();
    ada.room.send('move', { move: t.puzzle.solution[0]! });
    await vi.waitFor(() => expect(stateOf(bob).board.version).toBe(1));
    bob.room.send('undo', {});
    await vi.waitFor(() => expect(stateOf(ada).board.version).toBe(0));
    expect(stateOf(ada).board.stateDigest).toBe(replayDigest(t.rules, t.puzzle, []));
    bob.room.send('undo', { seq: 4 });
    await vi.waitFor(() =>
      expect(bob.rejected).toEqual([
        {
          seq: 4,
          code: 'move/nothing_to_undo',
          message: 'There is no move to take back.',
          version: 0,
        },
      ]),
    );
  });

  it('stores one result when the team solves the puzzle and tells every player', async () => {
    const [ada, bob] = await pair();
    for (const [i, move] of t.puzzle.solution.entries()) {
      (i % 2 === 0 ? ada : bob).room.send('move', { move });
      await vi.waitFor(() => expect(ada.applied.length).toBe(i + 1)); // arrival order = turn order
    }
    await vi.waitFor(() => expect(ada.completed.length + bob.completed.length).toBe(2));
    expect(ada.completed[0]).toEqual(bob.completed[0]);
    const rows = await t.server.store.listResults({ roomCode: ada.welcome.code });
    expect(rows.map((r) => [r.roomKind, r.nickname, r.moves])).toEqual([
      ['team', 'Ada, Bob', t.puzzle.solution],
    ]);
  });

  it('removes a player who leaves, but keeps their moves in the log', async () => {
    const [ada, bob] = await pair();
    bob.room.send('move', { move: t.puzzle.solution[0]! });
    await vi.waitFor(() => expect(stateOf(ada).board.version).toBe(1));
    await bob.room.leave(true);
    await vi.waitFor(() => expect(stateOf(ada).players.get(bob.welcome.seatId)).toBeUndefined());
    expect(logOf(ada)).toEqual([{ move: t.puzzle.solution[0], by: bob.welcome.seatId }]);
  });
});
