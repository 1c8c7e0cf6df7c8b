/**
 * The collector installed in the VM's real object model (vmcore's PyObject classes): cycles of
 * instances, `__del__` via finalizerHook, weakrefs with callbacks, gc.callbacks and gc.garbage.
 * Python-level behaviour is tested end to end by the fixtures once the eval loop runs them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { resetHeap, heap } from '../../../../shared/python/vm/heap.ts';
import { initSingletons } from '../../../../shared/python/vm/scalars.ts';
import { PyType } from '../../../../shared/python/vm/type.ts';
import { finalizerHook, PyInstance } from '../../../../shared/python/vm/instance.ts';
import { decref, type PyObject } from '../../../../shared/python/vm/object.ts';
import { PyList } from '../../../../shared/python/vm/containers.ts';
import { VmCollector } from '../../../../shared/python/vm/gc/vm.ts';
import { checkInvariants } from '../../../../shared/python/vm/gc/invariants.ts';
import { DEBUG_SAVEALL } from '../../../../shared/python/vm/gc/collector.ts';
import {
  newWeakref,
  unraisableCall,
  weakrefComparison,
  weakrefCount,
} from '../../../../shared/python/vm/weakref.ts';

let log: string[];
let gc: VmCollector;
const names = new Map<PyObject, string>();

function instance(cls: PyType, name: string): PyInstance {
  const o = new PyInstance(cls);
  names.set(o, name);
  return o;
}

/** `a.attr = b` (a new reference to b). */
function setAttr(a: PyInstance, attr: string, b: PyObject): void {
  b.rc++;
  a.setAttr(attr, b);
}

/** A class as a class statement makes it: instances with attributes, weakly referenceable. */
function heapClass(name: string): PyType {
  const t = new PyType(name, [], true);
  t.hasDict = true;
  t.hasWeakref = true;
  return t;
}

beforeEach(() => {
  gc = new VmCollector();
  resetHeap(gc);
  initSingletons();
  log = [];
  finalizerHook.run = (o) => void log.push(`__del__ ${names.get(o)}`);
  unraisableCall.call = (fn, args) =>
    void log.push(
      `call ${names.get(fn)}(${args.map((a) => names.get(a) ?? a.constructor.name).join(', ')})`,
    );
});

describe('VmCollector with the object model', () => {
  it('a dropped pair of instances is collected; allocation counted in gen 0', () => {
    const cls = heapClass('Node');
    const before = gc.core.counts()[0];
    const a = instance(cls, 'a');
    const b = instance(cls, 'b');
    expect(gc.core.counts()[0]).toBe(before + 2);
    setAttr(a, 'other', b);
    setAttr(b, 'other', a);
    decref(a);
    decref(b);
    expect(gc.core.collect(2)).toBe(2);
    expect(a.attrs?.size).toBe(0);
    checkInvariants(gc.core);
    expect(heap.collector).toBe(gc);
  });

  it('weakref callbacks fire before __del__, only for reachable weakrefs (tutorial 53)', () => {
    const cls = heapClass('Node');
    cls.dict.map.set('s__del__', { k: cls, v: cls }); // any value makes hasFinalizer() true
    cls.rc += 2;
    const a = instance(cls, 'a');
    const b = instance(cls, 'b');
    setAttr(a, 'other', b);
    setAttr(b, 'other', a);
    const cb = instance(heapClass('F'), 'cb');
    const wa = newWeakref(a, cb, false);
    names.set(wa, 'wa');
    expect(weakrefCount(a)).toBe(1);
    decref(a);
    decref(b);
    expect(gc.core.collect(2)).toBe(2);
    expect(log).toEqual(['call cb(wa)', '__del__ a', '__del__ b']);
    expect(wa.referent).toBeNull();
    checkInvariants(gc.core);
  });

  it('a refcount-zero death clears weakrefs and calls back in list order (newest callback first)', () => {
    const cls = heapClass('Node');
    const fcls = heapClass('F');
    const a = instance(cls, 'a');
    const basic = newWeakref(a, null, false);
    expect(newWeakref(a, null, false)).toBe(basic);
    basic.rc--;
    const w1 = newWeakref(a, instance(fcls, 'cb1'), false);
    const w2 = newWeakref(a, instance(fcls, 'cb2'), false);
    names.set(w1, 'w1');
    names.set(w2, 'w2');
    expect(a.weakrefs).toEqual([basic, w2, w1]);
    decref(a);
    expect(log).toEqual(['call cb2(w2)', 'call cb1(w1)']);
    expect([basic.referent, w1.referent, w1.callback]).toEqual([null, null, null]);
  });

  it('lists are not weakly referenceable; instances of classes are', () => {
    expect(() => newWeakref(new PyList([]), null, false)).toThrow();
    expect(newWeakref(new PyInstance(heapClass('Plain')), null, false).kind).toBe('ref');
  });

  it('weakrefs compare by referent while alive, by identity once dead (weakref_richcompare)', () => {
    const cls = heapClass('Node');
    const a = instance(cls, 'a');
    const basic = newWeakref(a, null, false);
    const withCb = newWeakref(a, instance(heapClass('F'), 'cb'), false);
    expect(weakrefComparison(basic, withCb, 2)).toEqual({ operands: [a, a] });
    expect(weakrefComparison(basic, withCb, 0)).toBeNull();
    expect(weakrefComparison(a, a, 2)).toBeNull();
    decref(a);
    expect(weakrefComparison(basic, withCb, 2)).toEqual({ same: false });
    const b = instance(cls, 'b');
    const proxy = newWeakref(b, null, true);
    expect(weakrefComparison(proxy, a, 2)).toEqual({ operands: [b, a] });
    decref(b);
    expect(() => weakrefComparison(proxy, a, 2)).toThrow();
  });

  it('DEBUG_SAVEALL puts the cycle in gc.garbage (a VM list)', () => {
    const cls = heapClass('Node');
    const a = instance(cls, 'a');
    setAttr(a, 'me', a);
    decref(a);
    gc.core.debug = DEBUG_SAVEALL;
    expect(gc.core.collect(2)).toBe(1);
    expect(gc.garbage?.items).toEqual([a]);
    checkInvariants(gc.core);
  });
});
