/**
 * "Show it" after a predict reveal: the Puzzle scene opens read-only on the question's board just
 * before the asked line(s) (RevealSession), and a bar over the canvas plays them one at a time
 * through the scene — so the heap view animates what the engine did (refcounts, frees in cascade
 * order, the gc.collect() step player). "← Back to results" returns to the teacher's screen.
 */
import type Phaser from 'phaser';
import type { Question } from '../../shared/puzzles/questions/index.ts';
import { t } from '../i18n/index.ts';
import type { Puzzle } from '../scenes/Puzzle.ts';
import { say } from '../ui/narrator.ts';
import { btn, el } from './dom.ts';
import { RevealSession } from './revealSession.ts';

/** The bar's buttons for where the replay stands: the next line to run, or "again". */
function barButtons(
  session: RevealSession,
  run: (line: string) => void,
  again: () => void,
): HTMLElement[] {
  const line = session.nextLine();
  if (line === null)
    return [
      el('span', { id: 'live-reveal-done' }, t('live.replayDone')),
      btn('live-replay', `↺ ${t('live.replayAgain')}`, again, { secondary: true }),
    ];
  const b = btn('live-run', `▶ ${t('live.runLine', { code: line.split('\n')[0]! })}`, () =>
    run(line),
  );
  b.classList.add('code');
  return [b];
}

export function showReveal(scene: Phaser.Scene, q: Question, back: () => void): void {
  const session = RevealSession.open(q);
  if (!session) return;
  const game = scene.game;
  const puzzle = (): Puzzle | null =>
    game.scene.isActive('Puzzle') ? (game.scene.getScene('Puzzle') as Puzzle) : null;
  document.getElementById('live-reveal')?.remove();
  const bar = el('div', { id: 'live-reveal', role: 'group', 'aria-label': t('live.replaying') });
  const slot = el('span', { class: 'live-reveal-slot' });
  /** Run / Again look disabled while a line plays or the gc.collect() step player is open. */
  const sync = (): void => {
    const p = puzzle();
    const locked = p !== null && (p.busy || p.gc !== null);
    for (const b of slot.querySelectorAll('button')) b.disabled = locked;
  };
  const render = (): void => {
    slot.replaceChildren(...barButtons(session, run, again));
    sync();
  };
  const run = (line: string): void => {
    const p = puzzle();
    if (!p || p.busy || p.gc) return; // one line at a time; the gc player finishes first
    void p.submit(line).then(render);
  };
  const again = (): void => {
    const p = puzzle();
    if (!p || p.busy || p.gc) return;
    p.reveal = false;
    void session.reset().then(() => {
      p.panels.setOutput([]);
      say(t('live.replaying'));
      render();
    });
  };
  const leave = btn(
    'live-reveal-back',
    `← ${t('live.backToResults')}`,
    () => {
      bar.remove();
      back();
    },
    { secondary: true },
  );
  bar.append(el('strong', { id: 'live-reveal-text' }, t('live.replaying')), slot, leave);
  render();
  scene.scene.start('Puzzle', { puzzleId: session.puzzle.id, session, onSolved: () => undefined });
  (document.getElementById('game') ?? document.body).append(bar);
  const events = game.scene.getScene('Puzzle')?.events;
  events?.on('tools', sync);
  events?.once('shutdown', () => {
    events.off('tools', sync);
    bar.remove();
  });
}
