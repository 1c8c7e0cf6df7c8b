/**
 * The teacher's lesson playlist, in the lobby and between rounds: the rounds in play order, each
 * round still to play with ↑, ↓ and ✕ (real buttons: a tap, a click, or Tab and Enter), the rounds
 * already played marked as such without controls, and "Add a round" from the campaign, the
 * question bank and the generator. Every edit is a request to the room (the rules are
 * shared/live/playlist.ts); what shows is the server's playlist (`live.items`), rebuilt when it
 * changes, with the focus kept on the moved round.
 */
import { CONCEPT_TEXT } from '../../shared/live/concepts.ts';
import { liveQuestion, questionLine } from '../../shared/live/items.ts';
import { CONCEPTS } from '../../shared/puzzles/format.ts';
import { puzzleById } from '../../shared/puzzles/byId.ts';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import { QUESTIONS } from '../../shared/puzzles/questions/index.ts';
import { lang, t } from '../i18n/index.ts';
import type { LiveConnection } from './connection.ts';
import { btn, el, p, row } from './dom.ts';
import { programAdder, programTitle } from './programAdder.ts';

/** The add chooser's last pick and the button to focus once the edited playlist arrives. */
let lastAdd = '';
let focusNext = '';

/** Keyboard focus for `id` once the edited playlist is on screen (the region is rebuilt). */
export function focusAfterEdit(id: string): void {
  focusNext = id;
}

/** How a round reads in the playlist: its kind and its title (a question: its code). */
function roundTitle(id: string): string {
  const program = programTitle(id);
  if (program) return program;
  const puzzle = puzzleById(id);
  if (puzzle) return `${t('live.kindPuzzle')}: ${puzzle.title[lang()]}`;
  const q = liveQuestion(id);
  return q ? `${t('live.kindPredict')}: ${questionLine(q)}` : id;
}

function addChooser(conn: LiveConnection, inLesson: ReadonlySet<string>): HTMLElement {
  const select = el('select', { id: 'live-add-round', 'aria-label': t('live.addWhich') });
  const group = (label: string, options: { value: string; text: string }[]): void => {
    const g = el('optgroup', { label });
    for (const o of options) {
      const option = el('option', { value: o.value }, o.text);
      option.disabled = inLesson.has(o.value);
      g.append(option);
    }
    select.append(g);
  };
  group(
    t('live.addCampaign'),
    CAMPAIGN.map((l) => ({ value: l.id, text: `${l.chapter}. ${l.title[lang()]}` })),
  );
  // Questions grouped by their main (first) concept: a teacher picks a concept's questions one by one.
  for (const concept of CONCEPTS) {
    const questions = QUESTIONS.filter((q) => q.concepts[0] === concept);
    if (questions.length > 0)
      group(
        t('live.setPredictConcept', {
          concept: CONCEPT_TEXT[concept][lang()].replace(/`/g, ''),
          n: questions.length,
        }),
        questions.map((q) => ({ value: q.id, text: questionLine(q) })),
      );
  }
  group(
    t('live.addGenerated'),
    ([1, 2, 3] as const).map((d) => ({ value: `gen:${d}`, text: t('live.generatedLevel', { d }) })),
  );
  if (lastAdd) select.value = lastAdd;
  const add = btn('live-add', t('live.addRound'), () => {
    lastAdd = select.value;
    focusNext = 'live-add';
    const generated = /^gen:([123])$/.exec(select.value);
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]! % 2 ** 31;
    const id = generated ? `gen-${seed}-${generated[1]}` : select.value;
    if (id) conn.host({ cmd: 'playlist', edit: { op: 'add', id } });
  });
  return row(select, add);
}

/** The playlist with its controls; rebuilt by the caller whenever `live.items` changes. */
export function playlistEditor(conn: LiveConnection): HTMLElement {
  const live = conn.state.live;
  const ids = [...live.items];
  const played = live.round; // rounds started so far (shared/live playedRounds, mirrored)
  const last = ids.length - 1;
  const edit = (
    e: { op: 'remove'; index: number } | { op: 'move'; from: number; to: number },
    focus: string,
  ): void => {
    focusNext = focus;
    conn.host({ cmd: 'playlist', edit: e });
  };
  const list = el('ol', { class: 'live-playlist', id: 'live-playlist' });
  ids.forEach((id, i) => {
    const li = el('li');
    li.append(el('span', { class: 'live-round-title' }, roundTitle(id)));
    if (i < played) {
      li.classList.add('played');
      li.append(el('span', { class: 'live-muted' }, t('live.roundPlayed')));
    } else li.append(...roundControls(i, played, last, edit));
    list.append(li);
  });
  const box = el('section', { class: 'live-teacher-only', id: 'live-lesson' });
  box.append(
    el('h2', {}, t('live.playlist', { n: ids.length })),
    p(t(played > 0 ? 'live.playlistHelpBetween' : 'live.playlistHelp'), 'live-muted'),
    list,
    addChooser(conn, new Set(ids)),
    programAdder(conn),
  );
  if (focusNext) {
    const id = focusNext;
    focusNext = '';
    queueMicrotask(() => document.getElementById(id)?.focus()); // once the region holds the new list
  }
  return box;
}

/** ↑ ↓ ✕ of round `i` (still to play): the focus follows the round after the server's answer. */
function roundControls(
  i: number,
  played: number,
  last: number,
  edit: (
    e: { op: 'remove'; index: number } | { op: 'move'; from: number; to: number },
    focus: string,
  ) => void,
): HTMLButtonElement[] {
  const first = i === played;
  const up = btn(
    `pl-up-${i}`,
    '↑',
    () =>
      edit(
        { op: 'move', from: i, to: i - 1 },
        i - 1 > played ? `pl-up-${i - 1}` : `pl-down-${i - 1}`,
      ),
    { secondary: true, disabled: first },
  );
  const down = btn(
    `pl-down-${i}`,
    '↓',
    () =>
      edit(
        { op: 'move', from: i, to: i + 1 },
        i + 1 < last ? `pl-down-${i + 1}` : `pl-up-${i + 1}`,
      ),
    { secondary: true, disabled: i === last },
  );
  const remove = btn(
    `pl-remove-${i}`,
    '✕',
    () => edit({ op: 'remove', index: i }, `pl-remove-${Math.min(i, last - 1)}`),
    { secondary: true, disabled: last === played },
  );
  up.setAttribute('aria-label', t('live.moveUp', { n: i + 1 }));
  down.setAttribute('aria-label', t('live.moveDown', { n: i + 1 }));
  remove.setAttribute('aria-label', t('live.removeRound', { n: i + 1 }));
  return [up, down, remove];
}
