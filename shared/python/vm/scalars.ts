/**
 * Immutable scalar objects: None, bool, int, float, str, bytes, NotImplemented, Ellipsis.
 * None/True/False/small ints (-5..256) and the latin-1 one-character strings are shared
 * singletons, as in CPython; their counts start high (they are never freed).
 */
import { PyObject } from './object.ts';
import { T } from './registry.ts';
import type { PyType } from './type.ts';
import { heap } from './heap.ts';

const IMMORTAL = 1 << 28;

export class PyNone extends PyObject {
  get type(): PyType {
    return T.NoneType;
  }
}

export class PyInt extends PyObject {
  v: bigint;
  constructor(v: bigint) {
    super();
    this.v = v;
  }
  get type(): PyType {
    return T.int;
  }
}

export class PyBool extends PyInt {
  override get type(): PyType {
    return T.bool;
  }
}

export class PyFloat extends PyObject {
  v: number;
  constructor(v: number) {
    super();
    this.v = v;
  }
  get type(): PyType {
    return T.float;
  }
}

export class PyStr extends PyObject {
  /** Set once interned (sys.intern, identifiers, name-like constants). */
  interned = false;
  v: string;
  constructor(v: string) {
    super();
    this.v = v;
  }
  get type(): PyType {
    return T.str;
  }
  protected override release(): void {
    forgetInterned(this);
  }
}

export class PyBytes extends PyObject {
  /** latin-1 text: one char per byte. */
  v: string;
  constructor(v: string) {
    super();
    this.v = v;
  }
  get type(): PyType {
    return T.bytes;
  }
}

export class PySingleton extends PyObject {
  private t: () => PyType;
  constructor(t: () => PyType) {
    super();
    this.t = t;
  }
  get type(): PyType {
    return this.t();
  }
}

const SMALL_MIN = -5;
const SMALL_MAX = 256;

/** Process-wide singletons, rebuilt per run (their ids are the first serials). */
export const S = {
  None: null as unknown as PyNone,
  True: null as unknown as PyBool,
  False: null as unknown as PyBool,
  NotImplemented: null as unknown as PyObject,
  Ellipsis: null as unknown as PyObject,
  small: [] as PyInt[],
  chars: new Map<string, PyStr>(),
  emptyBytes: null as unknown as PyBytes,
  interned: new Map<string, PyStr>(),
};

function immortal<O extends PyObject>(o: O): O {
  o.rc = IMMORTAL;
  return o;
}

export function initSingletons(): void {
  S.None = immortal(new PyNone());
  S.True = immortal(new PyBool(1n));
  S.False = immortal(new PyBool(0n));
  S.NotImplemented = immortal(new PySingleton(() => T.NotImplementedType));
  S.Ellipsis = immortal(new PySingleton(() => T.ellipsis));
  S.small = [];
  for (let i = SMALL_MIN; i <= SMALL_MAX; i++) S.small.push(immortal(new PyInt(BigInt(i))));
  S.chars = new Map();
  const empty = immortal(new PyStr(''));
  S.chars.set('', empty);
  S.interned = new Map([['', empty]]);
  S.emptyBytes = immortal(new PyBytes(''));
  void heap;
}

export function none(): PyNone {
  S.None.rc++;
  return S.None;
}

export function bool(b: boolean): PyBool {
  const o = b ? S.True : S.False;
  o.rc++;
  return o;
}

/** A new reference to an int object (cached for -5..256, as PyLong_FromLong). */
export function newInt(v: bigint | number): PyInt {
  if (typeof v === 'number') {
    if (v >= SMALL_MIN && v <= SMALL_MAX) {
      const o = S.small[v - SMALL_MIN]!;
      o.rc++;
      return o;
    }
    return new PyInt(BigInt(v));
  }
  if (v >= -5n && v <= 256n) {
    const o = S.small[Number(v) - SMALL_MIN]!;
    o.rc++;
    return o;
  }
  return new PyInt(v);
}

export function newFloat(v: number): PyFloat {
  return new PyFloat(v);
}

/** A new reference to a str: '' and one latin-1 character are shared singletons. */
export function newStr(v: string): PyStr {
  if (v.length <= 1) {
    if (v === '' || v.charCodeAt(0) < 256) {
      let o = S.chars.get(v);
      if (!o) {
        o = immortal(new PyStr(v));
        o.interned = true;
        S.chars.set(v, o);
        S.interned.set(v, o);
      }
      o.rc++;
      return o;
    }
  }
  return new PyStr(v);
}

/**
 * sys.intern / identifier interning: returns a new reference to the canonical object.
 * CPython does not count the interned table's references (3.11 adjusts the count by 2), so
 * interning adds none.
 */
export function intern(s: PyStr): PyStr {
  const existing = S.interned.get(s.v);
  if (existing) {
    existing.rc++;
    return existing;
  }
  s.interned = true;
  S.interned.set(s.v, s);
  s.rc++;
  return s;
}

/** Frees drop a str from the interned table (3.11 keeps interned strings mortal). */
export function forgetInterned(s: PyStr): void {
  if (s.interned && S.interned.get(s.v) === s) S.interned.delete(s.v);
}

export function newBytes(v: string): PyBytes {
  if (v === '') {
    S.emptyBytes.rc++;
    return S.emptyBytes;
  }
  return new PyBytes(v);
}
