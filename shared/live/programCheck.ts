/**
 * Whether a teacher's program can be a round (program.ts has the round's rules): it runs on the
 * teaching VM — deterministic and pure, so the server runs it authoritatively and the expected
 * output never leaves the server before the reveal. It may loop forever or allocate without end:
 * the server calls this on a worker thread with a time and memory limit (server/live/programCheck.ts).
 */
import { ok, type Result } from '../engine/result.ts';
import type { Concept } from '../puzzles/format.ts';
import { recordVmTrace } from '../python/vm/traceVm.ts';
import { LIVE_ERRORS, liveError, type LiveError } from './errors.ts';
import { replayStops } from './replay.ts';
import { outputLines, programId, PROGRAM_LIMITS, tidySource } from './program.ts';
import type { ProgramItem } from './types.ts';

const refuse = (message: string): { ok: false; error: LiveError } =>
  liveError(LIVE_ERRORS.programRefused, message);

/** The teacher's program as a round, or the reason it cannot be one. */
export function checkProgram(raw: string): Result<ProgramItem, LiveError> {
  const source = tidySource(raw);
  const lines = source.split('\n').length - 1;
  if (source.trim() === '') return refuse('The program is empty.');
  if (source.length > PROGRAM_LIMITS.chars || lines > PROGRAM_LIMITS.lines)
    return refuse(
      `A program round takes at most ${PROGRAM_LIMITS.lines} lines and ${PROGRAM_LIMITS.chars} characters.`,
    );
  const trace = recordVmTrace(source, PROGRAM_LIMITS.steps + 1);
  if (trace.error) return refuse(`It does not run: ${trace.error.text.trim().split('\n').at(-1)}`);
  if (trace.capped || trace.steps.length > PROGRAM_LIMITS.steps)
    return refuse(`It runs too long to step through (more than ${PROGRAM_LIMITS.steps} steps).`);
  const stdout = trace.steps.at(-1)?.stdout ?? '';
  const expected = outputLines(stdout);
  if (expected.length === 0) return refuse('It prints nothing, so there is nothing to predict.');
  if (expected.length > PROGRAM_LIMITS.outputs)
    return refuse(
      `It prints ${expected.length} lines; a round asks about at most ${PROGRAM_LIMITS.outputs}.`,
    );
  if (expected.some((l) => l.length > PROGRAM_LIMITS.outputChars))
    return refuse(`A printed line is longer than ${PROGRAM_LIMITS.outputChars} characters.`);
  const stdouts = trace.steps.map((s) => s.stdout.length);
  return ok({
    kind: 'program',
    id: programId(source),
    concepts: conceptsOf(source),
    source,
    expected,
    steps: trace.steps.length,
    stops: replayStops(trace),
    printSteps: printSteps(expected, stdouts),
  });
}

/** For each output line, the first step whose console shows it whole. */
function printSteps(expected: readonly string[], stdoutLengths: readonly number[]): number[] {
  let end = 0;
  return expected.map((line) => {
    end += line.length + 1;
    const at = stdoutLengths.findIndex((n) => n >= end - 1 && n > 0);
    return at === -1 ? stdoutLengths.length - 1 : at;
  });
}

/** The concept tags a program touches, for the teacher's per-concept report. */
function conceptsOf(source: string): Concept[] {
  const tags: [RegExp, Concept][] = [
    [/getrefcount/, 'refcount'],
    [/^\s*del\s/m, 'del'],
    [/gc\.collect/, 'gc-collect'],
    [/weakref/, 'weakref'],
    [/^\s*def\s/m, 'frames'],
    [/\.(next|peer)\b|append\((\w+)\)/, 'cycles'],
  ];
  return tags.filter(([re]) => re.test(source)).map(([, c]) => c);
}
