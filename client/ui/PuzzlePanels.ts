/**
 * The DOM half of the puzzle screen: toolbar, lesson, hint, code panel (coloured Python, copy,
 * download), console, narration log, and the gc.collect() player bar. Real buttons and inputs, so
 * everything is reachable by Tab and readable by screen readers. Holds no rules: it reports tool
 * presses and console lines to the scene.
 */
import { lang, t } from '../i18n/index.ts';
import { rulesText } from './rules.ts';
import type { PuzzleInfo } from '../session/Session.ts';
import { button, el, richText } from './dom.ts';
import { highlightPython } from './highlight.ts';
import { PuzzleToolbar } from './PuzzleToolbar.ts';

export type ToolId =
  | 'levels'
  | 'undo'
  | 'redo'
  | 'reset'
  | 'hint'
  | 'cut'
  | 'none'
  | 'weakref'
  | 'newList'
  | 'newDict'
  | `new:${string}`
  | `call:${string}`
  | 'clear'
  | 'bind'
  | 'collect'
  | 'toggleGc'
  | 'reveal'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomFit'
  | 'keys'
  | 'copy'
  | 'download'
  | 'gcBack'
  | 'gcPlay'
  | 'gcStep'
  | 'gcSkip';

export interface ToolState {
  canUndo: boolean;
  canRedo: boolean;
  gcEnabled: boolean;
  reveal: boolean;
  hasSource: boolean;
  hasNode: boolean;
  busy: boolean;
}

export class PuzzlePanels {
  private readonly toolbar = document.getElementById('toolbar')!;
  private readonly side = document.getElementById('side')!;
  private readonly gcBar = el('div', { id: 'gc-bar', role: 'group' });
  private readonly doneBar = el('div', { id: 'done-bar', role: 'status' });
  private readonly code = el('pre', { id: 'code', tabindex: '0', 'aria-label': t('code.title') });
  private readonly hint = el('p', { id: 'hint-box', role: 'status' });
  private readonly output = el('pre', { id: 'console-output', 'aria-live': 'polite' });
  private readonly onTool: (id: ToolId) => void;
  private readonly tools: PuzzleToolbar;

  /**
   * `readOnly`: a watched board — only the view tools, and the console shows output but takes no input.
   * `replay`: the code panel is titled "The program" (a question's program, not the player's moves).
   */
  constructor(
    info: PuzzleInfo,
    classes: string[],
    functions: string[],
    onTool: (id: ToolId) => void,
    onConsole: (line: string) => Promise<boolean>,
    readOnly = false,
    replay = false,
    levels = true,
  ) {
    this.onTool = onTool;
    this.tools = new PuzzleToolbar(this.toolbar, onTool, {
      allowed: readOnly ? [] : info.allowed,
      classes,
      functions,
      readOnly,
      levels,
    });
    this.buildSide(info, onConsole, readOnly, replay);
    this.gcBar.hidden = true;
    this.doneBar.hidden = true;
    document.getElementById('stage')!.append(this.gcBar, this.doneBar);
    this.toolbar.hidden = false;
    this.side.hidden = false;
  }

  private tool(id: ToolId, label: string, secondary = true): HTMLButtonElement {
    return button(id, label, () => this.onTool(id), { secondary });
  }

  /** A button whose word hides on small phones (the icon stays; the word is its accessible name). */
  private iconTool(id: ToolId, icon: string, label: string, secondary = true): HTMLButtonElement {
    const b = this.tool(id, label, secondary);
    b.replaceChildren(
      el('span', { 'aria-hidden': 'true' }, icon),
      el('span', { class: 'long' }, ` ${label}`),
    );
    b.setAttribute('aria-label', label);
    return b;
  }

  private buildSide(
    info: PuzzleInfo,
    onConsole: (line: string) => Promise<boolean>,
    readOnly: boolean,
    replay: boolean,
  ): void {
    const lesson = el('div', { id: 'lesson-box' });
    const lessonText = el('p');
    richText(lessonText, info.lesson[lang()]);
    lesson.append(lessonText);
    // Every level states what may be played before anything is tried.
    if (!readOnly && !replay) {
      const rules = el('p', { id: 'rules-box' });
      rules.append(...rulesText(info.allowed).map((l) => el('span', {}, l)));
      lesson.append(rules);
    }
    this.hint.hidden = true;
    const codeHead = el('h2');
    const codeTitle = t(replay ? 'code.replayTitle' : 'code.title');
    this.code.setAttribute('aria-label', codeTitle);
    codeHead.append(
      el('span', {}, codeTitle),
      this.tool('copy', t('code.copy')),
      this.tool('download', t('code.download')),
    );
    const form = el('form', { id: 'console-form' });
    const input = el('input', {
      id: 'console-input',
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-label': t('console.label'),
      placeholder: t('console.placeholder'),
      maxlength: '200',
    });
    form.append(input, el('button', { type: 'submit' }, t('console.run')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const line = input.value.trim();
      // A refused line stays in the box so it can be fixed, not retyped.
      if (line)
        void onConsole(line).then((accepted) => {
          if (accepted && input.value.trim() === line) input.value = '';
        });
    });
    const codePanel = el('section', { id: 'code-panel', class: 'panel' });
    codePanel.append(codeHead, this.code);
    const consolePanel = el('section', { class: 'panel' });
    consolePanel.append(el('h2', {}, t('console.label')), ...(readOnly ? [] : [form]), this.output);
    const narration = el('section', { class: 'panel' });
    narration.append(
      el('h2', {}, t('narration.title')),
      el('ul', { id: 'narration-log', role: 'log', 'aria-live': 'polite' }),
    );
    this.side.replaceChildren(lesson, this.hint, codePanel, consolePanel, narration);
  }

  /** The program so far, one statement per entry; `empty` is shown while there is none. */
  setCode(lines: readonly string[], empty = t('code.empty')): void {
    const source = lines.length > 0 ? lines.join('\n') : empty;
    this.code.replaceChildren(
      ...highlightPython(source).map((tok) =>
        tok.cls === 'plain'
          ? document.createTextNode(tok.text)
          : el('span', { class: tok.cls }, tok.text),
      ),
    );
    this.code.scrollTop = this.code.scrollHeight;
  }

  setTools(s: ToolState): void {
    const set = this.tools.set.bind(this.tools);
    set('undo', s.busy || !s.canUndo);
    set('redo', s.busy || !s.canRedo);
    set('cut', s.busy || !s.hasSource);
    set('none', s.busy || !s.hasSource);
    set('weakref', s.busy || !s.hasNode);
    set('clear', s.busy || !s.hasNode);
    set('bind', s.busy || !s.hasNode);
    set('collect', s.busy);
    set('toggleGc', s.busy, t(s.gcEnabled ? 'tool.gcOn' : 'tool.gcOff'), s.gcEnabled);
    // The gc player draws its own marks: reveal waits; zoom, copy and download keep working.
    set('reveal', s.busy, t(s.reveal ? 'tool.hide' : 'tool.reveal'), s.reveal);
  }

  showHint(text: string | null, title = ''): void {
    this.hint.hidden = text === null;
    if (text !== null) {
      this.hint.replaceChildren(el('strong', {}, `${title} `));
      const span = el('span');
      richText(span, text);
      this.hint.append(span);
    }
  }

  /** Put a statement template in the console, caret before the closing parenthesis. */
  prefill(text: string): void {
    const input = document.getElementById('console-input') as HTMLInputElement | null;
    if (!input) return;
    input.value = text;
    input.focus();
    input.setSelectionRange(text.length - 1, text.length - 1);
  }

  /** Console output; `action` adds one button under it (e.g. "Undo that move"). */
  setOutput(lines: string[], error = false, action?: { label: string; run: () => void }): void {
    this.output.textContent = lines.join('\n');
    this.output.classList.toggle('error', error);
    if (action) {
      const b = el('button', { type: 'button', id: 'output-action' }, action.label);
      b.addEventListener('click', () => {
        b.remove();
        action.run();
      });
      this.output.append('\n', b);
    }
  }

  /** The step player (gc.collect() or a call): title, caption, progress, back / play / step / done. */
  setGcBar(
    state: {
      caption: string;
      step: number;
      total: number;
      playing: boolean;
      /** Defaults to "Inside gc.collect()". */
      title?: string;
    } | null,
  ): void {
    this.gcBar.hidden = state === null;
    if (!state) return;
    const caption = el(
      'span',
      { id: 'gc-caption', 'aria-live': 'polite' },
      `${t('gc.progress', { n: state.step + 1, total: state.total })} · ${state.caption}`,
    );
    this.gcBar.replaceChildren(
      el('strong', {}, state.title ?? t('gc.title')),
      caption,
      this.iconTool('gcBack', '◀', t('gc.back')),
      state.playing
        ? this.iconTool('gcPlay', '||', t('gc.pause'), false)
        : this.iconTool('gcPlay', '▶', t('gc.play'), false),
      this.iconTool('gcStep', '▶|', t('gc.step')),
      this.iconTool('gcSkip', '✓', t('gc.skip')),
    );
  }

  /** The level is solved: say so and wait, so the final picture can be studied first. */
  showDone(text: string, onContinue: () => void): void {
    this.doneBar.hidden = false;
    const go = button('results', `${t('results.see')} ▶`, onContinue);
    this.doneBar.replaceChildren(el('strong', { id: 'done-text' }, text), go);
    go.focus();
  }

  destroy(): void {
    this.doneBar.remove();
    this.tools.destroy();
    this.side.replaceChildren();
    this.side.hidden = true;
    this.gcBar.remove();
  }
}
