/**
 * The puzzle screen's step players: a gc.collect() trace and a function call, both through the
 * same GcPlayer (back / play / step / done) and the same bar. Each step draws a state and says
 * its caption once; `finish` puts the board's current state back and hands over to `shown`
 * (narration summary, HUD release, goal check), so nothing is told before it is shown.
 */
import type { GcTrace } from '../../shared/engine/events.ts';
import type { EngineState } from '../../shared/engine/types.ts';
import { t } from '../i18n/index.ts';
import { app } from '../ui/app.ts';
import { say } from '../ui/narrator.ts';
import type { CallStep } from '../view/callSteps.ts';
import { objectName } from '../view/describe.ts';
import { GcPlayer } from '../view/GcPlayer.ts';
import { gcSteps } from '../view/gcSteps.ts';
import type { GcStep } from '../view/gcSteps.ts';
import type { Puzzle } from './Puzzle.ts';

export type StepPlayer = GcPlayer<GcStep> | GcPlayer<CallStep>;

export function playGc(
  scene: Puzzle,
  before: EngineState,
  trace: GcTrace,
  shown: () => void,
): void {
  const steps = gcSteps(trace, (id) => objectName(scene.names, id));
  const show = (step: GcStep, i: number, changed: boolean): void => {
    const caption = t(step.caption.key, step.caption.params);
    scene.renderState(before, { freed: [], gc: step });
    bar(scene, caption, i, steps.length);
    if (changed) say(caption);
  };
  const finish = (): void => end(scene, trace.freed, shown);
  scene.gc = new GcPlayer(scene, steps, show, finish, !app().settings.reducedMotion);
  started(scene);
}

export function playCall(scene: Puzzle, steps: CallStep[], shown: () => void): void {
  const show = (step: CallStep, i: number, changed: boolean): void => {
    scene.renderState(step.state, { freed: changed ? step.freed : [], call: step });
    bar(scene, step.lines.join(' '), i, steps.length, t('call.title', { fn: step.fn }));
    if (changed) say(step.lines);
  };
  const finish = (): void => end(scene, [], shown);
  scene.gc = new GcPlayer(scene, steps, show, finish, !app().settings.reducedMotion, 1200);
  started(scene);
}

/** A phone may have scrolled down to the console: bring the picture and the player back. */
function started(scene: Puzzle): void {
  scene.refreshPanels();
  const stage = document.getElementById('stage');
  if (stage && stage.getBoundingClientRect().top < 0) stage.scrollIntoView({ block: 'start' });
}

function bar(scene: Puzzle, caption: string, step: number, total: number, title?: string): void {
  // The player's first step is shown from its constructor, before scene.gc is set.
  const playing = scene.gc?.playing ?? !app().settings.reducedMotion;
  scene.panels.setGcBar({ caption, step, total, playing, ...(title ? { title } : {}) });
}

function end(scene: Puzzle, freed: readonly number[], shown: () => void): void {
  scene.gc?.destroy();
  scene.gc = null;
  scene.panels.setGcBar(null);
  scene.renderState(scene.session.snapshot().board.engine, { freed: [...freed] });
  shown();
  scene.refreshPanels();
}
