/**
 * The VM's `weakref` module source (shared/python/vm/weakref_py.ts), checked on python3 itself:
 * loaded in place of Lib/weakref.py (over CPython's `_weakref`, atexit.register standing in
 * for `_register_atexit`), every weakref tutorial program must print its `.expected` byte for byte,
 * and a program probing gc counts must print what it prints with the real module.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEAKREF_SOURCE } from '../../../../shared/python/vm/weakref_py.ts';
import { hasPython3 } from '../../helpers/cpython.ts';

/** vmcore's copy of ../shared/oracle/tutorial. */
const TUTORIAL = 'test/fixtures/vm/tutorial';
const dir = mkdtempSync(join(tmpdir(), 'vm-weakref-'));
const moduleFile = join(dir, 'weakref_vm.py');
const runner = join(dir, 'run.py');
writeFileSync(moduleFile, WEAKREF_SOURCE);
writeFileSync(
  runner,
  [
    'import sys, atexit, _weakref, importlib.util',
    '_weakref._register_atexit = atexit.register',
    `spec = importlib.util.spec_from_file_location("weakref", ${JSON.stringify(moduleFile)})`,
    'm = importlib.util.module_from_spec(spec)',
    'spec.loader.exec_module(m)',
    'sys.modules["weakref"] = m',
    'exec(compile(open(sys.argv[1]).read(), sys.argv[1], "exec"), {"__name__": "__main__"})',
    '',
  ].join('\n'),
);

const run = (args: string[]): string => execFileSync('python3', args, { encoding: 'utf8' });

describe.skipIf(!hasPython3())('weakref module source on python3', () => {
  const programs = [
    '51_weakref_basic',
    '52_weakref_callback',
    '53_weakref_callback_in_gc',
    '54_weakref_proxy',
    '55_weak_value_cache',
    '56_weak_key_dictionary',
    '57_weakset_registry',
    '58_weakref_finalize',
    '59_weakref_which_types',
    '60_weakref_parent_no_cycle',
  ];
  it.each(programs)('%s prints its .expected', (name) => {
    const out = run([runner, join(TUTORIAL, `${name}.py`)]);
    expect(out).toBe(readFileSync(join(TUTORIAL, `${name}.expected`), 'utf8'));
  });

  it('containers and finalize leave no cycles: same output as Lib/weakref.py', () => {
    const probe = join(dir, 'probe.py');
    writeFileSync(probe, readFileSync('test/fixtures/vm-gc/weakref_containers.py', 'utf8'));
    expect(run([runner, probe])).toBe(run([probe]));
  });
});
