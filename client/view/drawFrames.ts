/**
 * The Stack's frames: the module frame and one box per running call, innermost last. A call's
 * frame fades in when it appears and leaves a fading outline when it vanishes, so stepping a call
 * shows the frame come and go; the frame a step is about is outlined.
 */
import type Phaser from 'phaser';
import { t } from '../i18n/index.ts';
import type { FrameBox } from './layout.ts';
import type { Theme } from './theme.ts';

export interface FrameLook {
  /** The frame to outline (depth: 0 = outermost call), or null. */
  focus: number | null;
  motion: boolean;
}

type Label = (x: number, y: number, s: string) => Phaser.GameObjects.Text;

/** Draws every frame into `chrome`; returns the keys drawn (the next call's `previous`). */
export function drawFrames(
  scene: Phaser.Scene,
  chrome: Phaser.GameObjects.Container,
  frames: readonly FrameBox[],
  previous: ReadonlyMap<string, FrameBox>,
  theme: Theme,
  look: FrameLook,
  label: Label,
): Map<string, FrameBox> {
  const drawn = new Map<string, FrameBox>();
  for (const f of frames) {
    const g = scene.add.graphics();
    const focused = look.focus !== null && f.key === `frame:${look.focus}`;
    g.fillStyle(theme.panel, 1).fillRoundedRect(f.rect.x, f.rect.y, f.rect.w, f.rect.h, 8);
    g.lineStyle(focused ? 4 : 2, focused ? theme.selected : theme.panelStroke, 1);
    g.strokeRoundedRect(f.rect.x, f.rect.y, f.rect.w, f.rect.h, 8);
    const title = label(f.rect.x + 8, f.rect.y + 5, f.fn === null ? t('heap.module') : `${f.fn}()`);
    chrome.addAt(g, 0);
    const fresh = f.fn !== null && !sameCall(previous.get(f.key), f);
    if (fresh && look.motion)
      scene.tweens.add({ targets: [g, title], alpha: { from: 0, to: 1 }, duration: 260 });
    drawn.set(f.key, f);
  }
  for (const [key, old] of previous)
    if (old.fn !== null && !sameCall(drawn.get(key), old) && look.motion) ghost(scene, old, theme);
  return drawn;
}

function sameCall(a: FrameBox | undefined, b: FrameBox): boolean {
  return a !== undefined && a.fn === b.fn;
}

/** A vanished frame's outline, fading out where it stood. */
function ghost(scene: Phaser.Scene, f: FrameBox, theme: Theme): void {
  const g = scene.add.graphics().setDepth(0);
  g.lineStyle(2, theme.panelStroke, 1).strokeRoundedRect(f.rect.x, f.rect.y, f.rect.w, f.rect.h, 8);
  scene.tweens.add({
    targets: g,
    alpha: { from: 0.8, to: 0 },
    duration: 600,
    onComplete: () => g.destroy(),
  });
}
