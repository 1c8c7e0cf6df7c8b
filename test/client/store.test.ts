import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  isUnlocked,
  loadProgress,
  loadSettings,
  recordResult,
  saveProgress,
  saveSettings,
  PROGRESS_KEY,
  SETTINGS_KEY,
} from '../../client/ui/store.ts';
import type { KeyValueStore } from '../../client/ui/store.ts';

function memoryStore(
  init: Record<string, string> = {},
): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('settings', () => {
  it('defaults to Indonesian for an Indonesian browser', () => {
    expect(defaultSettings(false, 'id-ID')).toEqual({
      lang: 'id',
      reducedMotion: false,
      theme: 'light',
    });
    expect(defaultSettings(true, 'en-GB')).toEqual({
      lang: 'en',
      reducedMotion: true,
      theme: 'light',
    });
  });

  it('round-trips and ignores corrupt data', () => {
    const store = memoryStore();
    saveSettings(store, { lang: 'id', reducedMotion: true, theme: 'dark' });
    expect(loadSettings(store, defaultSettings())).toEqual({
      lang: 'id',
      reducedMotion: true,
      theme: 'dark',
    });
    const bad = memoryStore({ [SETTINGS_KEY]: '{"lang":"fr","reducedMotion":"yes"' });
    expect(loadSettings(bad, defaultSettings())).toEqual(defaultSettings());
    const partial = memoryStore({ [SETTINGS_KEY]: '{"lang":"fr","theme":"dark"}' });
    expect(loadSettings(partial, defaultSettings())).toEqual({
      lang: 'en',
      reducedMotion: false,
      theme: 'dark',
    });
  });
});

describe('progress', () => {
  it('keeps the best result per level', () => {
    let p = recordResult({}, 'a', 2, 5);
    p = recordResult(p, 'a', 1, 3);
    expect(p).toEqual({ a: { stars: 2, bestMoves: 5 } });
    p = recordResult(p, 'a', 2, 4);
    expect(p).toEqual({ a: { stars: 2, bestMoves: 4 } });
    p = recordResult(p, 'a', 3, 9);
    expect(p).toEqual({ a: { stars: 3, bestMoves: 9 } });
  });

  it('round-trips through the store and drops malformed entries', () => {
    const store = memoryStore();
    saveProgress(store, { a: { stars: 3, bestMoves: 2 } });
    expect(loadProgress(store)).toEqual({ a: { stars: 3, bestMoves: 2 } });
    store.setItem(PROGRESS_KEY, '{"a":{"stars":9,"bestMoves":2},"b":{"stars":"x"},"c":null}');
    expect(loadProgress(store)).toEqual({ a: { stars: 3, bestMoves: 2 } });
  });

  it('unlocks the first level and each level after a solved one', () => {
    const order = ['one', 'two', 'three'];
    const p = { one: { stars: 1, bestMoves: 4 } };
    expect(order.map((id) => isUnlocked(order, p, id))).toEqual([true, true, false]);
    expect(isUnlocked(order, p, 'missing')).toBe(false);
  });
});
