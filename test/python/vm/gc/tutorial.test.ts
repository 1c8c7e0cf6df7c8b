/**
 * The tutorial programs of the collector's area (31–60: cycles, finalizers, weakrefs; 81–90: the
 * gc module), run through the VM with the real collector, compared byte for byte with CPython
 * 3.11.7's output (vmcore's copy of ../shared/oracle/tutorial), and vmgc's own fixture programs.
 * `KNOWN_FAILING` lists the ones that do not pass yet; the test fails if one of them starts
 * passing (so the list only shrinks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../../shared/python/vm/index.ts';
import { VmCollector } from '../../../../shared/python/vm/gc/vm.ts';
import { checkInvariants } from '../../../../shared/python/vm/gc/invariants.ts';

/** vmcore's copy of ../shared/oracle/tutorial; this area is 31–60 and 81–90. */
const TUTORIAL = 'test/fixtures/vm/tutorial';
const inArea = (path: string): boolean => {
  const n = Number(path.split('/').at(-1)?.slice(0, 2));
  return (n >= 31 && n <= 60) || (n >= 81 && n <= 90);
};
const OWN = 'test/fixtures/vm-gc';
const list = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.py'))
    .map((f) => join(dir, f.slice(0, -3)));

// 59: subclassing list (vmcore).
const KNOWN_FAILING = new Set<string>([]);

function run(path: string): { ok: boolean; detail: string } {
  const source = readFileSync(`${path}.py`, 'utf8');
  const expected = readFileSync(`${path}.expected`, 'utf8');
  let collector: VmCollector | null = null;
  const r = runScript(source, `${path}.py`, { collector: () => (collector = new VmCollector()) });
  // Whatever the program did, the collector's lists must still be consistent afterwards.
  if (collector !== null) checkInvariants((collector as VmCollector).core);
  return { ok: r.stdout === expected && r.exitCode === 0, detail: r.stdout + r.stderr };
}

describe.each([
  ['tutorial programs of the gc/weakref area', TUTORIAL, inArea],
  ['vmgc fixtures (python3 /work/shared/oracle/run_cpython.py wrote .expected)', OWN, () => true],
])('%s through the VM', (_, dir, keep) => {
  it.each(list(dir).filter(keep))('%s', (path) => {
    const { ok, detail } = run(path);
    if (KNOWN_FAILING.has(path.split('/').at(-1) ?? ''))
      expect(ok, 'now passes: remove it from KNOWN_FAILING').toBe(false);
    else expect(ok, detail).toBe(true);
  });
});
