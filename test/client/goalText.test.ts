import { describe, expect, it } from 'vitest';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import { clauseText } from '../../shared/puzzles/goals.ts';

describe('goal lines read as sentences', () => {
  it('says what a bound name holds in words, in both languages', () => {
    const bound = (name: string, to: 'none' | 'weakref' | 'unbound' | 'instance') =>
      ({ kind: 'bound', name, to }) as const;
    expect(clauseText(bound('score', 'none'), 'en')).toBe('`score` is None');
    expect(clauseText(bound('score', 'none'), 'id')).toBe('`score` bernilai None');
    expect(clauseText(bound('w', 'weakref'), 'en')).toBe('`w` holds a weakref');
    expect(clauseText(bound('r', 'instance'), 'id')).toBe('`r` berisi sebuah objek');
    expect(clauseText(bound('x', 'unbound'), 'en')).toBe('`x` is not bound');
    expect(clauseText({ kind: 'maxDeletions', n: 1 }, 'en')).toBe('At most 1 deletion');
    expect(clauseText({ kind: 'length', path: 'a', n: 1 }, 'en')).toBe('`a` has 1 item');
  });

  it('never shows a raw kind, a colon list or a wrong plural on any campaign level', () => {
    const lines = CAMPAIGN.flatMap((p) =>
      p.goal.flatMap((c) => [clauseText(c, 'en'), clauseText(c, 'id')]),
    );
    expect(lines.length).toBeGreaterThan(37);
    for (const line of lines) {
      expect(line).not.toMatch(/holds:|berisi:|: none|\b1 (items|deletions|objects)\b/);
      expect(line.split('`').length % 2).toBe(1); // backticks come in pairs (code spans)
    }
  });
});
