/**
 * The engine in the browser computes bit-for-bit the same states as in Node: seeded random logs
 * replayed in Chromium (through the built client's copy of shared/engine) give the same hashes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, hashState, type Action } from '../../shared/engine/index.ts';
import { Heap } from '../helpers/engine.ts';
import { Rand, randomAction } from '../helpers/randomActions.ts';
import { openGame, startHarness, type Harness } from './harness.ts';

function seededLog(seed: number, length: number): { initial: string; log: Action[]; hash: string } {
  const start = new Heap().state;
  const r = new Rand(seed);
  const log: Action[] = [];
  let s = start;
  while (log.length < length) {
    const a = randomAction(r, s);
    const res = apply(s, a);
    if (!res.ok) continue;
    log.push(a);
    s = res.value.state;
  }
  return { initial: JSON.stringify(start), log, hash: hashState(s) };
}

describe('engine determinism across runtimes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('replays the same logs to the same hashes in Chromium as in Node', async () => {
    const { page, errors } = await openGame(h, 800, 600);
    for (const seed of [11, 2026, 777_777]) {
      const { initial, log, hash } = seededLog(seed, 300);
      const inBrowser = await page.evaluate(
        `window.__heapHeroes.replayHash(${JSON.stringify(initial)}, ${JSON.stringify(JSON.stringify(log))})`,
      );
      expect(inBrowser).toBe(hash);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
