/**
 * The live screens' DOM layer: one `#live-screen` element over the canvas, text set through
 * textContent only (nicknames are user strings), and keyed regions that rebuild only when their key
 * changes, so a state patch never resets a half-chosen <select> or steals focus from a button.
 */
import './live.css';
import { el } from '../ui/dom.ts';
import { icon, type IconName } from './icons.ts';

export { el };

export function mountScreen(id = 'live-screen'): HTMLElement {
  document.getElementById(id)?.remove();
  const screen = el('div', { id, role: 'main' });
  (document.getElementById('game') ?? document.body).append(screen);
  return screen;
}

/** A child region of `parent` that is rebuilt only when `key` changes. */
export class Region {
  readonly node: HTMLElement;
  private key: string | null = null;

  constructor(
    parent: HTMLElement,
    tag: keyof HTMLElementTagNameMap = 'section',
    attrs: Record<string, string> = {},
  ) {
    this.node = el(tag, attrs);
    parent.append(this.node);
  }

  /** Rebuild with `build()` when the key differs from the last one; returns true if it did. */
  update(key: string, build: () => (Node | string | null | false)[]): boolean {
    if (key === this.key) return false;
    this.key = key;
    this.node.replaceChildren(
      ...build().filter((n): n is Node | string => n !== null && n !== false),
    );
    return true;
  }
}

export function btn(
  id: string,
  label: string,
  onClick: () => void,
  opts: {
    secondary?: boolean;
    disabled?: boolean;
    pressed?: boolean;
    teacherOnly?: boolean;
    icon?: IconName;
  } = {},
): HTMLButtonElement {
  const b = el('button', { type: 'button', id }, label);
  if (opts.icon) b.prepend(icon(opts.icon), ' ');
  if (opts.secondary) b.classList.add('secondary');
  if (opts.teacherOnly) b.classList.add('live-teacher-only');
  if (opts.disabled) b.disabled = true;
  if (opts.pressed !== undefined) b.setAttribute('aria-pressed', String(opts.pressed));
  b.addEventListener('click', onClick);
  return b;
}

export function row(...children: (Node | string | null | false)[]): HTMLElement {
  const r = el('div', { class: 'live-row' });
  r.append(...children.filter((n): n is Node | string => n !== null && n !== false));
  return r;
}

export function p(text: string, cls = ''): HTMLParagraphElement {
  return el('p', cls ? { class: cls } : {}, text);
}

/** A horizontal bar: label, filled fraction, count. `kind` adds a pattern (not colour alone). */
export function bars(
  items: { label: string; value: number; max: number; kind?: 'correct' | 'stuck' }[],
): HTMLElement {
  const grid = el('div', { class: 'live-bars' });
  for (const item of items) {
    const bar = el('div', {
      class: `live-bar${item.kind ? ` ${item.kind}` : ''}`,
      role: 'img',
      'aria-label': `${item.label}: ${item.value}`,
    });
    const fill = el('span');
    fill.style.width = `${item.max > 0 ? Math.round((100 * item.value) / item.max) : 0}%`;
    bar.append(fill);
    grid.append(el('span', {}, item.label), bar, el('span', {}, String(item.value)));
  }
  return grid;
}

/** m:ss of a millisecond count. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
