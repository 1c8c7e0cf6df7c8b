/** Immutable helpers over students and their per-round cells. */
import type { Cell, LiveState, LiveStudent } from './types.ts';

export const emptyCell = (lastProgressMs = 0): Cell => ({
  moves: 0,
  hintsUsed: 0,
  finished: false,
  correct: false,
  answer: null,
  lines: null,
  lastProgressMs,
  elapsedMs: null,
  points: 0,
});

export const findStudent = (state: LiveState, id: string): LiveStudent | undefined =>
  state.students.find((s) => s.id === id);

export function updateStudent(
  state: LiveState,
  id: string,
  f: (s: LiveStudent) => LiveStudent,
): LiveState {
  return { ...state, students: state.students.map((s) => (s.id === id ? f(s) : s)) };
}

/** Replaces the student's cell `index` with `f(old or empty)`. */
export function updateCell(
  state: LiveState,
  id: string,
  index: number,
  f: (c: Cell) => Cell,
): LiveState {
  return updateStudent(state, id, (s) => {
    const cells = [...s.cells];
    while (cells.length <= index) cells.push(null);
    cells[index] = f(cells[index] ?? emptyCell());
    return { ...s, cells };
  });
}

/** Every student finished the round (and there is at least one student). */
export function allFinished(state: LiveState, index: number): boolean {
  return (
    state.students.length > 0 && state.students.every((s) => s.cells[index]?.finished === true)
  );
}
