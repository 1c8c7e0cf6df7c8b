/**
 * "Add a Playground program" in the teacher's lesson editor: pick one of the Playground's examples
 * (its code fills the box, to use as is or edit) or paste your own, then Add. The server runs it on
 * the teaching VM and adds the round, or refuses it with the reason, shown under the box.
 */
import { isProgramId, programId, PROGRAM_LIMITS, tidySource } from '../../shared/live/program.ts';
import { t } from '../i18n/index.ts';
import { EXAMPLES } from '../playground/examples.ts';
import type { LiveConnection } from './connection.ts';
import { btn, el, row } from './dom.ts';

/** What the box held (it is rebuilt when the playlist changes) and the titles of added programs. */
let draft = { pick: '', source: '' };
const titles = new Map<string, string>();

/** How a program round reads in the playlist: its first line of code (or its example's title). */
export function programTitle(id: string): string | null {
  if (!isProgramId(id)) return null;
  return `${t('live.kindProgram')}: ${titles.get(id) ?? id.slice(5, 13)}`;
}

const firstCode = (source: string): string =>
  source.split('\n').find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';

export function programAdder(conn: LiveConnection): HTMLElement {
  const pick = el('select', { id: 'live-program-pick', 'aria-label': t('live.programWhich') });
  pick.append(el('option', { value: '' }, t('live.programPaste')));
  for (const e of EXAMPLES) pick.append(el('option', { value: e.id }, e.title));
  pick.value = draft.pick;
  const box = el('textarea', {
    id: 'live-program-source',
    rows: '8',
    spellcheck: 'false',
    autocapitalize: 'off',
    wrap: 'off',
    maxlength: String(PROGRAM_LIMITS.chars * 2),
    'aria-label': t('live.programEditor'),
  });
  box.value = draft.source;
  const status = el('p', { id: 'live-program-status', role: 'status' });
  pick.addEventListener('change', () => {
    box.value = EXAMPLES.find((e) => e.id === pick.value)?.source ?? '';
    draft = { pick: pick.value, source: box.value };
  });
  box.addEventListener('input', () => (draft = { ...draft, source: box.value }));
  const add = btn('live-program-add', t('live.addProgram'), () => {
    const source = box.value;
    if (source.trim() === '') return box.focus();
    const example = EXAMPLES.find((e) => e.id === pick.value && e.source === source);
    titles.set(programId(tidySource(source)), example?.title ?? firstCode(source).trim());
    status.textContent = t('live.programChecking');
    conn.host({ cmd: 'playlist', edit: { op: 'addProgram', source } });
    const stop = conn.onChange(() => {
      if (!status.isConnected) return stop();
      if (conn.rejected?.cmd !== 'playlist') return;
      status.textContent = t('live.refused', { message: conn.rejected.message });
      stop();
    });
  });
  const section = el('div', { class: 'live-program-adder' });
  section.append(
    el('label', { for: 'live-program-source' }, t('live.programEditor')),
    row(pick),
    box,
    row(add),
    status,
  );
  return section;
}
