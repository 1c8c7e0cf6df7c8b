import { describe, expect, it } from 'vitest';
import { applyMove, startBoard } from '../../shared/puzzles/board.ts';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import { circled, displayName, EMPTY_BOOK, nameObjects } from '../../client/view/names.ts';
import type { NameBook } from '../../client/view/names.ts';
import { list, node, state } from './heaps.ts';

describe('lifelong display names', () => {
  it('counts per kind in creation order with circled numbers', () => {
    const s = state([list(1, []), node(2, { t: 'none' }), list(3, []), node(4, { t: 'none' })], {});
    const book = nameObjects(EMPTY_BOOK, s);
    expect([1, 2, 3, 4].map((id) => displayName(book, id))).toEqual([
      'list①',
      'Node①',
      'list②',
      'Node②',
    ]);
    expect([circled(20), circled(21), circled(50), circled(51)]).toEqual(['⑳', '㉑', '㊿', '(51)']);
  });

  it('names new objects in allocation-event order, never renaming the old ones', () => {
    const first = nameObjects(EMPTY_BOOK, state([list(5, [])], {}));
    const later = state([list(5, []), list(7, []), list(6, [])], {});
    const book = nameObjects(first, later, [
      { type: 'allocated', id: 7, kind: 'list' },
      { type: 'allocated', id: 6, kind: 'list' },
    ]);
    expect([5, 7, 6].map((id) => displayName(book, id))).toEqual(['list①', 'list②', 'list③']);
  });

  it('gives a fresh name when undo hands an id to an object of another kind', () => {
    const a = nameObjects(EMPTY_BOOK, state([list(1, [])], {}));
    const b = nameObjects(a, state([node(1, { t: 'none' })], {}));
    expect(displayName(b, 1)).toBe('Node①');
  });

  it('keeps every object’s name along every campaign solution while paths to it change', () => {
    for (const p of CAMPAIGN) {
      let board = startBoard(p);
      let book: NameBook = nameObjects(EMPTY_BOOK, board.engine);
      const seen = new Map<number, string>();
      for (const move of p.solution) {
        const r = applyMove(p, board, move);
        if (!r.ok) throw new Error(move);
        board = r.value.board;
        book = nameObjects(book, board.engine, r.value.events);
        for (const id of Object.keys(board.engine.objects).map(Number)) {
          const name = displayName(book, id);
          expect(seen.get(id) ?? name, `${p.id} ${move} #${id}`).toBe(name);
          seen.set(id, name);
        }
      }
    }
  });
});
