/**
 * Program rounds (shared/live/program.ts, programCheck.ts and the machine): which programs are
 * accepted and why others are refused, the expected lines (CPython 3.11's, checked here against
 * the lines python3 prints for the same example), the comparison, scoring per printed line, the
 * phase rules of answers and of the reveal's replay.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyLive,
  linesRight,
  newLiveState,
  nextStop,
  normalizeOutput,
  replayStops,
  programId,
  sameOutput,
  type LiveState,
  type ProgramItem,
} from '../../shared/live/index.ts';
import { checkProgram } from '../../shared/live/programCheck.ts';
import { questionReplay } from '../../shared/live/questionReplay.ts';
import { QUESTIONS } from '../../shared/puzzles/index.ts';
import type { Step, Trace } from '../../shared/python/vm/snapshot.ts';
import { HOST, must, QUESTION, refusal, run, student, SYSTEM } from './helpers.ts';

const T0 = 2_000_000;
const example = (id: string): string =>
  readFileSync(new URL(`../../client/playground/examples/${id}.py`, import.meta.url), 'utf8');

function accepted(source: string): ProgramItem {
  const r = checkProgram(source);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const refused = (source: string): string => {
  const r = checkProgram(source);
  if (r.ok) throw new Error('accepted');
  expect(r.error.code).toBe('live/program_refused');
  return r.error.message;
};

describe('checkProgram', () => {
  it('accepts a Playground example with CPython 3.11 output, one line per printed line', () => {
    const item = accepted(example('31_node_pair_cycle'));
    expect(item.expected).toEqual([
      'node1 refcount: 3',
      'node2 refcount: 3',
      'Garbage collector: collected 2 objects.',
      'second collection: 0',
    ]);
    expect(item.id).toBe(programId(item.source));
    expect(item.steps).toBe(27);
    // Each printed line first shows at a step of the replay, in order.
    expect(item.printSteps).toEqual([19, 20, 24, 26]);
    expect(item.concepts).toContain('gc-collect');
  });

  it('counts a print in a loop once per line it prints', () => {
    const item = accepted('for i in range(3):\n    print(i * 10)\nprint("end", end="")\n');
    expect(item.expected).toEqual(['0', '10', '20', 'end']);
  });

  it('refuses, saying why, what cannot be a round', () => {
    expect(refused('')).toBe('The program is empty.');
    expect(refused('x = 1\n')).toBe('It prints nothing, so there is nothing to predict.');
    expect(refused('print(1)\n'.repeat(41))).toMatch(/at most 40 lines/);
    expect(refused('for i in range(13):\n    print(i)\n')).toBe(
      'It prints 13 lines; a round asks about at most 12.',
    );
    expect(refused('print("x" * 81)\n')).toMatch(/longer than 80 characters/);
    expect(refused('print(1 / 0)\n')).toBe('It does not run: ZeroDivisionError: division by zero');
    expect(refused('import os\nprint(os.getcwd())\n')).toMatch(/^It does not run: unsupported/);
    expect(refused('i = 0\nwhile i < 1000:\n    i += 1\nprint(i)\n')).toMatch(/runs too long/);
  });
});

describe('comparing a typed line', () => {
  it('ignores spacing and phone quotes, grades everything else', () => {
    expect(normalizeOutput('  node1   refcount:\t3 ')).toBe('node1 refcount: 3');
    expect(sameOutput("['eggs', 'milk']", '[‘eggs’, ‘milk’]')).toBe(true);
    expect(sameOutput("['eggs', 'milk']", '["eggs", "milk"]')).toBe(false);
    expect(sameOutput('True', 'true')).toBe(false);
    expect(sameOutput('refcount after weakref:  2', 'refcount after weakref: 2')).toBe(true);
  });
});

/** A class on a program round: two students, the round running. */
function running(item: ProgramItem): LiveState {
  return run(newLiveState(3), T0, [
    [HOST, { type: 'setItems', items: [item] }],
    [SYSTEM, { type: 'join', studentId: 'a', nickname: 'Ada' }],
    [SYSTEM, { type: 'join', studentId: 'b', nickname: 'Bo' }],
    [HOST, { type: 'start' }],
  ]);
}

describe('a program round', () => {
  const item = accepted(example('31_node_pair_cycle'));
  const right = [...item.expected];
  const half = [
    'node1 refcount: 2',
    ' node2  refcount: 3',
    'Garbage collector: collected 2 objects.',
    '0',
  ];

  it('scores each printed line: a share of 1000 per right line', () => {
    let s = running(item);
    s = must(s, student('a'), { type: 'answerLines', lines: right }, T0 + 1000).state;
    const last = must(s, student('b'), { type: 'answerLines', lines: half }, T0 + 2000);
    // Everybody answered: the round reveals by itself.
    expect(last.events.map((e) => e.type)).toEqual(['finished', 'revealed']);
    s = last.state;
    expect(s.phase).toBe('reveal');
    expect(s.students.map((x) => x.cells[0]!.points)).toEqual([1000, 500]);
    expect(s.students.map((x) => x.cells[0]!.correct)).toEqual([true, false]);
    expect(linesRight(s)).toEqual([1, 2, 2, 1]);
  });

  it('refuses a wrong number of lines, a second answer, and answers in other rounds', () => {
    const s = running(item);
    expect(refusal(s, student('a'), { type: 'answerLines', lines: ['x'] }, T0)).toBe(
      'live/bad_answers',
    );
    expect(refusal(s, student('a'), { type: 'answerLines', lines: [...right, 'extra'] }, T0)).toBe(
      'live/bad_answers',
    );
    expect(refusal(s, student('a'), { type: 'answer', answer: '3' }, T0)).toBe(
      'live/not_predict_round',
    );
    expect(refusal(s, HOST, { type: 'answerLines', lines: right }, T0)).toBe('live/not_student');
    const once = must(s, student('a'), { type: 'answerLines', lines: right }, T0).state;
    expect(refusal(once, student('a'), { type: 'answerLines', lines: right }, T0)).toBe(
      'live/already_answered',
    );
  });

  it('steps the replay only at the reveal, within the run, on the teacher’s command', () => {
    const s = running(item);
    expect(refusal(s, HOST, { type: 'replay', step: 1 }, T0)).toBe('live/wrong_phase');
    const revealed = must(s, HOST, { type: 'skip' }, T0).state;
    expect(revealed.replayStep).toBe(0);
    const stepped = must(revealed, HOST, { type: 'replay', step: 26 }, T0);
    expect(stepped.state.replayStep).toBe(26);
    expect(stepped.events).toEqual([{ type: 'replayed', step: 26 }]);
    expect(refusal(revealed, HOST, { type: 'replay', step: 27 }, T0)).toBe('live/no_replay');
    expect(refusal(revealed, HOST, { type: 'replay', step: -1 }, T0)).toBe('live/no_replay');
    expect(refusal(revealed, student('a'), { type: 'replay', step: 1 }, T0)).toBe('live/not_host');
    const between = must(stepped.state, HOST, { type: 'next' }, T0).state;
    expect(applyLive(between, HOST, { type: 'replay', step: 1 }, T0).ok).toBe(false);
  });
});

/** A step of a hand-written trace: its line and frames (module first, as `fn` names). */
const step = (line: number, ...fns: (string | null)[]): Step => ({
  event: 'line',
  line,
  frames: fns.map((fn) => ({ fn, line, locals: [] })),
  objects: {},
  stdout: '',
  gc: null,
  rcDelta: {},
  born: [],
  freed: [],
});
const traceOf = (steps: Step[]): Trace => ({
  version: 1,
  source: '',
  engine: 'vm',
  steps,
  capped: false,
  error: null,
});

describe('the reveal’s replay', () => {
  it('stops outside imported modules, and from the first line after a preamble', () => {
    const trace = traceOf([
      step(1, null), // import weakref
      step(5, null, '<module>'), // inside the weakref module
      step(9, null, '<module>', 'finalize'), // a call it makes while importing
      step(2, null),
      step(3, null, 'f'), // a call of the program's own: shown
      step(4, null),
    ]);
    expect(replayStops(trace)).toEqual([0, 3, 4, 5]);
    expect(replayStops(trace, 2)).toEqual([5]); // from the module's first line after it
    expect(nextStop([0, 3, 4, 5], 0, 1)).toBe(3);
    expect(nextStop([0, 3, 4, 5], 3, -1)).toBe(0);
    expect(nextStop([0, 3, 4, 5], 0, -1)).toBe(0);
    expect(nextStop([0, 3, 4, 5], 5, 1)).toBe(5);
  });

  it('records a predict question past the preamble', () => {
    const q = QUESTIONS.find((x) => x.id === 'rc-alias')!;
    const replay = questionReplay(q)!;
    expect(replay.source.endsWith('a = []\nb = a\nprint(sys.getrefcount(a))\n')).toBe(true);
    const first = replay.stops[0]!;
    // The question's three lines, then the end.
    expect(replay.stops).toEqual([first, first + 1, first + 2, first + 3]);
    expect(replay.steps).toBe(first + 4);
  });

  it('gives a predict reveal its replay (the server’s), starting at the question’s first line', () => {
    const q = QUESTIONS.find((x) => x.id === 'rc-alias')!;
    const replay = questionReplay(q)!;
    const attach = { type: 'attachReplay', replay } as const;
    let s = run(newLiveState(3), T0, [
      [HOST, { type: 'setItems', items: [QUESTION, { ...QUESTION, id: 'q2' }] }],
      [SYSTEM, { type: 'join', studentId: 'a' }],
      [HOST, { type: 'start' }],
    ]);
    expect(refusal(s, SYSTEM, attach, T0)).toBe('live/no_replay'); // not revealed yet
    s = must(s, HOST, { type: 'skip' }, T0).state;
    expect(refusal(s, HOST, { type: 'replay', step: 1 }, T0)).toBe('live/no_replay');
    expect(refusal(s, HOST, attach, T0)).toBe('live/not_system');
    s = must(s, SYSTEM, attach, T0).state;
    expect(s.replayStep).toBe(replay.stops[0]);
    expect(refusal(s, SYSTEM, attach, T0)).toBe('live/no_replay'); // once
    expect(must(s, HOST, { type: 'replay', step: 1 }, T0).state.replayStep).toBe(1);
  });
});
