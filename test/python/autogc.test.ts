/**
 * Automatic collections: the runner prints CPython's output or refuses with `unsupported`, never
 * a different answer. CPython's gen-0 count runs ahead of the engine's (start-up, def, class,
 * print), so the runner bounds it from above (shared/python/autogc.ts). Random scripts with small
 * thresholds (test/python/helpers/autoGcScripts.ts) run against python3 from random start counts.
 */
import { describe, expect, it } from 'vitest';
import { runPython } from '../../shared/python/index.ts';
import { autoGcScript } from './helpers/autoGcScripts.ts';
import { hasPython3, runCPythonBatch } from './helpers/cpython.ts';

const PRE = 'import gc, sys\n\n\nclass Node:\n    pass\n\n\n';
const refused = (src: string): boolean => runPython(src).stderr.includes('\nunsupported: ');

describe('automatic collections the runner cannot place are refused', () => {
  it('threshold 2 after gc.collect(): CPython collects the cycle at `b = []` (prints 0)', () => {
    const src = `${PRE}gc.collect()\ngc.set_threshold(2)\na = Node()\na.me = a\ndel a\nb = []\nprint(gc.collect())\n`;
    const r = runPython(src);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('line 13, in <module>\n    b = []\nunsupported: an automatic');
  });

  it('440 dropped self-cycles with gc left on: refused at the first allocation after garbage', () => {
    const body = 'a = Node()\na.me = a\ndel a\n'.repeat(440);
    const r = runPython(`${PRE}${body}print(gc.collect())\n`);
    expect(r.stderr).toContain('line 11, in <module>\n    a = Node()\nunsupported: an automatic');
  });

  it('gc on with no garbage yet runs; gen-0 results are refused until a full collection', () => {
    expect(runPython(`${PRE}x = []\nprint(sys.getrefcount(x))\n`).stdout).toBe('2\n');
    const uncertain = `${PRE}x = []\ny = Node()\nprint(gc.collect(0))\n`;
    expect(runPython(uncertain).stderr).toContain('unsupported: an automatic collection may have');
    expect(refused(`${PRE}x = []\ngc.collect()\ny = Node()\nprint(gc.collect(0))\n`)).toBe(false);
  });

  it('below the threshold after gc.collect() nothing is refused (the corpus gc.enable() case)', () => {
    const src = `${PRE}gc.disable()\ngc.collect()\ngc.enable()\na = []\na.append(a)\ndel a\nprint(gc.collect())\n`;
    expect(runPython(src).stdout).toBe('1\n');
  });
});

/** Seeds whose run differs from CPython's beyond an `unsupported` refusal (with details). */
function differing(seeds: number[]): string[] {
  const sources = seeds.map(autoGcScript);
  const cpython = runCPythonBatch(
    sources,
    seeds.map((s) => (s * 7919) % 690),
  );
  const out: string[] = [];
  sources.forEach((src, i) => {
    const ours = runPython(src);
    const py = cpython[i]!;
    const ok = ours.stderr.includes('\nunsupported: ')
      ? py.stdout.startsWith(ours.stdout)
      : ours.stdout === py.stdout && ours.exitCode === py.exitCode;
    if (!ok)
      out.push(
        `seed ${seeds[i]}: ours ${JSON.stringify(ours.stdout)} cpython ${JSON.stringify(py.stdout)}`,
      );
  });
  return out;
}

describe('random scripts with the collector on agree with CPython or are refused', () => {
  it('accepts some of them (the rule is not "refuse everything")', () => {
    const runs = Array.from({ length: 100 }, (_, i) => runPython(autoGcScript(i)));
    const accepted = runs.filter((r) => !r.stderr.includes('\nunsupported: ')).length;
    expect(accepted).toBeGreaterThan(5);
  });

  it.skipIf(!hasPython3())(
    '200 fixed seeds',
    () => {
      expect(differing(Array.from({ length: 200 }, (_, i) => 1 + i))).toEqual([]);
    },
    120_000,
  );

  it.skipIf(!hasPython3())(
    '200 fresh seeds',
    () => {
      const base = (Date.now() % 1_000_000_000) * 5;
      console.info(`auto-gc script seeds ${base}..${base + 199}`);
      expect(differing(Array.from({ length: 200 }, (_, i) => base + i))).toEqual([]);
    },
    120_000,
  );
});
