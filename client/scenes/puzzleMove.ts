/**
 * One move on the puzzle screen: the statement goes to the Session; a refusal is shown and said
 * (the board unchanged); an accepted move is shown step by step where there is something to step
 * through — a call (frame in, locals, return, frame out) or a collection (the gc player) — and
 * only then told and scored, so the HUD and narration never run ahead of the picture.
 */
import { t } from '../i18n/index.ts';
import type { SubmitResult } from '../session/Session.ts';
import { consoleMessage } from '../ui/consoleLine.ts';
import { say } from '../ui/narrator.ts';
import { callSteps } from '../view/callSteps.ts';
import { narrate, splitAtCollection } from '../view/describe.ts';
import { nameObjects } from '../view/names.ts';
import type { Hud } from './Hud.ts';
import type { Puzzle } from './Puzzle.ts';
import { definitions } from './puzzleConsole.ts';
import { checkDone, warnIfLost } from './puzzleOutcome.ts';
import { playCall, playGc } from './puzzleSteps.ts';

export async function submitMove(scene: Puzzle, statement: string): Promise<SubmitResult | null> {
  if (scene.busy) return null;
  scene.busy = true;
  scene.refreshPanels();
  const hud = scene.scene.get('Hud') as Hud | null;
  const goalBefore = scene.session.snapshot().goal;
  hud?.hold(scene.session.snapshot());
  const r = await scene.session.submit(statement);
  scene.busy = false;
  if (!r.ok) {
    hud?.release();
    const message = consoleMessage(definitions(scene), statement, r.error);
    scene.panels.setOutput([message], true);
    say(t('say.rejected', { message }));
    scene.refreshPanels();
    return r;
  }
  scene.gestures.sel = { source: null, node: null, picking: false };
  scene.panels.setOutput(r.outcome.output);
  warnIfLost(scene, goalBefore);
  const after = r.outcome.board.engine;
  const trace = r.outcome.traces[r.outcome.traces.length - 1];
  // A call is stepped through (frame in, locals, return, frame out) unless a collection ran.
  const actions = trace ? [] : (scene.session.actionsOf?.(r.before, r.statement) ?? []);
  const call = callSteps(r.before, actions, nameObjects(scene.names, r.before));
  scene.names = nameObjects(
    call?.book ?? nameObjects(scene.names, r.before),
    after,
    r.outcome.events,
  );
  const moveLine = t(scene.session.replay ? 'say.replayMove' : 'say.move', { code: statement });
  if (call) {
    say(moveLine);
    playCall(scene, call.steps, () => {
      hud?.release();
      checkDone(scene);
    });
    scene.refreshPanels();
    return r;
  }
  // What the collection did is told by the gc player as it shows it, then summarised.
  const { now, collection } = splitAtCollection(r.outcome.events);
  say([moveLine, ...narrate(now, r.before, after, scene.names)]);
  if (trace) {
    scene.reveal = true;
    const summary = collection.filter((e) => e.type === 'collected');
    playGc(scene, r.before, trace, () => {
      say(narrate(summary, r.before, after, scene.names));
      hud?.release();
      checkDone(scene);
    });
  } else {
    const freed = r.outcome.events.flatMap((e) => (e.type === 'freed' ? [e.id] : []));
    scene.renderState(after, { freed });
    hud?.release();
    checkDone(scene);
  }
  scene.refreshPanels();
  return r;
}
