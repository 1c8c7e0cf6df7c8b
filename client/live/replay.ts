/**
 * A program round's reveal, stepped through: the Playground scene records the program and shows
 * the step the class's replay is at (`live.replayStep`, mirrored by the server), with the heap
 * picture, frames, console and gc player. Any teacher screen moves it — the dashboard's controls
 * or the bar over the picture — and every screen showing it follows. A bar says what this step
 * printed and how many students predicted that line. When the teacher goes on (Next), the screen
 * returns to the class.
 */
import type Phaser from 'phaser';
import { t } from '../i18n/index.ts';
import type { LiveConnection } from './connection.ts';
import { nextStop } from '../../shared/live/replay.ts';
import { btn, el, p, row } from './dom.ts';
import { progressBars } from './hostRounds.ts';
import { programCode } from './programRound.ts';

type Live = LiveConnection['state']['live'];

/** Output lines shown by `step`: index, text and how many got it (printSteps, linesRight). */
function printedBy(live: Live, step: number): { i: number; text: string; right: number }[] {
  const outputs = [...live.outputs];
  const right = [...live.linesRight];
  return [...live.printSteps]
    .map((at, i) => ({ at, i, text: outputs[i] ?? '', right: right[i] ?? 0 }))
    .filter((o) => o.at <= step);
}

/** The step and the printed lines so far, each with how many students got it. */
function replayConsole(live: Live): HTMLElement {
  const step = live.replayStep;
  const box = el('section', { class: 'live-replay-console', id: 'live-replay-console' });
  box.append(el('h2', {}, t('live.replayStep', { n: step + 1, of: live.steps })));
  const shown = printedBy(live, step);
  if (shown.length === 0) box.append(el('p', { class: 'live-muted' }, t('live.nothingPrinted')));
  const list = el('ol', { class: 'live-reveal-lines' });
  for (const o of shown) {
    const li = el('li', { class: [...live.printSteps][o.i] === step ? 'now' : '' });
    li.append(
      el('span', { class: 'code' }, o.text),
      el(
        'span',
        { class: 'live-muted' },
        ` — ${t('live.gotIt', { n: o.right, of: live.students })}`,
      ),
    );
    list.append(li);
  }
  box.append(list);
  return box;
}

/**
 * Start, back, next step (between the replay's stops: replay.ts) and, in a program round, next
 * print. Every teacher screen sends the step; all screens follow.
 */
function replayControls(conn: LiveConnection): HTMLElement {
  const live = conn.state.live;
  const step = live.replayStep;
  const stops = [...live.stops];
  const first = stops[0] ?? 0;
  const last = stops.at(-1) ?? 0;
  const go = (to: number): void => conn.host({ cmd: 'replay', step: to });
  const nextPrint = [...live.printSteps].find((at) => at > step);
  return row(
    btn('live-replay-start', `⇤ ${t('live.replayStart')}`, () => go(first), {
      secondary: true,
      disabled: step <= first,
    }),
    btn('live-replay-back', `◀ ${t('live.replayBack')}`, () => go(nextStop(stops, step, -1)), {
      secondary: true,
      disabled: step <= first,
    }),
    btn('live-replay-next', `${t('live.replayNext')} ▶`, () => go(nextStop(stops, step, 1)), {
      disabled: step >= last,
    }),
    live.kind === 'program'
      ? btn('live-replay-print', t('live.replayNextPrint'), () => go(nextPrint ?? last), {
          disabled: step >= last,
          icon: 'skip',
        })
      : null,
  );
}

/** The replay's controls and the way to the picture: a teacher's screen, never the class's. */
export function replayRow(conn: LiveConnection, stepThrough: () => void): HTMLElement {
  const box = row(
    replayControls(conn),
    btn('live-step-through', `▶ ${t('live.stepThrough')}`, stepThrough, { secondary: true }),
  );
  box.classList.add('live-teacher-only');
  return box;
}

/**
 * A program round on the teacher's screens: the code; while it runs, the blanks' count and the
 * class's progress; at the reveal, each printed line with how many got it.
 */
export function programRoundView(conn: LiveConnection): (Node | null)[] {
  const live = conn.state.live;
  if (live.phase !== 'reveal')
    return [
      programCode(live.program),
      p(t('live.programOnDevices', { n: live.printed })),
      progressBars(conn),
    ];
  return [row(programCode(live.program), replayConsole(live))];
}

/** The bar over the picture: what this step printed, the controls, the way back. */
function barContent(conn: LiveConnection, back: () => void): HTMLElement[] {
  const live = conn.state.live;
  const now = printedBy(live, live.replayStep).filter(
    (o) => [...live.printSteps][o.i] === live.replayStep,
  );
  const said = el('span', { id: 'live-replay-said' });
  for (const o of now)
    said.append(
      el('code', {}, o.text),
      ` — ${t('live.gotIt', { n: o.right, of: live.students })} `,
    );
  return [
    el(
      'strong',
      { id: 'live-replay-step' },
      t('live.replayStep', { n: live.replayStep + 1, of: live.steps }),
    ),
    said,
    replayControls(conn),
    btn('live-replay-leave', `← ${t('live.backToResults')}`, back, { secondary: true }),
  ];
}

/** Opens the replay over the Playground picture; `back` returns to the class screen. */
export function showProgramReplay(
  scene: Phaser.Scene,
  conn: LiveConnection,
  back: () => void,
): void {
  const live = conn.state.live;
  const round = live.round;
  const bar = el('div', {
    id: 'live-replay',
    role: 'group',
    'aria-label': t('live.replayTitle', { n: round }),
  });
  const here = (): boolean => conn.state.live.phase === 'reveal' && conn.state.live.round === round;
  let shown = -1;
  let left = false;
  const leave = (): void => {
    if (!left) back();
    left = true;
  };
  const update = (go: (step: number) => void): void => {
    if (left) return;
    if (!here()) return leave();
    const step = conn.state.live.replayStep;
    bar.replaceChildren(...barContent(conn, leave));
    if (step !== shown) go(step);
    shown = step;
  };
  const follow = (go: (step: number) => void): (() => void) => {
    update(go);
    return conn.onChange(() => update(go));
  };
  scene.scene.start('Playground', { source: live.program, step: live.replayStep, follow });
  document.getElementById('live-replay')?.remove();
  (document.getElementById('stage') ?? document.body).prepend(bar);
  bar.replaceChildren(...barContent(conn, leave));
  // The Playground's own tools (menu, edit, share, local stepping) are not for the class's screen.
  const app = document.getElementById('app');
  app?.classList.add('live-replaying');
  const playground = scene.game.scene.getScene('Playground');
  playground?.events.once('shutdown', () => {
    bar.remove();
    app?.classList.remove('live-replaying');
  });
}
