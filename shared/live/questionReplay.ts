/**
 * A predict question's program as the reveal's replay (replay.ts): the standard preamble, the
 * question's program and its asked lines, recorded as the Playground records any program. The
 * replay starts at the question's first line, past the preamble.
 */
import { PREAMBLE_LINES, withPreamble } from '../puzzles/preamble.ts';
import type { Question } from '../puzzles/questions/index.ts';
import { recordTrace } from '../python/vm/trace.ts';
import { PROGRAM_LIMITS } from './program.ts';
import { replayStops, type Replay } from './replay.ts';

/** Null when the program does not record whole (an error, or too long to step through). */
export function questionReplay(q: Question): Replay | null {
  const body = [q.program.replace(/\n$/, ''), ...q.lines].join('\n');
  const source = withPreamble(body);
  const trace = recordTrace(source, PROGRAM_LIMITS.steps + 1);
  if (trace.error || trace.capped || trace.steps.length > PROGRAM_LIMITS.steps) return null;
  return { source, steps: trace.steps.length, stops: replayStops(trace, PREAMBLE_LINES) };
}
