/**
 * Program rounds (issue 17 §2): the teacher picks a Playground program, students predict what it
 * prints, the projector steps through it at the reveal. The rules of such a round, written once:
 * which programs are accepted, what the expected output is, how a typed line is compared.
 *
 * Contracts:
 * - One blank per printed output line, in the order the console shows them (a `print` in a loop
 *   gives one blank per time it runs; a `__del__` printing at exit gives its line too). Students
 *   see how many lines the program prints, never what, until the reveal.
 * - `checkProgram` (programCheck.ts, apart so screens need not load the VM) runs the teaching VM (deterministic, pure): the expected lines are the VM's,
 *   which are CPython 3.11's. A program is refused — with a reason a teacher can act on — when it
 *   is too big, fails or is refused by the VM, prints nothing or too much, or runs too long.
 *   It may loop forever: the server runs it on a worker thread with a time limit.
 * - `sameOutput` is the only comparison: see `normalizeOutput` for what is not graded.
 */
import { fnv1a64 } from '../engine/hash.ts';

export const PROGRAM_LIMITS = {
  /** Source size: what fits on a projector and a phone. */
  chars: 2000,
  lines: 40,
  /** Printed lines (blanks to fill) and the length of each. */
  outputs: 12,
  outputChars: 80,
  /** Recorded steps of the run (the replay's length). */
  steps: 400,
} as const;

/** A program's round id: its source's hash, so the same program is in a lesson at most once. */
export const programId = (source: string): string => `prog-${fnv1a64(source)}`;

export const isProgramId = (id: string): boolean => /^prog-[0-9a-f]{16}$/.test(id);

/** Source as the VM and the screens take it: `\n` line ends, no trailing blank lines. */
export const tidySource = (source: string): string =>
  source.replace(/\r\n?/g, '\n').replace(/\s+$/, '') + '\n';

/** Printed lines without their line ends (a last line without one counts when not empty). */
export function outputLines(stdout: string): string[] {
  const lines = stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * What is not graded: spaces around and between words (a run of spaces or tabs is one space),
 * and the curly quotes phones type for ' and ". Case, punctuation, brackets and the quote kind
 * Python prints are graded: `['a']` is not `["a"]`, `True` is not `true`.
 */
export function normalizeOutput(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export const sameOutput = (expected: string, given: string): boolean =>
  normalizeOutput(expected) === normalizeOutput(given);

/** How many of the given lines match the expected ones, line by line. */
export function rightLines(expected: readonly string[], given: readonly string[]): boolean[] {
  return expected.map((line, i) => sameOutput(line, given[i] ?? ''));
}
