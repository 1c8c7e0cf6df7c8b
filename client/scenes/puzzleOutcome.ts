/**
 * What the puzzle screen says after a move is shown: a goal broken for good (at once, with an
 * undo), or the goal reached (the campaign waits for "See results"; a challenge hands back).
 */
import type { GoalStatus } from '../../shared/puzzles/contract.ts';
import { starsFor } from '../../shared/puzzles/scoring.ts';
import { lang, t } from '../i18n/index.ts';
import { app } from '../ui/app.ts';
import { say } from '../ui/narrator.ts';
import { runTool } from '../ui/puzzleTools.ts';
import { brokenForGood } from '../ui/rules.ts';
import type { Puzzle } from './Puzzle.ts';

/** A move that broke a goal for good is named at once, with an undo right there. */
export function warnIfLost(scene: Puzzle, before: GoalStatus): void {
  const broken = brokenForGood(before, scene.session.snapshot().goal);
  const clause = scene.session.puzzle.goals.find((g) => broken.includes(g.id));
  if (!clause) return;
  const message = t('rules.deadEnd', { goal: clause.text[lang()].replace(/`/g, '') });
  scene.panels.setOutput([message], true, {
    label: t('rules.undo'),
    run: () => void runTool(scene, 'undo'),
  });
  say(message);
}

export function checkDone(scene: Puzzle): void {
  const session = scene.session;
  const snap = session.snapshot();
  if (!snap.goal.done) return;
  const moves = snap.board.moves.length;
  const stars = starsFor(true, moves, session.puzzle.par, snap.hintsUsed);
  say(t('say.goalDone', { n: moves }));
  const data = {
    puzzleId: scene.puzzleId,
    title: session.puzzle.title,
    moves,
    par: session.puzzle.par,
    stars,
  };
  const solved = scene.onSolved;
  if (!solved) {
    // The campaign waits for the player: the final picture stays until they ask for results.
    app().record(scene.puzzleId, stars, moves);
    const summary = `${t('hud.done')} ${'★'.repeat(stars)}${'☆'.repeat(3 - stars)}`;
    scene.panels.showDone(summary, () => scene.scene.start('Results', data));
    return;
  }
  // Wall-clock delay: game time crawls when frames are slow (old Chromebooks, busy CI).
  window.setTimeout(
    () => {
      if (scene.session !== session || !scene.scene.isActive()) return;
      solved(snap.board.moves);
    },
    app().settings.reducedMotion ? 300 : 1400,
  );
}
