/** Classes and the collector's controls. */
import type { Action } from './actions.ts';
import type { Ctx } from './ctx.ts';
import { emit } from './ctx.ts';
import { ENGINE_ERRORS as E } from './errors.ts';
import { reject } from './fail.ts';
import { collectGeneration } from './collect.ts';
import type { Generation } from './types.ts';
import { addClass } from './write.ts';

type Of<T extends Action['type']> = Extract<Action, { type: T }>;

/** Plain classes start with a 30-slot shared key table (3.11 SHARED_KEYS_MAX_SIZE). */
const SHARED_KEYS_SIZE = 30;

export function applyDefineClass(ctx: Ctx, a: Of<'defineClass'>): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(a.name))
    reject(E.InvalidName, `'${a.name}' is not a valid class name`);
  if (ctx.s.classes[a.name]) reject(E.ClassExists, `class ${a.name} is already defined`);
  const slots = a.slots === null ? null : a.slots.filter((n) => n !== '__weakref__');
  addClass(ctx, {
    name: a.name,
    slots,
    weakrefable: a.slots === null || a.slots.includes('__weakref__'),
    sharedKeys: { usable: a.slots === null ? SHARED_KEYS_SIZE : 0, names: [] },
  });
  emit(ctx, { type: 'classDefined', name: a.name });
}

export function applyCollect(ctx: Ctx, a: Of<'collect'>): number {
  if (![0, 1, 2].includes(a.generation)) {
    reject(
      E.BadGeneration,
      'gc.collect() takes generation 0, 1 or 2',
      'ValueError: invalid generation',
    );
  }
  return collectGeneration(ctx, a.generation as Generation, false);
}

export function applySetEnabled(ctx: Ctx, enabled: boolean): void {
  ctx.s.gc.enabled = enabled;
  emit(ctx, { type: 'gcToggled', enabled });
}

export function applySetThreshold(ctx: Ctx, a: Of<'setThreshold'>): void {
  if (
    a.thresholds.length !== 3 ||
    !a.thresholds.every((t) => Number.isInteger(t) && t >= 0 && t <= 1_000_000)
  ) {
    reject(E.BadThreshold, 'thresholds are three whole numbers from 0 to 1,000,000');
  }
  ctx.s.gc.thresholds = [a.thresholds[0], a.thresholds[1], a.thresholds[2]];
  emit(ctx, { type: 'thresholdsSet', thresholds: [...ctx.s.gc.thresholds] });
}
