/**
 * Builtin modules and `import`. A module is defined once (`registerModule`: a name and an init
 * that fills its namespace) and made on first import; later imports return the same object
 * (sys.modules). vmcore defines `sys` (and the stand-ins below); vmgc registers `gc` and
 * `weakref` with the same call. Anything else is an ImportError-free refusal.
 */
import { refuse } from './errors.ts';
import type { PyObject } from './object.ts';
import { PyModule } from './module.ts';
import { newStr } from './scalars.ts';
import { vm, type ModuleDef } from './state.ts';

/** Runs a module's Python source in its namespace (set by index.ts, which owns the compiler). */
export const moduleSource = { run: (_source: string, _mod: PyModule): void => {} };

/** Definitions registered at load time (all runs); instances are per run (vm.modules). */
const defs = new Map<string, ModuleDef>();

export function registerModule(def: ModuleDef): void {
  defs.set(def.name, def);
}

export function isModuleDefined(name: string): boolean {
  return defs.has(name);
}

/** IMPORT_NAME: a new reference to the module. */
export function importModule(name: string): PyObject {
  let m = vm.modules.get(name);
  if (!m) {
    const def = defs.get(name);
    if (!def) refuse(`import of module '${name}'`);
    const mod = new PyModule(name);
    mod.dict.set(newStr('__name__'), newStr(name));
    def.init?.(mod.dict);
    vm.modules.set(name, mod);
    if (def.source !== undefined) moduleSource.run(def.source, mod);
    m = mod;
  }
  m.rc++;
  return m;
}
