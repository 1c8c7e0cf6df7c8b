/**
 * Reading the heap by Python paths (`a`, `a.next`, `box[0]`, `d['k']`): how goals name objects and
 * how the solver lists what a player can reach. Pure reads of an EngineState, module level only.
 */
import type {
  DictObject,
  EngineState,
  HeapObject,
  InstanceObject,
  Value,
} from '../engine/index.ts';

export type Step =
  { kind: 'attr'; name: string } | { kind: 'item'; index: number } | { kind: 'key'; key: string };

const PATH = /^([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*)|\[(\d+)\]|\['([A-Za-z_]\w*)'\])?$/;

/** Split `a.next` into its name and (optional) single step; null if it is not a path. */
function parsePath(path: string): { name: string; step: Step | null } | null {
  const m = PATH.exec(path);
  if (!m) return null;
  const name = m[1] ?? '';
  if (m[2] !== undefined) return { name, step: { kind: 'attr', name: m[2] } };
  if (m[3] !== undefined) return { name, step: { kind: 'item', index: Number(m[3]) } };
  if (m[4] !== undefined) return { name, step: { kind: 'key', key: m[4] } };
  return { name, step: null };
}

/** Attributes of an instance in order, whether inline or in a materialized `__dict__`. */
function instanceAttrs(state: EngineState, obj: InstanceObject): [string, Value][] {
  if (obj.dict === null) return obj.attrs;
  const d = state.objects[obj.dict];
  return d && d.kind === 'dict' ? d.entries : [];
}

function dictGet(obj: DictObject, key: string): Value | null {
  const entry = obj.entries.find(([k]) => k === key);
  return entry ? entry[1] : null;
}

/** The value one step from an object, or null when that slot does not exist. */
function stepValue(state: EngineState, obj: HeapObject, step: Step): Value | null {
  if (step.kind === 'item') return obj.kind === 'list' ? (obj.items[step.index] ?? null) : null;
  if (step.kind === 'key') return obj.kind === 'dict' ? dictGet(obj, step.key) : null;
  if (obj.kind !== 'instance') return null;
  const entry = instanceAttrs(state, obj).find(([k]) => k === step.name);
  return entry ? entry[1] : null;
}

/** The value a module-level path reaches now, or null (unbound name, missing slot, not a path). */
export function resolvePath(state: EngineState, path: string): Value | null {
  const parsed = parsePath(path);
  if (!parsed) return null;
  const root = state.globals[parsed.name];
  if (root === undefined) return null;
  if (parsed.step === null) return root;
  if (root.t !== 'ref') return null;
  const obj = state.objects[root.id];
  return obj ? stepValue(state, obj, parsed.step) : null;
}

/** Render a step back to Python source (`.next`, `[0]`, `['k']`). */
export function stepSource(step: Step): string {
  if (step.kind === 'attr') return `.${step.name}`;
  if (step.kind === 'item') return `[${step.index}]`;
  return `['${step.key}']`;
}

/** Every one-step slot of an object, in order, with its value. */
export function slotsOf(state: EngineState, obj: HeapObject): { step: Step; value: Value }[] {
  switch (obj.kind) {
    case 'list':
      return obj.items.map((value, index) => ({ step: { kind: 'item', index }, value }));
    case 'dict':
      return obj.entries.map(([key, value]) => ({ step: { kind: 'key', key }, value }));
    case 'instance':
      return instanceAttrs(state, obj).map(([name, value]) => ({
        step: { kind: 'attr', name },
        value,
      }));
    case 'weakref':
      return [];
  }
}
