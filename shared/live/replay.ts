/**
 * The reveal's replay (program rounds, and predict questions): a recorded Playground run that
 * every teacher screen steps through together. Which steps it stops at, and where it starts, are
 * decided here once; the server keeps the result on the round, the screens step by it.
 *
 * Stops skip what is not the lesson's own code: the inside of an imported module (`import
 * weakref` runs a Python module of about 75 steps) and, for a predict question, the standard
 * preamble before the question's first line.
 */
import type { Trace } from '../python/vm/snapshot.ts';
import type { LiveItem } from './types.ts';

export interface Replay {
  /** The program the screens record and show (the Playground runs it again, deterministically). */
  source: string;
  /** Recorded steps: a step shown is 0..steps-1. */
  steps: number;
  /** The steps Back/Next go between, ascending; the first is where the replay starts. */
  stops: readonly number[];
}

/** Steps outside imported modules, from the first one on a line after `skipLines`. */
export function replayStops(trace: Trace, skipLines = 0): number[] {
  const stops: number[] = [];
  trace.steps.forEach((step, i) => {
    // The program's module frame is `fn: null`; an imported module's frame is `<module>`.
    const inImport = step.frames.slice(1).some((f) => f.fn === null || f.fn === '<module>');
    const started = stops.length > 0 || (step.line > skipLines && step.frames.length <= 1);
    if (!inImport && started) stops.push(i);
  });
  if (stops.length === 0) stops.push(0);
  return stops;
}

/** The round's replay, if its reveal has one. */
export function replayOf(item: LiveItem | undefined): Replay | null {
  if (item?.kind === 'program') return item;
  if (item?.kind === 'predict') return item.replay ?? null;
  return null;
}

/** Where Back (-1) or Next (+1) goes from `step`: the neighbouring stop (or `step` at an end). */
export function nextStop(stops: readonly number[], step: number, direction: 1 | -1): number {
  if (direction === 1) return stops.find((s) => s > step) ?? step;
  return [...stops].reverse().find((s) => s < step) ?? step;
}
