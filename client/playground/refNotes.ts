/**
 * The Playground's words for where an object's references come from: names, slots of other
 * objects, code constants, the AST arena, value stacks, and what the picture does not draw.
 */
import type { Step } from '../../shared/python/vm/snapshot.ts';
import { referrersOf } from '../../shared/python/vm/snapshot.ts';
import { t } from '../i18n/index.ts';
import { displayName } from '../view/names.ts';
import type { NameBook } from '../view/names.ts';

/** "Node①: rc 3 = x + link: a + Node②.next" (+ the references the picture does not draw). */
export function referenceNote(step: Step, id: number, names: NameBook): string {
  const o = step.objects[id];
  if (!o) return '';
  return t('pg.refs', {
    obj: displayName(names, id),
    rc: o.rc,
    parts: referenceParts(step, id, names),
  });
}

/** The references to `id` in words, joined by " + " ("message + a constant in <module>’s code"). */
function referenceParts(step: Step, id: number, names: NameBook): string {
  const { seen, hidden } = referrersOf(step, id);
  const where = (fn: string | null): string => (fn === null ? '<module>' : `${fn}()`);
  const named = seen.map((r) => {
    if (r.from === 'name') return r.fn === null ? r.name : `${where(r.fn)}: ${r.name}`;
    if (r.from === 'const')
      return t('pg.refConst', { where: r.code === '<module>' ? '<module>' : `${r.code}()` });
    if (r.from === 'arena') return t('pg.refArena');
    if (r.from === 'stack') return t('pg.refStack', { where: where(r.fn) });
    return `${displayName(names, r.id)}${slotText(r.label)}`;
  });
  const parts = [...named, ...(hidden > 0 ? [t('pg.hidden', { n: hidden })] : [])];
  return parts.join(' + ') || '0';
}

/**
 * On a line that prints `sys.getrefcount(name)`, where each reference of the printed number
 * comes from: the object's references in the picture plus getrefcount's own argument
 * ("sys.getrefcount(message) prints 4 = message + a constant in <module>’s code + …"). The sum
 * is claimed only when the line really prints it (`printed`: what running the line printed);
 * otherwise the note gives the references now and says the call adds its argument.
 */
export function refcountLineNote(
  step: Step,
  code: string,
  names: NameBook,
  printed: string,
): string | null {
  const m = /getrefcount\(\s*([A-Za-z_]\w*)\s*\)/.exec(code);
  if (!m) return null;
  const frames = [...step.frames].reverse();
  const bound = frames.flatMap((f) => f.locals).find(([n]) => n === m[1])?.[1];
  if (bound?.t !== 'obj') return null;
  const o = step.objects[bound.id];
  if (!o) return null;
  const n = o.rc + 1;
  if (!new RegExp(`(^|\\D)${n}(\\D|$)`).test(printed))
    return `${referenceNote(step, bound.id, names)} ${t('pg.getrefcount')}`;
  const parts = `${referenceParts(step, bound.id, names)} + ${t('pg.refArgument')}`;
  return t('pg.refcountSum', { call: `sys.getrefcount(${m[1]})`, n, parts });
}

/** A picture's arrow label as the slot of its source: `.next`, `[0]`, `['key']`, `.__self__`. */
function slotText(label: string): string {
  if (label.startsWith('.') || label.startsWith('[')) return label;
  if (label.startsWith("'")) return `[${label}]`;
  return label === '→' ? '' : `.${label}`;
}
