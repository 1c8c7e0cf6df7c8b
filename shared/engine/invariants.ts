/**
 * checkInvariants(state): the engine's validate_list. Returns a list of violations ([] = sound).
 * Only tests call it: the engine tests after every action, the runner and puzzle tests on the
 * states they reach.
 *
 * 1. rc of every object equals its incoming strong references (names, frame locals, list items,
 *    dict values, attributes, materialized __dict__ links); every rc ≥ 1.
 * 2. No dangling ids: every reference and weakref link names a live object, ids < nextId.
 * 3. Weakrefs: a weakref's referent is live or null; an instance's `weakref` points back to a live
 *    weakref whose referent is that instance; only weakref-able instances have one.
 * 4. Tracking: every list, instance and weakref is tracked (gen 0..2); a dict is untracked only
 *    if it holds no GC value. So the generations partition exactly the tracked objects.
 * 5. Ints are the cached small ints; dict keys are unique.
 * 6. The generation lists of the engine's working index (when the state has one) hold exactly
 *    the objects whose `gen` field names that generation.
 */
import { forEachReferent } from './traverse.ts';
import { rootValues } from './query.ts';
import type { EngineState, Generation, HeapObject, ObjId, Value } from './types.ts';
import { generationMembers } from './working.ts';
import { SMALL_INT_MAX, SMALL_INT_MIN } from './types.ts';

function checkValue(state: EngineState, v: Value, where: string, out: string[]): void {
  if (v.t === 'ref' && !state.objects[v.id])
    out.push(`${where} refers to freed or unknown #${v.id}`);
  if (v.t === 'int' && (v.v < SMALL_INT_MIN || v.v > SMALL_INT_MAX))
    out.push(`${where} holds int ${v.v}`);
}

function countIncoming(state: EngineState, out: string[]): Map<ObjId, number> {
  const incoming = new Map<ObjId, number>();
  const add = (id: ObjId): void => void incoming.set(id, (incoming.get(id) ?? 0) + 1);
  for (const v of rootValues(state)) {
    checkValue(state, v, 'a name', out);
    if (v.t === 'ref') add(v.id);
  }
  for (const obj of Object.values(state.objects)) forEachReferent(obj, add);
  return incoming;
}

function checkWeakrefs(state: EngineState, obj: HeapObject, out: string[]): void {
  if (obj.kind === 'weakref' && obj.referent !== null) {
    const t = state.objects[obj.referent];
    if (!t) out.push(`weakref #${obj.id} is not cleared but #${obj.referent} is freed`);
    else if (t.kind !== 'instance' || t.weakref !== obj.id)
      out.push(`weakref #${obj.id} is not linked from #${t.id}`);
  }
  if (obj.kind === 'instance' && obj.weakref !== null) {
    const w = state.objects[obj.weakref];
    if (!w || w.kind !== 'weakref' || w.referent !== obj.id)
      out.push(`#${obj.id} links a wrong weakref`);
    if (!state.classes[obj.cls]?.weakrefable)
      out.push(`#${obj.id} (${obj.cls}) is not weakref-able`);
  }
}

function checkTracking(obj: HeapObject, out: string[]): void {
  if (obj.gen === null) {
    if (obj.kind !== 'dict') out.push(`${obj.kind} #${obj.id} is untracked`);
    else if (obj.entries.some(([, v]) => v.t === 'ref'))
      out.push(`dict #${obj.id} holds objects but is untracked`);
  } else if (![0, 1, 2].includes(obj.gen))
    out.push(`#${obj.id} is in generation ${String(obj.gen)}`);
}

function checkContents(state: EngineState, obj: HeapObject, out: string[]): void {
  const where = `#${obj.id}`;
  if (obj.kind === 'list') obj.items.forEach((v) => checkValue(state, v, where, out));
  if (obj.kind === 'list' && obj.capacity < obj.items.length)
    out.push(`${where} capacity below length`);
  if (obj.kind === 'dict') {
    obj.entries.forEach(([, v]) => checkValue(state, v, where, out));
    if (new Set(obj.entries.map(([k]) => k)).size !== obj.entries.length)
      out.push(`${where} repeats a key`);
  }
  if (obj.kind === 'instance') {
    obj.attrs.forEach(([, v]) => checkValue(state, v, where, out));
    if (obj.dict !== null && !state.objects[obj.dict]) out.push(`${where} has a freed __dict__`);
    if (!state.classes[obj.cls]) out.push(`${where} has unknown class ${obj.cls}`);
  }
}

function checkGenerationLists(state: EngineState, out: string[]): void {
  for (const gen of [0, 1, 2] as Generation[]) {
    const members = generationMembers(state, gen);
    if (members === null) return;
    const listed = members.slice().sort((a, b) => a - b);
    const fields = Object.values(state.objects)
      .filter((o) => o.gen === gen)
      .map((o) => o.id);
    if (listed.join() !== fields.join())
      out.push(`generation ${gen} list [${listed.join()}] but gen fields [${fields.join()}]`);
  }
}

export function checkInvariants(state: EngineState): string[] {
  const out: string[] = [];
  const incoming = countIncoming(state, out);
  for (const obj of Object.values(state.objects)) {
    if (obj.id >= state.nextId || obj.id < 1) out.push(`#${obj.id} is outside 1..nextId`);
    const n = incoming.get(obj.id) ?? 0;
    if (obj.rc !== n) out.push(`#${obj.id} has rc ${obj.rc} but ${n} references`);
    if (obj.rc < 1) out.push(`#${obj.id} is alive with rc ${obj.rc}`);
    checkContents(state, obj, out);
    checkWeakrefs(state, obj, out);
    checkTracking(obj, out);
  }
  checkGenerationLists(state, out);
  return out;
}
