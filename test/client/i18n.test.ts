import { describe, expect, it } from 'vitest';
import { DICTIONARIES, LANGS, format, placeholders, t } from '../../client/i18n/index.ts';
import type { MessageKey } from '../../client/i18n/index.ts';

describe('i18n', () => {
  const keys = Object.keys(DICTIONARIES.en).sort() as MessageKey[];

  it.each(LANGS)('%s has exactly the English keys, each non-empty', (lang) => {
    expect(Object.keys(DICTIONARIES[lang]).sort()).toEqual(keys);
    for (const key of keys) expect(DICTIONARIES[lang][key].trim().length).toBeGreaterThan(0);
  });

  it.each(LANGS)('%s uses the same placeholders as English', (lang) => {
    for (const key of keys)
      expect([key, placeholders(DICTIONARIES[lang][key])]).toEqual([
        key,
        placeholders(DICTIONARIES.en[key]),
      ]);
  });

  it.each(LANGS)('%s shows no raw Markdown backticks', (lang) => {
    const raw = keys.filter((key) => DICTIONARIES[lang][key].includes('`'));
    expect(raw).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('say.refcount', { obj: 'Node b', from: 1, to: 2 }, 'en')).toBe(
      'Node b’s refcount 1 → 2.',
    );
    expect(t('say.refcount', { obj: 'Node b', from: 1, to: 2 }, 'id')).toBe(
      'refcount Node b 1 → 2.',
    );
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('chooses singular or plural English words by count', () => {
    expect([1, 2, 0].map((n) => t('say.goalDone', { n }, 'en'))).toEqual([
      'Goal reached in 1 move.',
      'Goal reached in 2 moves.',
      'Goal reached in 0 moves.',
    ]);
    expect(t('say.collected', { n: 1 }, 'en')).toBe('gc.collect() found 1 unreachable object.');
    expect(t('say.goalDone', { n: 1 }, 'id')).toBe('Tujuan tercapai dalam 1 langkah.');
  });
});
