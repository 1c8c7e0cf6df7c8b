import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, ILLEGAL_MOVE, type TestServer } from './helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

/** Response JSON, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (res: Response): Promise<any> => res.json();

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('HTTP', () => {
  it('GET /healthz answers ok', async () => {
    const res = await fetch(`${t.server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('POST /api/verify replays the moves and computes the result itself, ignoring claimed scores', async () => {
    const res = await post('/api/verify', {
      puzzleId: t.puzzle.id,
      moves: t.puzzle.solution,
      score: 999_999,
      stars: 3,
    });
    expect(res.status).toBe(200);
    const { result } = await json(res);
    expect(result).toMatchObject({
      puzzleId: t.puzzle.id,
      solved: true,
      moves: t.puzzle.par,
      par: t.puzzle.par,
      stars: 3,
    });
    expect(result.score).toBeLessThan(999_999);
  });

  it('reports an unsolved move list as not solved with no points', async () => {
    const res = await post('/api/verify', {
      puzzleId: t.puzzle.id,
      moves: t.puzzle.solution.slice(0, -1),
    });
    expect(await json(res)).toEqual({
      result: {
        puzzleId: t.puzzle.id,
        solved: false,
        moves: t.puzzle.par - 1,
        par: t.puzzle.par,
        stars: 0,
        score: 0,
      },
    });
  });

  it('rejects an illegal move with its index, an unknown puzzle, and malformed bodies with 4xx codes', async () => {
    const illegal = await post('/api/verify', {
      puzzleId: t.puzzle.id,
      moves: [t.puzzle.solution[0], ILLEGAL_MOVE],
    });
    expect(illegal.status).toBe(422);
    expect((await json(illegal)).error.moveIndex).toBe(1);
    const unknown = await post('/api/verify', { puzzleId: 'no-such-puzzle', moves: [] });
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.code).toBe('puzzle/unknown');
    const shape = await post('/api/verify', { puzzleId: t.puzzle.id, moves: 'del a' });
    expect([shape.status, (await json(shape)).error.code]).toEqual([400, 'request/invalid']);
    const bad = await post('/api/verify', '{not json');
    expect([bad.status, (await json(bad)).error.code]).toEqual([400, 'request/malformed']);
    const missing = await fetch(`${t.server.url}/api/nope`);
    expect(missing.status).toBe(404);
  });

  it('grants no cross-origin access to the API or the matchmaker by default', async () => {
    const headers = { origin: 'https://evil.example' };
    const res = await post('/api/verify', { puzzleId: t.puzzle.id, moves: [] }, headers);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${t.server.url}/matchmake/create/classroom`, {
      method: 'OPTIONS',
      headers,
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('tells the visitor how to build the client when it is missing', async () => {
    const res = await fetch(`${t.server.url}/some/page`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
