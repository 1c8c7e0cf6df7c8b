/**
 * The engine in the browser computes bit-for-bit the same states as in Node: seeded random logs
 * replayed in Chromium (through the built client's copy of shared/engine) give the same hashes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashState } from '../../shared/engine/index.ts';
import { randomLog } from '../helpers/randomLog.ts';
import { openGame, startHarness, type Harness } from './harness.ts';

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
      const { initial, log, final } = randomLog(seed, 300);
      const args = [JSON.stringify(initial), JSON.stringify(log)]
        .map((a) => JSON.stringify(a))
        .join(', ');
      const inBrowser = await page.evaluate(`window.__heapHeroes.replayHash(${args})`);
      expect(inBrowser).toBe(hashState(final));
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
