/**
 * The puzzle toolbar: one row of what a move needs (undo, hint, this level's move tools) and a
 * "More" sheet for the rest (levels, redo, reset, zoom, keys). Fits one row at 1366 px; on a
 * 360 px phone undo and hint shrink to their icons so the move tools stay on screen, never in a
 * scrolling strip. Every button is ≥ 44 px (style.css).
 */
import type { MoveKind } from '../../shared/puzzles/contract.ts';
import { t } from '../i18n/index.ts';
import { button, el } from './dom.ts';
import type { ToolId } from './PuzzlePanels.ts';

export interface ToolbarOptions {
  allowed: readonly MoveKind[];
  classes: string[];
  functions: string[];
  readOnly: boolean;
  /** "← Levels" leads back to the campaign: not on a live class or challenge board. */
  levels: boolean;
}

export class PuzzleToolbar {
  private readonly bar: HTMLElement;
  private readonly sheet = el('div', { id: 'tool-sheet', role: 'group' });
  private readonly more: HTMLButtonElement;
  private readonly onTool: (id: ToolId) => void;

  constructor(bar: HTMLElement, onTool: (id: ToolId) => void, o: ToolbarOptions) {
    this.bar = bar;
    this.onTool = onTool;
    this.more = button('more', `⋯ ${t('tool.more')}`, () => this.toggleSheet(), {
      secondary: true,
    });
    this.more.replaceChildren(
      el('span', { 'aria-hidden': 'true' }, '⋯'),
      el('span', { class: 'long' }, ` ${t('tool.more')}`),
    );
    this.more.setAttribute('aria-label', t('tool.more'));
    this.more.setAttribute('aria-expanded', 'false');
    this.more.setAttribute('aria-controls', 'tool-sheet');
    this.sheet.hidden = true;
    this.sheet.setAttribute('aria-label', t('tool.more'));
    const primary = [...this.essentials(o), ...this.moveTools(o), this.more];
    bar.setAttribute('aria-label', t('tool.bar'));
    bar.replaceChildren(...primary, this.sheet);
    this.sheet.replaceChildren(...this.extras(o));
  }

  private tool(id: ToolId, label: string, secondary = true, short?: string): HTMLButtonElement {
    const b = button(
      id,
      label,
      () => {
        if (b.parentElement === this.sheet) this.toggleSheet(false);
        this.onTool(id);
      },
      { secondary },
    );
    if (short !== undefined) {
      // Phones show only the icon; the name stays for screen readers and wider screens.
      b.replaceChildren(
        el('span', { 'aria-hidden': 'true' }, short),
        el('span', { class: 'long' }, label),
      );
      b.setAttribute('aria-label', label);
    }
    return b;
  }

  private essentials(o: ToolbarOptions): HTMLElement[] {
    if (o.readOnly) return [];
    return [
      ...(o.levels ? [this.tool('levels', t('tool.menu'), true, '←')] : []),
      this.tool('undo', t('tool.undo'), true, '↶'),
      this.tool('hint', t('tool.hint'), true, '?'),
      el('span', { class: 'sep', 'aria-hidden': 'true' }),
    ];
  }

  private moveTools(o: ToolbarOptions): HTMLElement[] {
    const can = (k: MoveKind): boolean => !o.readOnly && o.allowed.includes(k);
    const items: HTMLElement[] = [];
    if (can('deleteRef') || can('delName')) items.push(this.tool('cut', t('tool.cut'), false));
    if (can('deleteRef')) items.push(this.tool('clear', t('tool.clear'), false));
    if (can('createRef')) items.push(this.tool('bind', t('tool.bind'), false));
    if (can('rebindNone')) items.push(this.tool('none', t('tool.none'), false));
    if (can('weakref')) items.push(this.tool('weakref', t('tool.weakref'), false));
    if (can('newObject')) {
      items.push(
        this.tool('newList', t('tool.newList'), false),
        this.tool('newDict', t('tool.newDict'), false),
      );
      for (const cls of o.classes)
        items.push(this.tool(`new:${cls}`, t('tool.newInstance', { cls }), false));
    }
    if (can('call'))
      for (const fn of o.functions) items.push(this.tool(`call:${fn}`, `${fn}(…)`, false));
    if (can('collect')) items.push(this.tool('collect', t('tool.collect'), false));
    if (can('toggleGc')) items.push(this.tool('toggleGc', t('tool.gcOn'), false));
    items.push(this.tool('reveal', t('tool.reveal'), true, '◐'));
    return items;
  }

  private extras(o: ToolbarOptions): HTMLElement[] {
    const items = [
      ...(o.readOnly
        ? []
        : [this.tool('redo', `↷ ${t('tool.redo')}`), this.tool('reset', t('tool.reset'))]),
      this.tool('zoomOut', '−'),
      this.tool('zoomIn', '+'),
      this.tool('zoomFit', '⤢'),
      this.tool('keys', t('tool.keys')),
    ];
    const label = (id: ToolId, key: 'tool.zoomOut' | 'tool.zoomIn' | 'tool.zoomFit'): void =>
      items.find((b) => b.dataset.tool === id)?.setAttribute('aria-label', t(key));
    label('zoomOut', 'tool.zoomOut');
    label('zoomIn', 'tool.zoomIn');
    label('zoomFit', 'tool.zoomFit');
    return items;
  }

  private toggleSheet(open = this.sheet.hidden): void {
    this.sheet.hidden = !open;
    this.more.setAttribute('aria-expanded', String(open));
  }

  /** Enable/disable (and relabel) a tool wherever it is. */
  set(id: ToolId, disabled: boolean, label?: string, pressed?: boolean): void {
    for (const b of this.bar.querySelectorAll<HTMLButtonElement>(`[data-tool="${id}"]`)) {
      b.disabled = disabled;
      if (label !== undefined) {
        const long = b.querySelector('.long');
        if (long) long.textContent = label;
        else b.textContent = label;
      }
      if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
    }
  }

  destroy(): void {
    this.bar.replaceChildren();
    this.bar.hidden = true;
  }
}
