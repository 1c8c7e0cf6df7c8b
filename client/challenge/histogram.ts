/**
 * The move-count histogram as bars (Opus Magnum style): one bar per move count, height by the
 * number of players, the player's own bin filled with the accent colour and marked with ▲ (not
 * colour alone). Pure geometry in `histogramBars`; `drawHistogram` paints it.
 */
import type Phaser from 'phaser';
import type { HistogramBin } from '../../shared/challenges/rank.ts';
import type { Theme } from '../view/theme.ts';
import { css, FONT_UI } from '../view/theme.ts';

export interface Bar {
  moves: number;
  count: number;
  x: number;
  y: number;
  w: number;
  h: number;
  mine: boolean;
}

/** Bars inside a box, bottom-aligned, widest count = full height (at least 2 px per bar). */
export function histogramBars(
  bins: readonly HistogramBin[],
  box: { x: number; y: number; w: number; h: number },
  mine: number | null,
): Bar[] {
  if (bins.length === 0) return [];
  const max = Math.max(...bins.map((b) => b.count));
  const slot = box.w / bins.length;
  const w = Math.max(2, Math.min(slot * 0.8, 64));
  return bins.map((b, i) => {
    const h = Math.max(2, Math.round((b.count / max) * box.h));
    return {
      moves: b.moves,
      count: b.count,
      x: box.x + i * slot + (slot - w) / 2,
      y: box.y + box.h - h,
      w,
      h,
      mine: b.moves === mine,
    };
  });
}

export function drawHistogram(
  scene: Phaser.Scene,
  bars: readonly Bar[],
  theme: Theme,
  font: number,
): void {
  const g = scene.add.graphics();
  for (const bar of bars) {
    g.fillStyle(bar.mine ? theme.button.fill : theme.textMuted, bar.mine ? 1 : 0.45);
    g.fillRect(bar.x, bar.y, bar.w, bar.h);
    const style = {
      fontFamily: FONT_UI,
      fontSize: `${Math.round(font * 0.8)}px`,
      color: css(theme.text),
    };
    scene.add
      .text(bar.x + bar.w / 2, bar.y + bar.h + 4, `${bar.mine ? '▲' : ''}${bar.moves}`, style)
      .setOrigin(0.5, 0);
    scene.add.text(bar.x + bar.w / 2, bar.y - 4, String(bar.count), style).setOrigin(0.5, 1);
  }
}
