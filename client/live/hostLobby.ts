/**
 * The teacher's lobby: the join block (code ≥ 10% of the screen height, QR from the server, link),
 * the round set chooser, class settings, and the students with kick / approve-name buttons.
 */
import { CONCEPT_TEXT } from '../../shared/live/concepts.ts';
import { CHAPTERS } from '../../shared/puzzles/campaign/index.ts';
import { CONCEPTS } from '../../shared/puzzles/format.ts';
import { QUESTIONS } from '../../shared/puzzles/questions/index.ts';
import type { LiveSetChoice } from '../../shared/live/protocol.ts';
import { lang, t } from '../i18n/index.ts';
import type { LiveConnection } from './connection.ts';
import { btn, el, p, row } from './dom.ts';
import { focusAfterEdit } from './playlistEditor.ts';

interface JoinInfo {
  link: string;
  qr: string;
  localOnly?: boolean;
}

const joinInfo = new Map<string, Promise<JoinInfo | null>>();

/** GET /api/live/join/:code once per code (QR PNG data URL and the join link). */
function fetchJoin(code: string): Promise<JoinInfo | null> {
  let got = joinInfo.get(code);
  if (!got) {
    got = fetch(`/api/live/join/${code}`)
      .then((r) => (r.ok ? (r.json() as Promise<JoinInfo>) : null))
      .catch(() => null);
    joinInfo.set(code, got);
  }
  return got;
}

/** Code, QR and link; `big` for the lobby (projector-sized code). */
export function joinBlock(conn: LiveConnection, big: boolean): HTMLElement {
  const box = el('div', { class: big ? 'live-join' : 'live-row', id: 'live-join' });
  const qr = el('img', { class: 'live-qr', alt: t('live.qrAlt'), id: 'live-qr' });
  if (!big) qr.style.width = '96px';
  const code = el(
    'p',
    {
      class: big ? 'live-code' : 'live-big',
      id: 'live-code',
      'aria-label': t('live.codeLabel', { code: conn.code.split('').join(' ') }),
    },
    conn.code,
  );
  const link = el('p', { class: 'live-link', id: 'live-link' });
  const warning = el('p', { class: 'live-error live-teacher-only', id: 'live-link-warning' });
  warning.hidden = true;
  const text = el('div');
  text.append(p(t('live.joinAt'), 'live-join-hint'), code, link, warning);
  box.append(qr, text);
  void fetchJoin(conn.code).then((info) => {
    if (!info) return;
    qr.src = info.qr;
    link.textContent = info.link;
    if (info.localOnly) warning.textContent = t('live.linkLocalOnly');
    warning.hidden = !info.localOnly;
  });
  return box;
}

export function coTeacherLink(conn: LiveConnection): HTMLElement | null {
  if (!conn.teacher) return null;
  const url = `${location.origin}/?join=${conn.code}&teacher=${encodeURIComponent(conn.teacher.coTeacherKey)}`;
  const details = el('details', { class: 'live-teacher-only' });
  details.append(
    el('summary', {}, t('live.coTeacher')),
    p(t('live.coTeacherHelp'), 'live-muted'),
    el('p', { class: 'live-link', id: 'live-coteacher' }, url),
  );
  return details;
}

type SetOption = { value: string; label: string; choice: () => LiveSetChoice };

function setOptions(): SetOption[] {
  const chapters = CHAPTERS.map((c, i) => ({
    value: `chapter:${i + 1}`,
    label: t('live.setChapter', { n: i + 1, title: c[lang()] }),
    choice: (): LiveSetChoice => ({ source: 'chapter', chapter: i + 1 }),
  }));
  const seed = (): number => crypto.getRandomValues(new Uint32Array(1))[0]! % 2 ** 31;
  return [
    ...chapters,
    {
      value: 'generated',
      label: t('live.setGenerated', { n: 3 }),
      choice: () => ({ source: 'generated', seed: seed(), count: 3 }),
    },
    {
      value: 'predict',
      label: t('live.setPredict', { n: QUESTIONS.length }),
      choice: () => ({ source: 'predict' }),
    },
    ...predictByConcept(),
  ];
}

/** One predict set per concept the question bank covers (its questions, in bank order). */
function predictByConcept(): SetOption[] {
  return CONCEPTS.flatMap((concept) => {
    const ids = QUESTIONS.filter((q) => q.concepts.includes(concept)).map((q) => q.id);
    if (ids.length === 0) return [];
    return [
      {
        value: `predict:${concept}`,
        label: t('live.setPredictConcept', {
          concept: CONCEPT_TEXT[concept][lang()].replace(/`/g, ''),
          n: ids.length,
        }),
        choice: (): LiveSetChoice => ({ source: 'predict', ids: ids.slice(0, 30) }),
      },
    ];
  });
}

/** The set last sent from this page, shown selected when the chooser is rebuilt. */
let lastSet = '';

/**
 * The round set chooser: pick, then "Use this set" (in place of the rounds still to play) or "Add
 * to the lesson" (after them); the server answers with the new playlist.
 */
export function setChooser(conn: LiveConnection): HTMLElement {
  const select = el('select', { id: 'live-set', 'aria-label': t('live.chooseSet') });
  const options = setOptions();
  for (const o of options) select.append(el('option', { value: o.value }, o.label));
  if (lastSet) select.value = lastSet;
  const send = (append: boolean): void => {
    const o = options.find((x) => x.value === select.value);
    if (!o) return;
    lastSet = o.value;
    focusAfterEdit(append ? 'live-add-set' : 'live-use-set');
    conn.host({ cmd: 'setSet', set: o.choice(), ...(append ? { append } : {}) });
  };
  const use = btn('live-use-set', t('live.useSet'), () => send(false));
  const add = btn('live-add-set', t('live.addSet'), () => send(true), { secondary: true });
  const box = el('div', { class: 'live-teacher-only' });
  box.append(el('h2', {}, t('live.chooseSet')), row(select, use, add));
  return box;
}

const TIMERS = [null, 20, 60, 120, 300] as const;

/** Lock, late joiners, speed bonus and the round timer (untimed by default). */
export function settingsRow(conn: LiveConnection): HTMLElement {
  const live = conn.state.live;
  const timer = el('select', { id: 'live-timer', 'aria-label': t('live.timer') });
  for (const s of TIMERS)
    timer.append(
      el(
        'option',
        { value: String(s ?? '') },
        s === null ? t('live.untimed') : t('live.seconds', { n: s }),
      ),
    );
  timer.value = live.roundSeconds > 0 ? String(live.roundSeconds) : '';
  timer.addEventListener('change', () =>
    conn.host({
      cmd: 'configure',
      settings: { roundSeconds: timer.value === '' ? null : Number(timer.value) },
    }),
  );
  const toggle = settingToggle(conn);
  const box = el('div', { class: 'live-teacher-only' });
  box.append(
    row(
      lockToggle(conn),
      toggle('live-late', t('live.allowLate'), live.allowLateJoin, {
        allowLateJoin: !live.allowLateJoin,
      }),
      toggle('live-speed', t('live.speedBonus'), live.speedBonus, { speedBonus: !live.speedBonus }),
      el('label', { for: 'live-timer' }, t('live.timer')),
      timer,
    ),
  );
  return box;
}

const settingToggle =
  (conn: LiveConnection) =>
  (id: string, label: string, on: boolean, patch: Record<string, boolean>): HTMLButtonElement =>
    btn(id, `${on ? '✓' : '○'} ${label}`, () => conn.host({ cmd: 'configure', settings: patch }), {
      secondary: !on,
      pressed: on,
    });

/** Lock the class: no new seats; students already seated still reconnect. Shown in every phase. */
export function lockToggle(conn: LiveConnection): HTMLButtonElement {
  const locked = conn.state.live.locked;
  return settingToggle(conn)('live-lock', t('live.lock'), locked, { locked: !locked });
}

/** Students as name chips; teachers get kick and (for a filtered name) approve. */
export function studentChips(conn: LiveConnection, projector: boolean): HTMLElement {
  const list = el('ul', {
    class: 'live-names',
    id: 'live-students',
    'aria-label': t('live.studentsHeading'),
  });
  conn.state.liveSeats.forEach((s) => {
    const li = el('li');
    if (conn.state.seats.get(s.id)?.connected === false) li.classList.add('off');
    li.append(el('span', {}, s.nickname));
    if (!projector) {
      if (s.pendingName) {
        // What the student typed was refused by the filter: hidden until the teacher opens it,
        // because this screen may be the one the class sees.
        const typed = el('details', { class: 'live-muted live-pending' });
        typed.append(
          el('summary', {}, t('live.nameWaiting')),
          el('span', {}, t('live.typed', { name: s.pendingName })),
        );
        li.append(typed);
        li.append(
          btn(
            `approve-${s.id}`,
            t('live.approve'),
            () => conn.host({ cmd: 'approveName', studentId: s.id }),
            { secondary: true },
          ),
        );
      }
      li.append(
        btn(`kick-${s.id}`, '✕', () => conn.host({ cmd: 'kick', studentId: s.id }), {
          secondary: true,
        }),
      );
      li.lastElementChild?.setAttribute('aria-label', t('live.kick', { name: s.nickname }));
    }
    list.append(li);
  });
  return list;
}
