/**
 * What the puzzle screen tells the read-only test hook: page rectangles of what a test may aim
 * real input at (cards, name and slot dots, tray, bin) and facts about the board and picture.
 */
import type Phaser from 'phaser';
import type { EngineState } from '../../shared/engine/types.ts';
import { toPage } from '../ui/screen.ts';
import type { ScreenRect } from '../ui/testHook.ts';
import type { HeapLayout } from '../view/layout.ts';
import { displayName } from '../view/names.ts';
import type { NameBook } from '../view/names.ts';
import { measurePicture } from '../view/routeMetrics.ts';

export function puzzleTargets(
  game: Phaser.Game,
  cam: Phaser.Cameras.Scene2D.Camera,
  l: HeapLayout | null,
  binShown: boolean,
): Record<string, ScreenRect> {
  const out: Record<string, ScreenRect> = {};
  if (!l) return out;
  for (const n of Object.values(l.nodes)) out[`node:${n.id}`] = toPage(game, cam, n.rect);
  for (const s of l.sources) {
    const dot = { x: s.anchor.x - 8, y: s.anchor.y - 8, w: 16, h: 16 };
    out[`source:${s.id}`] = toPage(game, cam, dot);
    if (s.owner === 'name') out[`row:${s.id}`] = toPage(game, cam, s.rect);
  }
  for (const item of l.tray) out[`tray:${item.key}`] = toPage(game, cam, item.rect);
  if (binShown) out.bin = toPage(game, cam, l.bin);
  return out;
}

export function puzzleFacts(
  puzzleId: string,
  state: EngineState,
  goalDone: boolean,
  names: NameBook,
  layout: HeapLayout | null,
  cam: Phaser.Cameras.Scene2D.Camera,
): Record<string, unknown> {
  const ids = Object.keys(state.objects).map(Number);
  return {
    puzzleId,
    rc: Object.fromEntries(ids.map((id) => [id, state.objects[id]!.rc])),
    goalDone,
    // The call frames as drawn (a stepped call shows its frame while it runs).
    frames: state.frames.map((f) => ({ fn: f.fn, locals: Object.keys(f.locals) })),
    names: Object.fromEntries(ids.map((id) => [id, displayName(names, id)])),
    // A getter: measured only when a test reads it (quadratic in the number of arrows).
    get picture() {
      return layout ? measurePicture(layout) : null;
    },
    cam: {
      x: cam.x,
      y: cam.y,
      w: cam.width,
      h: cam.height,
      sx: cam.scrollX,
      sy: cam.scrollY,
      z: cam.zoom,
      wv: [cam.worldView.x, cam.worldView.y, cam.worldView.width],
    },
  };
}
