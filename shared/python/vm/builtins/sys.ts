/** The `sys` module: getrefcount, getsizeof, intern, stdout/stderr, exit, recursion limit. */
import { markVarargs } from '../ops/tpcall.ts';
import type { NativeFn } from '../callables.ts';
import { raise, refuse } from '../errors.ts';
import { type PyObject } from '../object.ts';
import type { PyDict } from '../dict.ts';
import { intern, newInt, newStr, none, PyStr } from '../scalars.ts';
import { newTuple } from '../containers.ts';
import { PyList } from '../containers.ts';
import { PyInstance } from '../instance.ts';
import { PyType } from '../type.ts';
import { EXC, T } from '../registry.ts';
import { frameObjectOf } from '../frame.ts';
import { PyException } from '../instance.ts';
import { PyRaise } from '../errors.ts';
import { vm } from '../state.ts';
import { registerModule } from '../modules.ts';
import { str } from '../ops/repr.ts';
import { asInt, defineFunction, defineMethods, exact } from './helpers.ts';
import { sizeOf } from './sizes.ts';
import { noteStdoutWrite } from '../stdio.ts';

let streamType: PyType | null = null;

function stream(name: 'stdout' | 'stderr'): PyObject {
  if (!streamType) {
    streamType = new PyType('TextIOWrapper', [T.object], false);
    streamType.module = '_io';
    defineMethods(streamType, {
      write: (a, _k, self) => {
        const text =
          a[0] instanceof PyStr ? a[0].v : raise('TypeError', 'write() argument must be str');
        const toErr =
          self === (vm.modules.get('sys') as unknown as { dict: PyDict }).dict.getStr('stderr');
        if (!toErr) noteStdoutWrite();
        (toErr ? vm.err : vm.out).push(text);
        return newInt(text.length);
      },
      flush: () => none(),
    });
  }
  const o = new PyInstance(streamType);
  o.attrs = null;
  void name;
  return o;
}

export function resetSysTypes(): void {
  streamType = null;
}

registerModule({
  name: 'sys',
  init(d: PyDict): void {
    defineFunction(d, 'getrefcount', (a, kw) => (exact('getrefcount', a, 1, kw), newInt(a[0]!.rc)));
    const getsizeof: NativeFn = (a) => newInt(sizeOf(a[0]!) + 0);
    markVarargs(getsizeof); // METH_VARARGS | METH_KEYWORDS
    defineFunction(d, 'getsizeof', getsizeof);
    defineFunction(d, 'intern', (a, kw) => {
      exact('intern', a, 1, kw);
      const s = a[0]!;
      if (!(s instanceof PyStr) || s.type !== T.str)
        raise('TypeError', `intern() argument must be str, not ${s.type.name}`);
      return intern(s);
    });
    defineFunction(d, 'exit', (a) => {
      const code = a[0] ?? none();
      code.rc++;
      throw new PyRaise(
        new PyException(EXC.SystemExit!, newTuple(a[0] ? [code] : (code.rc--, []))),
      );
    });
    defineFunction(d, 'getrecursionlimit', () => newInt(vm.recursionLimit));
    defineFunction(d, 'setrecursionlimit', (a) => {
      vm.recursionLimit = Number(asInt(a[0]!));
      return none();
    });
    defineFunction(d, '_getframe', (a) => {
      let f = vm.frame;
      for (let n = a[0] ? Number(asInt(a[0])) : 0; n > 0 && f; n--) f = f.back;
      if (!f) raise('ValueError', 'call stack is not deep enough');
      const fo = frameObjectOf(f);
      fo.rc++;
      return fo;
    });
    defineFunction(d, 'exc_info', () => {
      const e = vm.excInfo;
      if (!e) return newTuple([none(), none(), none()]);
      e.type.rc++;
      e.rc++;
      const tb = (e as PyException).traceback ?? none();
      if (tb !== null) tb.rc++;
      return newTuple([e.type, e, tb]);
    });
    defineFunction(d, 'exception', () => {
      const e = vm.excInfo ?? none();
      e.rc++;
      return e;
    });
    d.set(newStr('stdout'), stream('stdout'));
    d.set(newStr('stderr'), stream('stderr'));
    d.set(newStr('maxsize'), newInt(9223372036854775807n));
    d.set(newStr('argv'), new PyList([newStr(vm.filename)]));
    d.set(
      newStr('version_info'),
      newTuple([newInt(3), newInt(11), newInt(7), newStr('final'), newInt(0)]),
    );
    d.set(newStr('platform'), newStr('linux'));
    d.set(newStr('byteorder'), newStr('little'));
    void refuse;
    void str;
  },
});
