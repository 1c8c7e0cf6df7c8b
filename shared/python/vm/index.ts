/**
 * The Python VM: `runScript(source, filename, hooks?)` runs a program of the teaching subset
 * exactly as CPython 3.11.7 would and returns what it printed. On an uncaught exception the
 * traceback goes to stderr and the exit code is 1; on anything the VM does not model, stdout
 * is discarded and stderr says `unsupported: <construct> at line N` (never a wrong answer).
 */
import { resetStdio } from './stdio.ts';
import { parse, PySyntaxError } from '../syntax/index.ts';
import { compileModule, UnsupportedError } from '../compiler/index.ts';
import { PyRaise, Refusal } from './errors.ts';
import { decref, type PyObject } from './object.ts';
import { resetHeap, type Collector } from './heap.ts';
import { clearFreeLists } from './freelists.ts';
import { initSingletons, newStr, none, PyInt, S } from './scalars.ts';
import { resetEmptyTuple } from './containers.ts';
import { initTypes } from './typeinit.ts';
import { EXC } from './registry.ts';
import { vm, type Hooks } from './state.ts';
import { makeBuiltins } from './builtins/init.ts';
import { PyModule } from './module.ts';
import { Loader } from './loader.ts';
import { Frame } from './frame.ts';
import { runFrame } from './eval/loop.ts';
import { resetIterTypes } from './ops/iter.ts';
import { resetSysTypes } from './builtins/sys.ts';
import { formatException } from './traceback.ts';
import { finalizeModules } from './shutdown.ts';
import { installFinalizer } from './finalize.ts';
import { installHashing } from './hashinstall.ts';
import type { PyException } from './instance.ts';
import { str } from './ops/repr.ts';
import './stdmodules.ts';
import { moduleSource } from './modules.ts';
import { VmCollector } from './gc/vm.ts';
import { runAtexit } from './gc/atexit.ts';
import type { CodeObject } from '../compiler/code.ts';

export { vm } from './state.ts';

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunOptions {
  hooks?: Hooks;
  /** The cycle collector to install (vm/gc); a counting stand-in by default. */
  collector?: () => Collector;
}

function reset(filename: string, source: string, options: RunOptions): void {
  resetHeap(options.collector?.() ?? new VmCollector());
  clearFreeLists();
  resetStdio();
  resetEmptyTuple();
  resetIterTypes();
  resetSysTypes();
  initTypes();
  initSingletons();
  vm.out = [];
  vm.err = [];
  vm.modules = new Map();
  vm.frame = null;
  vm.excInfo = null;
  vm.depth = 0;
  vm.overflowLine = 0;
  vm.recursionLimit = 1000;
  vm.hooks = options.hooks ?? {};
  vm.filename = filename;
  vm.sourceLines = source.split(/\r\n|\r|\n/);
  installFinalizer();
  installHashing();
  moduleSource.run = runModuleSource;
}

/**
 * Where compiled module sources are kept (like .pyc files): in memory by default; the CLI
 * installs a disk-backed store so each process does not recompile the weakref module.
 */
export const moduleCodeCache = {
  memory: new Map<string, CodeObject>(),
  get(source: string): CodeObject | null {
    return this.memory.get(source) ?? null;
  },
  set(source: string, co: CodeObject): void {
    this.memory.set(source, co);
  },
};

/** Runs a module written in Python in its namespace (as importing a .pyc would: no AST arena). */
function runModuleSource(source: string, mod: PyModule): void {
  let co = moduleCodeCache.get(source);
  if (!co) {
    co = compileModule(parse(source), mod.name);
    moduleCodeCache.set(source, co);
  }
  const loader = new Loader();
  const code = loader.code(co);
  loader.settle();
  loader.freeArena();
  const d = mod.dict;
  const frame = new Frame(code, null, d, vm.builtins, d, vm.frame);
  try {
    decref(runFrame(frame));
  } finally {
    decref(code);
  }
}

function syntaxErrorReport(e: PySyntaxError, filename: string, lines: string[]): string {
  const line = lines[e.lineno - 1] ?? '';
  let out = `  File "${filename}", line ${e.lineno}\n`;
  if (line.trim()) {
    const indent = line.length - line.trimStart().length;
    out += `    ${line.trim()}\n`;
    if (e.offset > 0) out += `    ${' '.repeat(Math.max(0, e.offset - 1 - indent))}^\n`;
  }
  return `${out}${e.type}: ${e.msg}\n`;
}

function exitCodeOf(exc: PyObject): { code: number; text: string } {
  const args = (exc as PyException).args.items;
  const v = args[0];
  if (!v || v === S.None) return { code: 0, text: '' };
  if (v instanceof PyInt) return { code: Number(v.v), text: '' };
  return { code: 1, text: str(v) + '\n' };
}

export function runScript(
  source: string,
  filename = '<string>',
  options: RunOptions = {},
): RunResult {
  reset(filename, source, options);
  let module;
  let co;
  try {
    module = parse(source);
    co = compileModule(module, filename);
  } catch (e) {
    if (e instanceof PySyntaxError) {
      return { stdout: '', stderr: syntaxErrorReport(e, filename, vm.sourceLines), exitCode: 1 };
    }
    if (e instanceof UnsupportedError) return { stdout: '', stderr: `${e.message}\n`, exitCode: 1 };
    throw e;
  }
  try {
    vm.builtins = makeBuiltins();
    const main = new PyModule('__main__');
    const globals = main.dict;
    globals.set(newStr('__name__'), newStr('__main__'));
    globals.set(newStr('__doc__'), none());
    const loader = new Loader();
    loader.register(co);
    const code = loader.code(co);
    loader.settle();
    vm.hooks.onLoaded?.(() => loader.arenaHeld());
    vm.builtins.rc++;
    globals.set(newStr('__builtins__'), vm.builtins);
    vm.modules.set('__main__', main);
    const frame = new Frame(code, null, globals, vm.builtins, globals, null);
    let exitCode = 0;
    let uncaught: PyObject | null = null;
    try {
      decref(runFrame(frame));
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      uncaught = e.exc;
      if (e.exc.type === EXC.SystemExit) {
        const { code: c, text } = exitCodeOf(e.exc);
        exitCode = c;
        vm.err.push(text);
      } else {
        vm.err.push(formatException(e.exc));
        exitCode = 1;
      }
    }
    runAtexit();
    decref(code);
    loader.freeArena();
    finalizeModules();
    if (uncaught) decref(uncaught);
    return { stdout: vm.out.join(''), stderr: vm.err.join(''), exitCode };
  } catch (e) {
    if (e instanceof Refusal) {
      return { stdout: '', stderr: `unsupported: ${e.construct} at line ${e.line}\n`, exitCode: 1 };
    }
    if (e instanceof RangeError) {
      // The JavaScript stack ran out before Python's recursion limit: refuse, never guess.
      const line = vm.overflowLine;
      return {
        stdout: '',
        stderr: `unsupported: recursion this deep at line ${line}\n`,
        exitCode: 1,
      };
    }
    throw e;
  }
}
