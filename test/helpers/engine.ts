/**
 * A tiny driver for engine tests: runs actions one by one, asserting checkInvariants after each,
 * with helpers that read like the Python they stand for.
 */
import { expect } from 'vitest';
import {
  applyOrThrow,
  checkInvariants,
  createState,
  nameAt,
  type Action,
  type EngineEvent,
  type EngineState,
  type GcTrace,
  type ObjId,
  type Place,
  type Value,
} from '../../shared/engine/index.ts';

export class Heap {
  state: EngineState;
  lastEvents: EngineEvent[] = [];

  constructor(state: EngineState = createState({ gcEnabled: false })) {
    this.state = state;
    this.do({ type: 'defineClass', name: 'Node', slots: null });
    this.do({ type: 'defineClass', name: 'Slot', slots: ['next', 'prev', '__weakref__'] });
  }

  do(action: Action): EngineEvent[] {
    const r = applyOrThrow(this.state, action);
    this.state = r.state;
    this.lastEvents = r.events;
    expect(checkInvariants(this.state)).toEqual([]);
    return r.events;
  }

  /** The object a name is bound to (frame first, then globals). */
  id(name: string): ObjId {
    const top = this.state.frames[this.state.frames.length - 1];
    const v = top?.locals[name] ?? this.state.globals[name];
    if (!v || v.t !== 'ref') throw new Error(`${name} is not bound to an object`);
    return v.id;
  }

  v(name: string): Value {
    return { t: 'ref', id: this.id(name) };
  }

  list(name: string, ...items: string[]): ObjId {
    this.do({
      type: 'new',
      object: { kind: 'list', items: items.map((n) => this.v(n)) },
      into: nameAt(name),
    });
    return this.id(name);
  }

  dict(name: string, entries: [string, Value][] = []): ObjId {
    this.do({ type: 'new', object: { kind: 'dict', entries }, into: nameAt(name) });
    return this.id(name);
  }

  obj(name: string, cls = 'Node'): ObjId {
    this.do({ type: 'new', object: { kind: 'instance', cls }, into: nameAt(name) });
    return this.id(name);
  }

  set(place: Place, value: Value): void {
    this.do({ type: 'store', into: place, value });
  }

  attr(owner: string, attr: string, target: string): void {
    this.set({ kind: 'attr', obj: this.id(owner), name: attr }, this.v(target));
  }

  append(list: string, item: string): void {
    this.do({ type: 'append', list: this.id(list), value: this.v(item) });
  }

  del(...names: string[]): void {
    for (const n of names) this.do({ type: 'delete', at: nameAt(n) });
  }

  weak(name: string, target: string): void {
    this.do({ type: 'weakref', referent: this.id(target), into: nameAt(name) });
  }

  /** `w() is None` */
  dead(weakrefName: string): boolean {
    const w = this.state.objects[this.id(weakrefName)];
    if (!w || w.kind !== 'weakref') throw new Error('not a weakref');
    return w.referent === null;
  }

  /** sys.getrefcount(name) */
  getrefcount(name: string): number {
    return this.state.objects[this.id(name)]!.rc + 1;
  }

  collect(generation: 0 | 1 | 2 = 2): number {
    return this.collectTrace(generation).result;
  }

  collectTrace(generation: 0 | 1 | 2 = 2): GcTrace {
    const events = this.do({ type: 'collect', generation });
    const c = events.find((e) => e.type === 'collected');
    if (!c || c.type !== 'collected') throw new Error('no collected event');
    return c.trace;
  }

  alive(id: ObjId): boolean {
    return this.state.objects[id] !== undefined;
  }

  liveIds(): ObjId[] {
    return Object.values(this.state.objects).map((o) => o.id);
  }
}
