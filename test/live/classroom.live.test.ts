/**
 * Live rounds end to end on a real server: a teacher, 30 scripted students (@colyseus/sdk), a
 * puzzle round and a predict round, reveal, podium, the report as CSV; refusals, kick, lock,
 * reconnection.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerOf, QUESTIONS } from '../../shared/puzzles/index.ts';
import { startTestServer, type TestServer } from '../server/helpers.ts';
import { hostClass, hostCmd, joinClass, phaseIs, type Participant } from './liveClient.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const PUZZLE_ID = 'holding-hands';
const QUESTION = QUESTIONS.find((q) => q.id === 'rc-alias')!;
const ANSWER = (() => {
  const a = answerOf(QUESTION);
  if (!a.ok) throw new Error('rc-alias must be answerable');
  return a.value;
})();

const seatIdsOf = (p: Participant): string[] => {
  const ids: string[] = [];
  p.state().liveSeats.forEach((_, id) => ids.push(id));
  return ids.sort();
};

async function getJson(
  path: string,
  token?: string,
): Promise<{ status: number; body: string; type: string }> {
  const res = await fetch(
    `${t.server.url}${path}`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  return {
    status: res.status,
    body: await res.text(),
    type: res.headers.get('content-type') ?? '',
  };
}

describe('a full live lesson with 30 students', () => {
  it('joins by code, plays a puzzle round and a predict round, reveals, ranks, and exports CSV', async () => {
    const teacher = await hostClass(t, PUZZLE_ID);
    const code = teacher.welcome.code;
    await vi.waitFor(() => expect(teacher.teacher.length).toBe(1));
    const { reportId } = teacher.teacher[0]!;

    const join = await getJson(`/api/live/join/${code}`);
    expect(join.status).toBe(200);
    const info = JSON.parse(join.body) as { code: string; link: string; qr: string };
    expect(info).toMatchObject({
      code,
      link: `${t.server.url.replace('localhost', '127.0.0.1')}/?join=${code}`,
    });
    expect(info.qr.startsWith('data:image/png;base64,')).toBe(true);

    const students: Participant[] = [];
    for (let i = 1; i <= 30; i++) students.push(await joinClass(t, code, `Student ${i}`)); // join order = rank tie order
    await vi.waitFor(() => expect(teacher.state().liveSeats.size).toBe(30));
    expect(teacher.state().live.students).toBe(30);
    await vi.waitFor(() => expect(seatIdsOf(students[0]!)).toEqual([students[0]!.welcome.seatId]));
    expect(students[0]!.state().seats.get(students[1]!.welcome.seatId)).toBeUndefined();

    hostCmd(teacher, { cmd: 'setSet', set: { source: 'items', ids: [PUZZLE_ID, QUESTION.id] } });
    await vi.waitFor(() => expect(teacher.state().live.rounds).toBe(2));
    hostCmd(teacher, { cmd: 'start' });
    await phaseIs(teacher, 'running');
    expect(teacher.state().live).toMatchObject({
      round: 1,
      kind: 'puzzle',
      itemId: PUZZLE_ID,
      timed: false,
    });

    // Students 1-20 solve at par; 21-30 make one move and stop.
    const solution = t.puzzle.solution;
    students.forEach((s, i) =>
      (i < 20 ? solution : solution.slice(0, 1)).forEach((move) => s.room.send('move', { move })),
    );
    await vi.waitFor(() =>
      expect(teacher.state().live).toMatchObject({ solved: 20, working: 10, notStarted: 0 }),
    );
    const dashboardRow = teacher.state().liveSeats.get(students[0]!.welcome.seatId)!;
    expect(dashboardRow.cells.at(0)).toMatchObject({
      status: 'solved',
      moves: 3,
      par: 3,
      hints: 0,
      points: 0,
      correct: -1,
    });
    expect(teacher.state().liveSeats.get(students[25]!.welcome.seatId)!.status).toBe('working');

    hostCmd(teacher, { cmd: 'skip' });
    await phaseIs(teacher, 'reveal');
    await vi.waitFor(() =>
      expect(dashboardRow.cells.at(0)).toMatchObject({ points: 1000, correct: 1 }),
    );
    hostCmd(teacher, { cmd: 'next' });
    await phaseIs(teacher, 'between');
    hostCmd(teacher, { cmd: 'start', seconds: 120 });
    await phaseIs(students[0]!, 'running');
    const live = students[0]!.state().live;
    expect(live).toMatchObject({
      round: 2,
      kind: 'predict',
      itemId: QUESTION.id,
      timed: true,
      answer: '',
    });
    expect([...live.choices].sort()).toEqual(
      [ANSWER, ...QUESTION.distractors.filter((d) => d !== ANSWER)].sort(),
    );
    const wrong = [...live.choices].find((c) => c !== ANSWER)!;

    // Students 1-15 answer right, 16-30 wrong: the last answer reveals by itself.
    students.forEach((s, i) => s.room.send('liveAnswer', { answer: i < 15 ? ANSWER : wrong }));
    await phaseIs(students[29]!, 'reveal');
    expect(students[29]!.state().live.answer).toBe(ANSWER);
    const dist = Object.fromEntries(
      [...teacher.state().live.distribution].map((d) => [d.answer, d.count]),
    );
    expect(dist[ANSWER]).toBe(15);
    expect(dist[wrong]).toBe(15);

    hostCmd(teacher, { cmd: 'next' });
    await phaseIs(teacher, 'podium');
    await vi.waitFor(() => expect([...teacher.state().live.podium].length).toBe(5));
    expect([...teacher.state().live.podium].map((p) => [p.nickname, p.points, p.rank])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [`Student ${n}`, 2000, 1]),
    );
    // Each student sees their own rank only: 1-15 tied first, 16-20 (1000) 16th, 21-30 (0 or 1000) below.
    await vi.waitFor(() =>
      expect(students[17]!.state().liveSeats.get(students[17]!.welcome.seatId)).toMatchObject({
        points: 1000,
        rank: 16,
      }),
    );
    expect(students[22]!.state().liveSeats.get(students[22]!.welcome.seatId)).toMatchObject({
      points: 0,
      rank: 21,
    });
    expect(students[22]!.state().liveSeats.size).toBe(1);

    await vi.waitFor(async () =>
      expect((await getJson(`/api/live/reports/${reportId}`, teacher.welcome.token)).status).toBe(
        200,
      ),
    );
    const csv = await getJson(`/api/live/reports/${reportId}/csv`, teacher.welcome.token);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const lines = csv.body.split('\r\n');
    expect(lines.length).toBe(62);
    expect(lines[0]).toBe(
      'nickname,round,item,kind,concepts,correct,moves,par,seconds,hints,answer,points',
    );
    expect(lines[1]).toMatch(
      new RegExp(`^Student 1,1,${PUZZLE_ID},puzzle,[a-z -]+,yes,3,3,\\d+,0,,1000$`),
    );
    expect(lines[2]).toMatch(
      new RegExp(`^Student 1,2,${QUESTION.id},predict,[a-z -]+,yes,,,\\d+,0,${ANSWER},1000$`),
    );
    expect(lines[60]).toMatch(
      new RegExp(`^Student 30,2,${QUESTION.id},predict,[a-z -]+,no,,,\\d+,0,${wrong},0$`),
    );
    expect(
      (await getJson(`/api/live/reports/${reportId}/csv`, students[0]!.welcome.token)).status,
    ).toBe(403);
    expect((await getJson(`/api/live/reports/${reportId}/csv`)).status).toBe(403);
    expect(
      (await getJson(`/api/live/reports/nope-nope-nope/csv`, teacher.welcome.token)).status,
    ).toBe(404);

    hostCmd(teacher, { cmd: 'end' });
    await phaseIs(teacher, 'ended');
    await Promise.all([teacher, ...students].map((p) => p.room.leave()));
  });
});
