/**
 * Turns the engine actions of one statement that calls a function into steps for the player
 * (the same one as gc.collect()): the frame appears with its parameters bound, each local
 * binds, the return value is handed to the caller, then the frame vanishes and its locals let
 * go. Every step shows a real engine state: the actions are re-applied with the engine's own
 * `apply`, so no rule is written here a second time — only what to show and say at each point.
 */
import type { Action } from '../../shared/engine/actions.ts';
import { applyOrThrow, cloneState } from '../../shared/engine/index.ts';
import type { EngineEvent } from '../../shared/engine/events.ts';
import type { EngineState, ObjId, Value } from '../../shared/engine/types.ts';
import { t } from '../i18n/index.ts';
import { narrate, valueText } from './describe.ts';
import { nameObjects } from './names.ts';
import type { NameBook } from './names.ts';

export interface CallStep {
  /** The innermost running call this step belongs to (the player's title). */
  fn: string;
  /** What the step shows, in the player's language: its first line is the headline. */
  lines: string[];
  /** The board at this point (frames included). */
  state: EngineState;
  /** Objects freed by this step, in the order they were freed (they fade out). */
  freed: ObjId[];
  /** The frame to outline (depth: 0 = outermost call), or null. */
  frame: number | null;
  /** The object to outline (the value being returned), or null. */
  object: ObjId | null;
}

/** Null when the statement calls no function (nothing to step through). */
export function callSteps(
  before: EngineState,
  actions: readonly Action[],
  book: NameBook,
): { steps: CallStep[]; book: NameBook } | null {
  if (!actions.some((a) => a.type === 'call')) return null;
  const s = cloneState(before);
  const steps: CallStep[] = [];
  const running: string[] = [];
  let names = book;
  for (const action of actions) {
    const prev = action.type === 'return' ? cloneState(s) : null;
    const { events } = applyOrThrow(s, action);
    const state = cloneState(s);
    names = nameObjects(names, state, events);
    const told = narrate(events.filter(notFrameEvent), prev ?? state, state, names);
    const base = { freed: freedBy(events), state, frame: null, object: null };
    if (action.type === 'call') {
      running.push(action.fn);
      const depth = state.frames.length - 1;
      const headline = enterLine(action.fn, action.params, action.args, names);
      steps.push({ ...base, fn: action.fn, lines: [headline, ...told], frame: depth });
    } else if (action.type === 'return' && prev) {
      const fn = running.pop() ?? '?';
      const depth = prev.frames.length - 1;
      const value = refOf(action.value);
      steps.push({
        ...base,
        fn,
        state: prev,
        freed: [],
        lines: [returnLine(fn, action.value, names)],
        frame: depth,
        object: value,
      });
      steps.push({ ...base, fn, lines: [t('call.popped', { fn }), ...told], object: value });
    } else {
      const fn = running[running.length - 1];
      const lines = fn ? [t('call.inside', { fn }), ...told] : told;
      const depth = fn ? state.frames.length - 1 : null;
      steps.push({ ...base, fn: fn ?? '', lines, frame: depth });
    }
  }
  return { steps, book: names };
}

function notFrameEvent(e: EngineEvent): boolean {
  return e.type !== 'framePushed' && e.type !== 'framePopped';
}

function freedBy(events: readonly EngineEvent[]): ObjId[] {
  return events.flatMap((e) => (e.type === 'freed' ? [e.id] : []));
}

function refOf(v: Value): ObjId | null {
  return v.t === 'ref' ? v.id : null;
}

function enterLine(fn: string, params: string[], args: Value[], names: NameBook): string {
  if (params.length === 0) return t('call.enter', { fn });
  const bound = params.map((p, i) => `${p} = ${valueText(names, args[i] ?? { t: 'none' })}`);
  return t('call.enterArgs', { fn, args: bound.join(', ') });
}

function returnLine(fn: string, v: Value, names: NameBook): string {
  return t('call.returns', { fn, value: valueText(names, v) });
}
