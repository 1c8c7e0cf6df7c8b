/** Read-only questions about a state (no action needed): names, objects, reachability. */
import { forEachReferent } from './traverse.ts';
import type { EngineState, Frame, ObjId, Value } from './types.ts';

/**
 * The running call, or undefined at module level. (Never `frames[frames.length - 1]` on an
 * empty stack: V8 reads index -1 as a named property up the prototype chain, a slow lookup that
 * was 15% of building 100k lists.)
 */
export function innermostFrame(state: EngineState): Frame | undefined {
  const n = state.frames.length;
  return n === 0 ? undefined : state.frames[n - 1];
}

/** A name as Python reads it: the innermost frame's locals first, then the module's globals. */
export function lookupName(state: EngineState, name: string): Value | undefined {
  return innermostFrame(state)?.locals[name] ?? state.globals[name];
}

/** Every root value: module globals, then each frame's locals, outermost first. */
export function rootValues(state: EngineState): Value[] {
  const out = Object.values(state.globals);
  for (const f of state.frames) out.push(...Object.values(f.locals));
  return out;
}

/**
 * Objects reachable from the roots by strong references (a plain breadth-first search). The
 * tests use it as the naive oracle the collector must agree with; the game uses it for
 * "show reachability" (live objects not in this set are garbage waiting for gc.collect()).
 */
export function reachableFromRoots(state: EngineState): Set<ObjId> {
  const seen = new Set<ObjId>();
  const queue: ObjId[] = [];
  for (const v of rootValues(state)) {
    if (v.t === 'ref' && !seen.has(v.id)) {
      seen.add(v.id);
      queue.push(v.id);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const obj = state.objects[queue[i]!];
    if (!obj) continue;
    forEachReferent(obj, (to) => {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    });
  }
  return seen;
}
