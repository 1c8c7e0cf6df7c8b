import { describe, expect, it } from 'vitest';
import { RoomSession } from '../../client/session/RoomSession.ts';
import type { RoomLike } from '../../client/session/RoomSession.ts';
import { campaignPuzzle } from '../../shared/puzzles/campaign/index.ts';
import { master } from '../../shared/board/master.ts';
import { applyMove, startBoard } from '../../shared/puzzles/board.ts';
import type { Board } from '../../shared/puzzles/contract.ts';

/** A fake room that plays the server's part with the same shared code (no network). */
class FakeRoom implements RoomLike {
  handlers = new Map<string, (p: never) => void>();
  stateHandler: ((s: never) => void) | null = null;
  sent: [string, unknown][] = [];
  left = false;
  board: Board;
  private readonly puzzleId: string;
  constructor(board: Board, puzzleId: string) {
    this.board = board;
    this.puzzleId = puzzleId;
  }
  send(type: string, payload: unknown): void {
    this.sent.push([type, payload]);
    const p = payload as { move?: string; seq?: number };
    const puzzle = campaignPuzzle(this.puzzleId)!;
    if (type === 'move') {
      const r = applyMove(puzzle, this.board, p.move!);
      if (r.ok) {
        this.board = r.value.board;
        this.emit('applied', {
          seq: p.seq,
          by: 's1',
          move: p.move,
          kind: r.value.kind,
          version: this.board.moves.length,
          output: [],
          events: r.value.events,
        });
      } else {
        this.emit('rejected', {
          seq: p.seq,
          code: r.error.code,
          message: r.error.message,
          version: this.board.moves.length,
        });
      }
    }
    if (type === 'undo')
      this.board = (
        master.replay(puzzle, this.board.moves.slice(0, -1)) as {
          ok: true;
          match: { board: Board };
        }
      ).match.board;
    if (type === 'reset') this.board = startBoard(puzzle);
    this.stateHandler?.({ moves: this.board.moves } as never);
  }
  emit(type: string, payload: unknown): void {
    this.handlers.get(type)?.(payload as never);
  }
  onMessage(type: string, cb: (p: never) => void): void {
    this.handlers.set(type, cb);
  }
  onStateChange(cb: (s: never) => void): void {
    this.stateHandler = cb;
  }
  leave(): void {
    this.left = true;
  }
}

const movesOf = (s: never): string[] => (s as { moves: string[] }).moves;

describe('RoomSession', () => {
  it('sends moves with seq and expected version, and follows the room', async () => {
    const puzzle = campaignPuzzle('holding-hands')!;
    const room = new FakeRoom(startBoard(puzzle), puzzle.id);
    const s = new RoomSession(room, puzzle, movesOf);
    const r = await s.submit('del a');
    expect(r.ok).toBe(true);
    expect(room.sent[0]).toEqual(['move', { move: 'del a', seq: 1, expectedVersion: 0 }]);
    expect(s.snapshot().board.moves).toEqual(['del a']);
    await s.submit('del b');
    const c = await s.submit('gc.collect()');
    expect(c.ok && c.outcome.traces[0]?.result).toBe(2);
    expect(s.snapshot().goal.done).toBe(true);
    expect(await s.undo()).toBe(true);
    expect(s.snapshot().board.moves).toEqual(['del a', 'del b']);
    await s.reset();
    expect(s.snapshot().board.moves).toEqual([]);
    s.dispose();
    expect(room.left).toBe(true);
  });

  it('opens hints here and reports each to the room, keeping the count across room updates', async () => {
    const puzzle = campaignPuzzle('holding-hands')!;
    const room = new FakeRoom(startBoard(puzzle), puzzle.id);
    const s = new RoomSession(room, puzzle, movesOf);
    expect(s.nextHint()).toEqual({ tier: 1, total: 3, text: puzzle.hints[0] });
    expect(room.sent).toEqual([['hint', { seq: 1 }]]);
    await s.submit('del a');
    room.send('reset', {});
    expect(s.snapshot()).toMatchObject({ hintsUsed: 1, board: { moves: [] } });
    s.nextHint();
    s.nextHint();
    expect(s.nextHint()).toBe(null);
    expect(room.sent.filter(([type]) => type === 'hint')).toHaveLength(3);
  });

  it('resolves a rejected move with the room error and keeps the board', async () => {
    const puzzle = campaignPuzzle('holding-hands')!;
    const s = new RoomSession(new FakeRoom(startBoard(puzzle), puzzle.id), puzzle, movesOf);
    const r = await s.submit('a.next = None');
    expect(r).toMatchObject({ ok: false, error: { code: 'move/not_allowed' } });
    expect(s.snapshot().board.moves).toEqual([]);
  });
});
