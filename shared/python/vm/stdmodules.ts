/** The modules a teaching program may import: sys (builtins/sys.ts), gc, _weakref, weakref, tracemalloc. */
import { registerModule } from './modules.ts';
import { initGcModule } from './gc/module.ts';
import { initWeakrefModule } from './weakref_module.ts';
import { WEAKREF_SOURCE } from './weakref_py.ts';
import './builtins/sys.ts';

registerModule({ name: 'gc', init: initGcModule });
registerModule({ name: '_weakref', init: initWeakrefModule });
registerModule({ name: 'weakref', source: WEAKREF_SOURCE });
