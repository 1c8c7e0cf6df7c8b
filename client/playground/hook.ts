/**
 * What the Playground tells the read-only test hook: page rectangles of the cards (so tests can
 * tap them) and what the screen shows, as data. Nothing here changes the Playground.
 */
import type Phaser from 'phaser';
import type { Trace } from '../../shared/python/vm/snapshot.ts';
import { t } from '../i18n/index.ts';
import { toPage } from '../ui/screen.ts';
import type { ScreenRect } from '../ui/testHook.ts';
import type { GcStep } from '../view/gcSteps.ts';
import type { HeapLayout } from '../view/layout.ts';
import { displayName } from '../view/names.ts';
import type { NameBook } from '../view/names.ts';

export function playgroundTargets(
  game: Phaser.Game,
  cam: Phaser.Cameras.Scene2D.Camera,
  layout: HeapLayout | null,
): Record<string, ScreenRect> {
  const out: Record<string, ScreenRect> = {};
  for (const n of Object.values(layout?.nodes ?? {}))
    out[`node:${n.id}`] = toPage(game, cam, n.rect);
  return out;
}

export function playgroundFacts(
  trace: Trace | null,
  at: number,
  names: NameBook,
  gc: GcStep | null,
): Record<string, unknown> {
  const step = trace?.steps[at];
  if (!trace || !step) return { editing: true };
  return {
    step: at,
    total: trace.steps.length,
    line: step.line,
    event: step.event,
    frames: step.frames.map((f) => f.fn ?? '<module>'),
    objects: Object.values(step.objects).map((o) => ({
      id: o.id,
      name: displayName(names, o.id),
      rc: o.rc,
      /** The arrows the card draws: `.__init__ → __init__()`. */
      edges: o.edges.map(
        (e) => `${e.label} → ${e.to.t === 'obj' ? displayName(names, e.to.id) : e.to.text}`,
      ),
    })),
    gcCaption: gc ? t(gc.caption.key, gc.caption.params) : null,
    /** The gc_refs badge of each object the gc player marks, by display name. */
    gcRefs: gc
      ? Object.fromEntries(
          Object.entries(gc.marks).map(([id, m]) => [displayName(names, Number(id)), m.gcRefs]),
        )
      : null,
  };
}
