/**
 * What the Playground adds over the campaign's picture: a ring and a `+1` / `−1` tag on every
 * card whose refcount changed since the previous step (a ring and a sign, not colour alone).
 * The words for where references come from are in refNotes.ts.
 */
import type Phaser from 'phaser';
import type { HeapLayout } from '../view/layout.ts';
import { css, FONT_CODE, TEXT_RESOLUTION } from '../view/theme.ts';
import type { Theme } from '../view/theme.ts';

export function rcOverlay(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  layout: HeapLayout | null,
  rcDelta: Record<number, number>,
  theme: Theme,
): void {
  layer.removeAll(true);
  if (!layout) return;
  const g = scene.add.graphics();
  layer.add(g);
  for (const [key, delta] of Object.entries(rcDelta)) {
    const box = layout.nodes[Number(key)];
    if (!box) continue;
    const r = box.rect;
    g.lineStyle(4, theme.selected, 1).strokeRoundedRect(r.x - 6, r.y - 6, r.w + 12, r.h + 12, 12);
    const tag = scene.add.text(
      r.x + r.w,
      r.y - 8,
      `rc ${delta > 0 ? '+' : '−'}${Math.abs(delta)}`,
      {
        fontFamily: FONT_CODE,
        fontSize: '14px',
        fontStyle: 'bold',
        color: css(theme.text),
        backgroundColor: css(theme.panel),
        padding: { x: 5, y: 2 },
        resolution: TEXT_RESOLUTION,
      },
    );
    layer.add(tag.setOrigin(1, 1));
  }
}
