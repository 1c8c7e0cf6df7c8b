/** The modules a teaching program may import: sys (builtins/sys.ts), gc, _weakref, weakref, tracemalloc. */
import { registerModule } from './modules.ts';
import { initGcModule } from './gc/module.ts';
import { initWeakrefModule } from './weakref_module.ts';
import { WEAKREF_SOURCE } from './weakref_py.ts';
import './builtins/sys.ts';
import type { PyDict } from './dict.ts';
import { defineFunction } from './builtins/helpers.ts';
import { bool, none } from './scalars.ts';
import { refuse } from './errors.ts';

registerModule({ name: 'gc', init: initGcModule });
registerModule({ name: '_weakref', init: initWeakrefModule });
registerModule({ name: 'weakref', source: WEAKREF_SOURCE });

/** tracemalloc: tracing can be switched on and off; its byte counts depend on the allocator, so reading them is refused. */
registerModule({
  name: 'tracemalloc',
  init(d: PyDict): void {
    let tracing = false;
    defineFunction(d, 'start', () => ((tracing = true), none()));
    defineFunction(d, 'stop', () => ((tracing = false), none()));
    defineFunction(d, 'is_tracing', () => bool(tracing));
    defineFunction(d, 'clear_traces', () => none());
    defineFunction(d, 'get_traced_memory', () => refuse('tracemalloc byte counts'));
    defineFunction(d, 'take_snapshot', () => refuse('tracemalloc snapshots'));
    defineFunction(d, 'get_tracemalloc_memory', () => refuse('tracemalloc byte counts'));
  },
});
