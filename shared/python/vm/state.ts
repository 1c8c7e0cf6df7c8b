/**
 * The running interpreter's state (CPython's thread state + interpreter state): output buffer,
 * builtins, loaded modules, the current frame, the exception being handled, hooks.
 * One run at a time; `runScript` resets it.
 */
import type { PyObject } from './object.ts';
import type { PyDict } from './dict.ts';
import type { Frame } from './frame.ts';

/** Observers of execution (the Playground's trace recorder); all optional. */
export interface Hooks {
  /** Before the first instruction of each new line (sys.settrace 'line'). */
  onLine?(frame: Frame): void;
  /** A Python frame starts (sys.settrace 'call'). */
  onCall?(frame: Frame): void;
  /** A Python frame ends, returning or raising (sys.settrace 'return'). */
  onReturn?(frame: Frame): void;
  /**
   * The program's code is loaded: `arena()` lists the constants the parser's AST arena keeps
   * alive (one reference each) until the module finishes (loader.ts). For the Playground.
   */
  onLoaded?(arena: () => readonly PyObject[]): void;
}

export interface ModuleDef {
  name: string;
  /** Fills the module's namespace (owned references). */
  init?(dict: PyDict): void;
  /** Python source run in the module's namespace after `init` (modules written in Python). */
  source?: string;
}

export const vm = {
  out: [] as string[],
  err: [] as string[],
  builtins: null as unknown as PyDict,
  modules: new Map<string, PyObject>(),
  moduleDefs: new Map<string, ModuleDef>(),
  frame: null as Frame | null,
  /** tstate->exc_info->exc_value: the exception being handled (owned), or null. */
  excInfo: null as PyObject | null,
  hooks: {} as Hooks,
  filename: '<string>',
  sourceLines: [] as string[],
  depth: 0,
  /** The line running when the JavaScript stack overflowed (0: none). */
  overflowLine: 0,
  recursionLimit: 1000,
};
