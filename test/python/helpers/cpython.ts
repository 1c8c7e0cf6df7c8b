/**
 * Runs many Python scripts in ONE python3 process (fast: no per-script start-up) and returns,
 * per script, its stdout, the last line of its traceback ('' when none) and its exit status.
 *
 * Each script is compiled from its own file and exec'd in a fresh globals dict, with the
 * collector reset to CPython's start-up settings (enabled, 700/10/10). The scripts' own
 * preamble (`gc.disable()`, then `gc.collect()`) removes the previous script's garbage, exactly
 * as it removes start-up garbage in a fresh interpreter.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CPythonResult {
  stdout: string;
  /** Last traceback line, e.g. "KeyError: 'k'"; '' when the script ran to the end. */
  error: string;
  exitCode: 0 | 1;
}

const HARNESS = `
import gc, io, json, sys, traceback
paths, starts = json.load(open(sys.argv[1]))
results = []
for path, start in zip(paths, starts):
    with open(path) as f:
        src = f.read()
    buf = io.StringIO()
    real = sys.stdout
    sys.stdout = buf
    error = ''
    gc.set_threshold(700, 10, 10)
    gc.enable()
    junk = None
    if start is not None:
        gc.collect()
        junk = [[] for _ in range(start)]
    try:
        exec(compile(src, path, 'exec'), {'__name__': '__main__'})
    except BaseException as e:
        error = traceback.format_exception_only(type(e), e)[-1].rstrip('\\n')
    finally:
        sys.stdout = real
    del junk
    results.append({'stdout': buf.getvalue(), 'error': error, 'exitCode': 1 if error else 0})
json.dump(results, open(sys.argv[2], 'w'))
`;

let available: boolean | null = null;

/** True when `python3` is CPython 3.11, the oracle's version (3.14 counts differently, see SEMANTICS.md). */
export function hasPython3(): boolean {
  if (available === null) {
    const r = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[:2] == (3, 11))'], {
      encoding: 'utf8',
    });
    available = r.status === 0 && r.stdout.trim() === 'True';
  }
  return available;
}

/**
 * Runs every source in one python3 process; results are in input order. `startCounts[i]`, when
 * given: collect the previous script's garbage, then allocate that many live lists, so script i
 * starts with no garbage and CPython's gen-0 count at about that value (a fresh interpreter's
 * start-up leaves it anywhere below the threshold).
 */
export function runCPythonBatch(sources: string[], startCounts?: number[]): CPythonResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'heap-heroes-py-'));
  try {
    const paths = sources.map((src, i) => {
      const p = join(dir, `s${i}.py`);
      writeFileSync(p, src);
      return p;
    });
    writeFileSync(join(dir, 'harness.py'), HARNESS);
    writeFileSync(
      join(dir, 'paths.json'),
      JSON.stringify([paths, paths.map((_, i) => startCounts?.[i] ?? null)]),
    );
    const r = spawnSync(
      'python3',
      [join(dir, 'harness.py'), join(dir, 'paths.json'), join(dir, 'out.json')],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    if (r.status !== 0) throw new Error(`python3 harness failed: ${r.stderr}`);
    return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as CPythonResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The last non-empty line of a stderr text. */
export function lastLine(text: string): string {
  const lines = text.trimEnd().split('\n');
  return lines[lines.length - 1] ?? '';
}

const COMPILE_HARNESS = `
import json, sys, warnings
warnings.simplefilter('ignore')
out = []
for src in json.load(open(sys.argv[1])):
    try:
        compile(src, 'x.py', 'exec')
        out.append({'kind': 'ok', 'line': 0})
    except SyntaxError as e:
        out.append({'kind': type(e).__name__, 'line': e.lineno or 0})
json.dump(out, open(sys.argv[2], 'w'))
`;

/** What compile() says of each source in python3: 'ok', or the SyntaxError subclass and line. */
export function compileCPythonBatch(sources: string[]): { kind: string; line: number }[] {
  const dir = mkdtempSync(join(tmpdir(), 'heap-heroes-compile-'));
  try {
    writeFileSync(join(dir, 'harness.py'), COMPILE_HARNESS);
    writeFileSync(join(dir, 'in.json'), JSON.stringify(sources));
    const args = [join(dir, 'harness.py'), join(dir, 'in.json'), join(dir, 'out.json')];
    const r = spawnSync('python3', args, { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`python3 compile harness failed: ${r.stderr}`);
    return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as {
      kind: string;
      line: number;
    }[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FILES_HARNESS = `
import json, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
def run(path):
    p = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=60)
    return {'stdout': p.stdout, 'stderr': p.stderr, 'exitCode': p.returncode}
with ThreadPoolExecutor(2) as pool:
    out = list(pool.map(run, json.load(open(sys.argv[1]))))
json.dump(out, open(sys.argv[2], 'w'))
`;

/**
 * Runs every source as its own `python3 FILE.py` process — exact for everything a script can
 * observe (constants held by the parser's arena while the module runs, finalizers at shutdown),
 * which one shared process with exec() is not. Results in input order.
 */
export function runCPythonFiles(
  sources: string[],
): { stdout: string; stderr: string; exitCode: number }[] {
  const dir = mkdtempSync(join(tmpdir(), 'heap-heroes-files-'));
  try {
    const paths = sources.map((src, i) => {
      const p = join(dir, `p${i}.py`);
      writeFileSync(p, src);
      return p;
    });
    writeFileSync(join(dir, 'harness.py'), FILES_HARNESS);
    writeFileSync(join(dir, 'in.json'), JSON.stringify(paths));
    const args = [join(dir, 'harness.py'), join(dir, 'in.json'), join(dir, 'out.json')];
    const r = spawnSync('python3', args, { encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error(`python3 files harness failed: ${r.stderr}`);
    return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as {
      stdout: string;
      stderr: string;
      exitCode: number;
    }[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
