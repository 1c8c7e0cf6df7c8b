/**
 * Interpreter shutdown as Py_FinalizeEx / finalize_modules (3.11) does it, for what a program can
 * see (`__del__` output at exit):
 * 1. sys.modules is emptied in import order (`finalize_remove_modules`): `__main__` is freed
 *    unless something else holds it, and its dict with it unless a cycle holds the dict (any
 *    function or class defined in it refers back to it through `__globals__`);
 * 2. a full collection runs even with gc disabled (`_PyGC_CollectNoFail`): cyclic garbage,
 *    usually the whole `__main__` namespace, is finalized in collector order;
 * 3. modules still alive are cleared newest first (`_PyModule_ClearDict`: names starting with
 *    one underscore set to None first, then every other name but `__builtins__`, in dict order).
 */
import { decref, type PyObject } from './object.ts';
import { heap } from './heap.ts';
import { PyModule } from './module.ts';
import { PyStr, none } from './scalars.ts';
import { vm } from './state.ts';
import { VmCollector } from './gc/vm.ts';
import type { PyDict } from './dict.ts';

function clearModuleDict(d: PyDict): void {
  const pass = (pick: (name: string) => boolean): void => {
    for (const e of [...d.map.values()]) {
      if (!(e.k instanceof PyStr) || !pick(e.k.v)) continue;
      if (d.map.get('s' + e.k.v) !== e) continue;
      e.k.rc++;
      d.set(e.k, none());
    }
  };
  pass((n) => n.startsWith('_') && !n.startsWith('__'));
  pass((n) => n !== '__builtins__');
}

export function finalizeModules(): void {
  const modules: PyObject[] = [...vm.modules.values()];
  vm.modules = new Map();
  for (const m of modules) decref(m);
  if (heap.collector instanceof VmCollector) heap.collector.core.collect(2);
  for (let i = modules.length - 1; i >= 0; i--) {
    const m = modules[i]!;
    if (m.rc > 0 && m instanceof PyModule) clearModuleDict(m.dict);
  }
}
