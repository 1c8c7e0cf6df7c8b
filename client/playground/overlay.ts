/**
 * What the Playground adds over the campaign's picture: a ring and a `+1` / `−1` tag on every
 * card whose refcount changed since the previous step (a ring and a sign, not colour alone), and
 * the words for where an object's references come from.
 */
import type Phaser from 'phaser';
import type { Step } from '../../shared/python/vm/snapshot.ts';
import { referrersOf } from '../../shared/python/vm/snapshot.ts';
import { t } from '../i18n/index.ts';
import type { HeapLayout } from '../view/layout.ts';
import { displayName } from '../view/names.ts';
import type { NameBook } from '../view/names.ts';
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

/** "Node①: rc 3 = x + link: a + Node②.next" (+ the references the picture does not draw). */
export function referenceNote(step: Step, id: number, names: NameBook): string {
  const o = step.objects[id];
  if (!o) return '';
  const { seen, hidden } = referrersOf(step, id);
  const named = seen.map((r) => {
    const where = r.from === 'object' ? '' : r.fn === null ? '<module>' : `${r.fn}()`;
    if (r.from === 'name') return r.fn === null ? r.name : `${where}: ${r.name}`;
    if (r.from === 'const') return t('pg.refConst', { where });
    if (r.from === 'stack') return t('pg.refStack', { where });
    const sep = r.label.startsWith('.') || r.label.startsWith('[') ? '' : ' ';
    return `${displayName(names, r.id)}${sep}${r.label}`;
  });
  const parts = [...named, ...(hidden > 0 ? [t('pg.hidden', { n: hidden })] : [])];
  return t('pg.refs', { obj: displayName(names, id), rc: o.rc, parts: parts.join(' + ') || '0' });
}

/**
 * On a line that prints `sys.getrefcount(name)`, the note for the object `name` holds, so the
 * printed number can be read off the picture (it prints one more: its own argument).
 */
export function refcountLineNote(step: Step, code: string, names: NameBook): string | null {
  const m = /getrefcount\(\s*([A-Za-z_]\w*)\s*\)/.exec(code);
  if (!m) return null;
  const frames = [...step.frames].reverse();
  const bound = frames.flatMap((f) => f.locals).find(([n]) => n === m[1])?.[1];
  if (bound?.t !== 'obj') return null;
  return `${referenceNote(step, bound.id, names)} ${t('pg.getrefcount')}`;
}
