/**
 * Deep copy of a state (plain JSON of known shape, copied per kind through kinds.ts): for callers
 * that must keep a state untouched while apply() changes a copy (the runner, replays, renders).
 */
import { slotsOf } from './kinds.ts';
import type { EngineState, Frame, HeapObject } from './types.ts';
import { copyIndex } from './working.ts';

function cloneObject(o: HeapObject): HeapObject {
  return slotsOf(o).clone(o);
}

function cloneFrame(f: Frame): Frame {
  return { fn: f.fn, varnames: f.varnames.slice(), locals: { ...f.locals } };
}

/**
 * Values are immutable and shared between copies; every container is copied. The copy also gets
 * a copy of the working index (generation lists, digest cache), never the same one.
 */
export function cloneState(s: EngineState): EngineState {
  const objects: Record<number, HeapObject> = {};
  for (const key in s.objects)
    objects[key as unknown as number] = cloneObject(s.objects[key as unknown as number]!);
  const classes: EngineState['classes'] = {};
  for (const [name, c] of Object.entries(s.classes)) {
    classes[name] = {
      ...c,
      slots: c.slots ? c.slots.slice() : null,
      sharedKeys: { usable: c.sharedKeys.usable, names: c.sharedKeys.names.slice() },
    };
  }
  const copy: EngineState = {
    version: s.version,
    nextId: s.nextId,
    rng: s.rng,
    objects,
    globals: { ...s.globals },
    frames: s.frames.map(cloneFrame),
    classes,
    gc: {
      ...s.gc,
      thresholds: [...s.gc.thresholds],
      counts: [...s.gc.counts],
      collections: [...s.gc.collections],
      collected: [...s.gc.collected],
    },
  };
  copyIndex(s, copy);
  return copy;
}
