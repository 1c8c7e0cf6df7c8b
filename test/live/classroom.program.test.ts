/**
 * A program round on a real server: the teacher adds a Playground program (checked on a worker
 * thread: a refused one comes back with its reason, an endless loop is stopped), two students
 * see the code and how many lines it prints but never the lines before the reveal, answer, and
 * the reveal mirrors the printed lines, the right answers per line and the replay step.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { questionReplay } from '../../shared/live/questionReplay.ts';
import { QUESTIONS } from '../../shared/puzzles/index.ts';
import { startTestServer, type TestServer } from '../server/helpers.ts';
import { hostClass, hostCmd, joinClass, phaseIs } from './liveClient.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const SOURCE = readFileSync(
  new URL('../../client/playground/examples/31_node_pair_cycle.py', import.meta.url),
  'utf8',
);
const PRINTED = [
  'node1 refcount: 3',
  'node2 refcount: 3',
  'Garbage collector: collected 2 objects.',
  'second collection: 0',
];

describe('a program round', () => {
  it('checks the program, hides its output until the reveal, scores each line, steps the replay', async () => {
    const teacher = await hostClass(t, 'holding-hands');
    const code = teacher.welcome.code;
    const ada = await joinClass(t, code, 'Ada');
    const bo = await joinClass(t, code, 'Bo');

    // Refused programs come back with the reason; nothing is added.
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'addProgram', source: 'print(1 / 0)\n' } });
    hostCmd(ada, { cmd: 'playlist', edit: { op: 'addProgram', source: SOURCE } });
    await vi.waitFor(() => expect(teacher.liveRejected.length).toBe(1), { timeout: 10_000 });
    expect(teacher.liveRejected[0]).toEqual({
      cmd: 'playlist',
      code: 'live/program_refused',
      message: 'It does not run: ZeroDivisionError: division by zero',
    });
    await vi.waitFor(() => expect(ada.liveRejected[0]?.code).toBe('live/not_host'));
    const endless = 'while True:\n    pass\nprint(1)\n';
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'addProgram', source: endless } });
    await vi.waitFor(() => expect(teacher.liveRejected.length).toBe(2), { timeout: 10_000 });
    expect(teacher.liveRejected[1]!.message).toMatch(/runs too long/);
    expect(teacher.state().live.rounds).toBe(0);

    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'addProgram', source: SOURCE } });
    await vi.waitFor(() => expect(teacher.state().live.rounds).toBe(1), { timeout: 10_000 });
    expect([...teacher.state().live.items][0]).toMatch(/^prog-[0-9a-f]{16}$/);

    hostCmd(teacher, { cmd: 'start' });
    await phaseIs(ada, 'running');
    const live = ada.state().live;
    expect(live).toMatchObject({ kind: 'program', printed: 4, steps: 0 });
    expect(live.program).toBe(SOURCE);
    expect([...live.outputs]).toEqual([]);
    // No printed line is anywhere in what a student receives before the reveal.
    const seen = JSON.stringify(ada.state());
    for (const line of PRINTED.filter((l) => !SOURCE.includes(l))) expect(seen).not.toContain(line);

    ada.room.send('liveLines', { lines: ['x'] });
    await vi.waitFor(() => expect(ada.liveRejected.at(-1)?.code).toBe('live/bad_answers'));
    ada.room.send('liveLines', { lines: PRINTED });
    await vi.waitFor(() => expect(teacher.state().live.answered).toBe(1));
    bo.room.send('liveLines', {
      lines: ['node1 refcount: 2', 'node2 refcount: 3', 'collected 2', 'second collection: 0'],
    });
    await phaseIs(teacher, 'reveal');
    await phaseIs(bo, 'reveal');

    expect([...bo.state().live.outputs]).toEqual(PRINTED);
    expect([...bo.state().live.linesRight]).toEqual([1, 2, 1, 2]);
    expect([...bo.state().live.printSteps]).toEqual([19, 20, 24, 26]);
    expect(bo.state().live.steps).toBe(27);
    expect([...bo.state().live.stops]).toEqual([...Array(27).keys()]); // no import to skip
    expect(bo.state().liveSeats.get(bo.welcome.seatId)!.cells.at(0)).toMatchObject({
      points: 500,
      correct: 0,
    });
    expect(ada.state().liveSeats.get(ada.welcome.seatId)!.points).toBe(1000);

    hostCmd(teacher, { cmd: 'replay', step: 19 });
    await vi.waitFor(() => expect(bo.state().live.replayStep).toBe(19));
    hostCmd(bo, { cmd: 'replay', step: 3 });
    await vi.waitFor(() => expect(bo.liveRejected.at(-1)?.code).toBe('live/not_host'));
    hostCmd(teacher, { cmd: 'replay', step: 27 });
    await vi.waitFor(() => expect(teacher.liveRejected.at(-1)?.code).toBe('live/no_replay'));
    expect(teacher.state().live.replayStep).toBe(19);

    // A predict question next: its replay is recorded off the event loop at its reveal.
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'add', id: 'rc-alias' } });
    await vi.waitFor(() => expect(teacher.state().live.rounds).toBe(2));
    hostCmd(teacher, { cmd: 'next' });
    await phaseIs(teacher, 'between');
    hostCmd(teacher, { cmd: 'start' });
    await phaseIs(ada, 'running');
    expect(ada.state().live).toMatchObject({ kind: 'predict', steps: 0, program: '' });
    hostCmd(teacher, { cmd: 'skip' });
    await phaseIs(ada, 'reveal');
    const replay = questionReplay(QUESTIONS.find((q) => q.id === 'rc-alias')!)!;
    await vi.waitFor(() => expect(ada.state().live.steps).toBe(replay.steps), { timeout: 10_000 });
    expect(ada.state().live).toMatchObject({
      program: replay.source,
      replayStep: replay.stops[0],
    });
    expect([...ada.state().live.stops]).toEqual(replay.stops);
    hostCmd(teacher, { cmd: 'replay', step: replay.stops[1]! });
    await vi.waitFor(() => expect(ada.state().live.replayStep).toBe(replay.stops[1]));
  });
});
