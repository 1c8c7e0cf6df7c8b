/**
 * The DOM half of the Playground: the toolbar (run, step back / into / over / out, share), the
 * "now" strip over the picture (step, line, the line's code), the gc player bar, and the side
 * panel — the editor with its examples while editing, the numbered program with the current line,
 * the console and any error while stepping. Real buttons and a real <textarea>, so phones,
 * keyboards and screen readers all work. Holds no rules: it reports presses to the scene.
 */
import { t } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { button, el } from '../ui/dom.ts';
import { EXAMPLES } from './examples.ts';
import './playground.css';

export type PlayTool =
  | 'menu'
  | 'edit'
  | 'run'
  | 'start'
  | 'back'
  | 'into'
  | 'over'
  | 'out'
  | 'end'
  | 'share'
  | 'gcBack'
  | 'gcPlay'
  | 'gcStep'
  | 'gcSkip';

export interface StepView {
  index: number;
  total: number;
  line: number;
  event: MessageKey | null;
  stdout: string;
  /** What this step's line printed (shown over the picture: phones see it without scrolling). */
  printed: string;
  error: string | null;
  /** Line the error points at (0: none). */
  errorLine: number;
  /** Where a printed refcount comes from (a getrefcount line), shown over the picture; or null. */
  why: string | null;
  notes: string[];
}

export class PlaygroundPanels {
  private readonly toolbar = document.getElementById('toolbar')!;
  private readonly side = document.getElementById('side')!;
  private readonly stage = document.getElementById('stage')!;
  private readonly now = el('div', { id: 'pg-now', role: 'status' });
  readonly gcBar = el('div', { id: 'gc-bar', role: 'group' });
  readonly editor = el('textarea', {
    id: 'pg-editor',
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    wrap: 'off',
    'aria-label': t('pg.editorLabel'),
  });
  private readonly code = el('ol', { id: 'pg-code', 'aria-label': t('pg.program') });
  private readonly console = el('pre', { id: 'pg-console', 'aria-live': 'polite' });
  private readonly error = el('pre', { id: 'pg-error', role: 'alert' });
  private readonly notes = el('div', { id: 'pg-notes' });
  private readonly onTool: (id: PlayTool) => void;
  private lines: string[] = [];

  constructor(onTool: (id: PlayTool) => void) {
    this.onTool = onTool;
    this.gcBar.hidden = true;
    this.stage.insertBefore(this.now, document.getElementById('game'));
    this.stage.append(this.gcBar);
    this.toolbar.hidden = false;
    this.side.hidden = false;
    document.getElementById('app')?.classList.add('playground');
  }

  private tool(id: PlayTool, icon: string, label: string, secondary = true): HTMLButtonElement {
    const b = button(id, label, () => this.onTool(id), { secondary });
    b.replaceChildren(
      el('span', { 'aria-hidden': 'true' }, icon),
      el('span', { class: 'long' }, ` ${label}`),
    );
    b.setAttribute('aria-label', label);
    return b;
  }

  /** Editing: the editor, the examples, Run. */
  showEditor(source: string, message: string | null): void {
    this.toolbar.replaceChildren(
      this.tool('menu', '←', t('pg.menu')),
      this.tool('run', '▶', t('pg.run'), false),
    );
    this.now.hidden = true;
    this.gcBar.hidden = true;
    this.editor.value = source;
    const pick = el('select', { id: 'pg-examples', 'aria-label': t('pg.examples') });
    pick.append(el('option', { value: '' }, t('pg.pick')));
    for (const ex of EXAMPLES) pick.append(el('option', { value: ex.id }, ex.title));
    pick.addEventListener('change', () => {
      const ex = EXAMPLES.find((e) => e.id === pick.value);
      if (ex) this.editor.value = ex.source;
    });
    const label = el('label', { for: 'pg-examples' }, t('pg.examples'));
    const run = button('run', `▶ ${t('pg.run')}`, () => this.onTool('run'));
    run.id = 'pg-run';
    this.error.hidden = message === null;
    this.error.textContent = message ?? '';
    this.side.replaceChildren(
      el('h2', {}, t('pg.editorLabel')),
      this.error,
      el('div', { id: 'pg-pick' }, ''),
      this.editor,
      run,
      el('p', { class: 'pg-muted' }, t('pg.empty')),
      el('p', { class: 'pg-muted' }, t('pg.engineVm')),
    );
    this.side.querySelector('#pg-pick')?.append(label, pick);
  }

  /** While a program runs (a long loop can take seconds): the button says so and waits. */
  showRunning(): void {
    const run = this.side.querySelector<HTMLButtonElement>('#pg-run');
    if (run) {
      run.disabled = true;
      run.textContent = t('pg.running');
    }
  }

  /** Stepping: the numbered program, console, error and notes. */
  showStepper(source: string): void {
    this.toolbar.replaceChildren(
      this.tool('menu', '←', t('pg.menu')),
      this.tool('edit', '✎', t('pg.edit')),
      this.tool('start', '⇤', t('pg.start')),
      this.tool('back', '◀', t('pg.back'), false),
      this.tool('into', '↘', t('pg.into'), false),
      this.tool('over', '↷', t('pg.over'), false),
      this.tool('out', '↗', t('pg.out')),
      this.tool('end', '⇥', t('pg.end')),
      this.tool('share', '⇗', t('pg.share')),
    );
    this.now.hidden = false;
    this.lines = source.replace(/\r\n?/g, '\n').split('\n');
    this.code.replaceChildren(
      ...this.lines.map((text, i) => {
        const li = el('li', { 'data-line': String(i + 1) });
        li.append(el('span', { class: 'no', 'aria-hidden': 'true' }, String(i + 1)));
        li.append(el('code', {}, text === '' ? ' ' : text));
        return li;
      }),
    );
    this.side.replaceChildren(
      el('h2', {}, t('pg.program')),
      this.code,
      el('h2', {}, t('pg.output')),
      this.console,
      this.error,
      this.notes,
    );
  }

  show(v: StepView): void {
    const code = this.lines[v.line - 1]?.trim() ?? '';
    const head =
      v.line > 0 ? t('pg.position', { n: v.index + 1, total: v.total, line: v.line }) : '';
    const event = v.event ? t(v.event) : '';
    this.now.replaceChildren(
      el('span', { id: 'pg-where' }, head || `${v.index + 1}/${v.total}`),
      ...(event ? [el('span', { class: 'pg-event' }, event)] : []),
      el('code', { id: 'pg-line' }, code),
      ...(v.printed === '' ? [] : [el('samp', { id: 'pg-printed' }, `» ${v.printed.trimEnd()}`)]),
      ...(v.why === null ? [] : [el('span', { id: 'pg-why' }, v.why)]),
      // The error's last line (CPython's `Type: message`) stays in view over the picture on phones.
      ...(v.error === null ? [] : [el('span', { id: 'pg-problem' }, problemLine(v.error))]),
    );
    for (const li of this.code.children) {
      const n = Number((li as HTMLElement).dataset.line);
      li.classList.toggle('current', n === v.line);
      li.classList.toggle('error', v.error !== null && n === v.errorLine);
      if (n === v.line) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
    this.code.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
    this.console.textContent = v.stdout;
    this.error.hidden = v.error === null;
    this.error.textContent = v.error ?? '';
    this.setNotes(v.notes);
  }

  setNotes(notes: string[]): void {
    this.notes.replaceChildren(...notes.map((n) => el('p', { class: 'pg-muted' }, n)));
  }

  setButtons(o: { atStart: boolean; atEnd: boolean }): void {
    for (const b of this.toolbar.querySelectorAll<HTMLButtonElement>('button[data-tool]')) {
      const id = b.dataset.tool;
      if (id === 'start' || id === 'back') b.disabled = o.atStart;
      if (id === 'into' || id === 'over' || id === 'out' || id === 'end') b.disabled = o.atEnd;
    }
  }

  /** The gc player's bar; its buttons are built once so a tap never lands on a replaced one. */
  setGcBar(state: { caption: string; step: number; total: number; playing: boolean } | null): void {
    this.gcBar.hidden = state === null;
    if (!state) return;
    if (this.gcBar.childElementCount === 0) {
      this.gcBar.append(
        el('strong', {}, t('gc.title')),
        el('span', { id: 'gc-caption', 'aria-live': 'polite' }),
        this.tool('gcBack', '◀', t('gc.back')),
        this.tool('gcPlay', '▶', t('gc.play'), false),
        this.tool('gcStep', '▶|', t('gc.step')),
        this.tool('gcSkip', '✓', t('gc.skip')),
      );
    }
    const caption = this.gcBar.querySelector('#gc-caption');
    if (caption)
      caption.textContent = `${t('gc.progress', { n: state.step + 1, total: state.total })} · ${state.caption}`;
    // Play and pause share one button (it is never replaced, so a tap cannot miss it).
    const play = this.gcBar.querySelector<HTMLButtonElement>('[data-tool="gcPlay"]');
    const label = t(state.playing ? 'gc.pause' : 'gc.play');
    play?.replaceChildren(
      el('span', { 'aria-hidden': 'true' }, state.playing ? '||' : '▶'),
      el('span', { class: 'long' }, ` ${label}`),
    );
    play?.setAttribute('aria-label', label);
  }

  destroy(): void {
    this.now.remove();
    this.gcBar.remove();
    this.toolbar.replaceChildren();
    this.toolbar.hidden = true;
    this.side.replaceChildren();
    this.side.hidden = true;
    document.getElementById('app')?.classList.remove('playground');
  }
}

/** CPython's one-line verdict in an error text: `NameError: …`, `unsupported: … at line N`. */
function problemLine(text: string): string {
  const lines = text.split('\n');
  return lines.find((l) => l !== '' && !l.startsWith(' ') && !l.startsWith('Traceback')) ?? '';
}
