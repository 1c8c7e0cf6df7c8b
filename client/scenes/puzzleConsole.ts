/**
 * The puzzle screen's console line and keyboard shortcuts. A console line is a move (played like
 * any other) or a question answered like the REPL without changing the board.
 */
import { t } from '../i18n/index.ts';
import { consoleMessage, planConsoleLine, replOutput } from '../ui/consoleLine.ts';
import { say } from '../ui/narrator.ts';
import type { ToolId } from '../ui/PuzzlePanels.ts';
import { runTool } from '../ui/puzzleTools.ts';
import type { Puzzle } from './Puzzle.ts';

/** The functions and classes the level defines (what a statement may call). */
export function definitions(scene: Puzzle): { functions: string[]; classes: string[] } {
  const classes = Object.keys(scene.session.snapshot().board.engine.classes);
  return { functions: scene.session.functions(), classes };
}

/** A console line: a move, or a question answered like the REPL. True when it was accepted. */
export async function consoleLine(scene: Puzzle, line: string): Promise<boolean> {
  const plan = planConsoleLine(definitions(scene), line);
  if (plan.kind === 'move') {
    const r = await scene.submit(line);
    return r?.ok === true;
  }
  const r = await scene.session.inspect(plan.statement);
  if (!r.ok) {
    const message = consoleMessage(definitions(scene), line, r.error);
    scene.panels.setOutput([message], true);
    say(t('say.rejected', { message }));
    return false;
  }
  const output = plan.repl ? replOutput(r.output) : r.output;
  scene.panels.setOutput([`>>> ${line}`, ...output]);
  say(output.join(' '));
  return true;
}

const SHORTCUTS: Readonly<Record<string, ToolId>> = {
  Delete: 'cut',
  Backspace: 'cut',
  n: 'none',
  w: 'weakref',
  g: 'collect',
  r: 'reveal',
  z: 'undo',
  y: 'redo',
  h: 'hint',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  '0': 'zoomFit',
  '?': 'keys',
};

/** A key that names a tool runs it; true when the key was one. */
export function shortcut(scene: Puzzle, e: KeyboardEvent): boolean {
  const tool = SHORTCUTS[e.key];
  if (!tool) return false;
  void runTool(scene, tool);
  return true;
}
