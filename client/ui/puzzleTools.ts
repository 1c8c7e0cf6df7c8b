/**
 * What each toolbar button (and its keyboard shortcut) does on the puzzle screen. Moves become
 * Intents played through the scene; the rest is view state (reveal, zoom, gc player) or I/O
 * (copy, download). No rules here.
 */
import { lang, t } from '../i18n/index.ts';
import type { Puzzle } from '../scenes/Puzzle.ts';
import type { Intent } from '../view/intents.ts';
import { solutionScript } from './highlight.ts';
import { say } from './narrator.ts';
import type { ToolId } from './PuzzlePanels.ts';

/** What a read-only board still offers: looking, zooming, copying and the gc player. */
const VIEW_ONLY: readonly ToolId[] = [
  'reveal',
  'zoomIn',
  'zoomOut',
  'zoomFit',
  'keys',
  'copy',
  'download',
];

/** What still works while the gc player runs or a move is in flight: looking and saving. */
const WHILE_BUSY: readonly ToolId[] = ['zoomIn', 'zoomOut', 'zoomFit', 'keys', 'copy', 'download'];

export async function runTool(scene: Puzzle, id: ToolId): Promise<void> {
  if (id.startsWith('gc')) return gcTool(scene, id);
  if ((scene.gc || scene.busy) && !WHILE_BUSY.includes(id)) return;
  if (scene.readOnly && !VIEW_ONLY.includes(id)) return;
  const intent = moveIntent(scene, id);
  if (intent !== undefined) {
    if (intent) await scene.play(intent);
    return;
  }
  await viewTool(scene, id);
}

function gcTool(scene: Puzzle, id: ToolId): void {
  const gc = scene.gc;
  if (!gc) return;
  if (id === 'gcBack') gc.back();
  if (id === 'gcPlay') gc.toggle();
  if (id === 'gcStep') gc.step();
  if (id === 'gcSkip') gc.skip();
}

/** The intent of a move tool; undefined when `id` is not a move tool, null when nothing is selected. */
function moveIntent(scene: Puzzle, id: ToolId): Intent | null | undefined {
  const src = scene.gestures.selectedSource();
  const node = scene.gestures.sel.node ?? (src?.value.t === 'ref' ? src.value.id : null);
  const into = src?.place ? src : null;
  switch (id) {
    case 'cut':
      return src ? { type: 'cut', source: src } : null;
    case 'none':
      return src ? { type: 'none', source: src } : null;
    case 'weakref':
      if (node === null) return null;
      // On a weakref object the same tool calls it: `x = w()`.
      return scene.session.snapshot().board.engine.objects[node]?.kind === 'weakref'
        ? { type: 'deref', weakref: node }
        : { type: 'weakref', target: node };
    case 'clear': {
      // A selected cell or entry means its container: clearing is done to lists and dicts.
      const owner = src && src.owner !== 'name' ? src.owner : null;
      const container = scene.gestures.sel.node ?? owner ?? node;
      return container === null ? null : { type: 'clear', target: container };
    }
    case 'bind':
      return node === null ? null : { type: 'bind', target: node };
    case 'newList':
      return { type: 'new', kind: 'list', into };
    case 'newDict':
      return { type: 'new', kind: 'dict', into };
    case 'collect':
      return { type: 'collect' };
    case 'toggleGc':
      return { type: 'toggleGc' };
    default:
      return id.startsWith('new:')
        ? { type: 'new', kind: 'instance', cls: id.slice(4), into }
        : undefined;
  }
}

async function viewTool(scene: Puzzle, id: ToolId): Promise<void> {
  const session = scene.session;
  switch (id) {
    case 'levels':
      return session.exit ? session.exit() : void scene.scene.start('Campaign');
    case 'undo':
    case 'redo':
      if (await (id === 'undo' ? session.undo() : session.redo())) {
        say(t(id === 'undo' ? 'tool.undo' : 'tool.redo'));
        scene.redraw();
      }
      return;
    case 'reset':
      await session.reset();
      scene.reveal = false;
      say(t('tool.reset'));
      return scene.redraw();
    case 'hint':
      return hint(scene);
    case 'reveal':
      scene.reveal = !scene.reveal;
      if (scene.reveal) say(t('say.reveal'));
      scene.redraw();
      return scene.refreshPanels();
    case 'zoomIn':
    case 'zoomOut':
      return scene.zoomBy(id === 'zoomIn' ? 1.2 : 1 / 1.2);
    case 'zoomFit':
      scene.autoFit = true;
      return scene.fit();
    case 'keys':
      scene.panels.setOutput([t('keys.help')]);
      return say(t('keys.help'));
    case 'copy':
      return copy(scene);
    case 'download':
      return download(scene);
    default:
      if (id.startsWith('call:')) scene.panels.prefill(`${id.slice(5)}()`);
      return;
  }
}

function hint(scene: Puzzle): void {
  const h = scene.session.nextHint();
  if (!h) {
    const none = scene.session.puzzle.hints.length === 0 ? t('hint.none') : t('hint.more');
    return say(none);
  }
  const title = t('hint.title', { n: h.tier, total: h.total });
  scene.panels.showHint(h.text[lang()], title);
  say(`${title}: ${h.text[lang()].replace(/`/g, '')}`);
}

function script(scene: Puzzle): string {
  const s = scene.session;
  return solutionScript(
    t('code.header', { title: s.puzzle.title[lang()] }),
    s.setupProgram(),
    s.snapshot().board.moves,
    Object.entries(s.snapshot().board.engine.globals).flatMap(([name, v]) =>
      v.t === 'ref' ? [name] : [],
    ),
  );
}

async function copy(scene: Puzzle): Promise<void> {
  try {
    await navigator.clipboard.writeText(script(scene));
    say(t('code.copied'));
  } catch {
    scene.panels.setOutput([script(scene)]);
  }
}

function download(scene: Puzzle): void {
  const blob = new Blob([script(scene)], { type: 'text/x-python' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${scene.session.puzzle.id}.py`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
