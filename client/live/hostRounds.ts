/**
 * The teacher's views of a round: progress bars (projector), the students × rounds grid
 * (dashboard: status symbol, moves vs par, hints; disconnected rows greyed), the reveal as the
 * class's answer distribution, the top-5 podium, and the report with per-concept summary and CSV.
 */
import { CONCEPT_TEXT } from '../../shared/live/concepts.ts';
import type { LiveCellShape } from '../../shared/live/protocol.ts';
import { finishedStatus } from '../../shared/live/status.ts';
import { isProgramId } from '../../shared/live/program.ts';
import type { LiveReport } from '../../shared/live/report.ts';
import { seatStorageKey } from '../../shared/protocol.ts';
import { lang, t, type MessageKey } from '../i18n/index.ts';
import type { LiveConnection } from './connection.ts';
import { bars, btn, el, p, row } from './dom.ts';
import { answerText, questionById } from './predict.ts';

const STATUS_SYMBOL: Record<string, string> = {
  not_started: '·',
  working: '✎',
  stuck: '⚠',
  solved: '✓',
  answered: '●',
};
const statusLabel = (s: string): string => t(`live.status.${s}` as MessageKey);

/** Class progress in the current round, one bar per status. */
export function progressBars(conn: LiveConnection): HTMLElement {
  const live = conn.state.live;
  const max = Math.max(1, live.students);
  const done = finishedStatus(live.kind) === 'answered' ? live.answered : live.solved;
  return bars([
    {
      label: `${STATUS_SYMBOL[finishedStatus(live.kind)]} ${statusLabel(finishedStatus(live.kind))}`,
      value: done,
      max,
      kind: 'correct',
    },
    { label: `${STATUS_SYMBOL.working} ${statusLabel('working')}`, value: live.working, max },
    {
      label: `${STATUS_SYMBOL.stuck} ${statusLabel('stuck')}`,
      value: live.stuck,
      max,
      kind: 'stuck',
    },
    {
      label: `${STATUS_SYMBOL.not_started} ${statusLabel('not_started')}`,
      value: live.notStarted,
      max,
    },
  ]);
}

/** A cell as the teacher's grid shows it (a program round: how many lines were sent, not the text). */
function cellText(c: LiveCellShape, program: boolean): string {
  const sent = program ? ` ${t('live.linesShort', { n: c.answer.split('\n').length })}` : '';
  const answer = program ? sent : ` ${answerText(c.answer)}`;
  const moves = c.par > 0 ? ` ${c.moves}/${c.par}` : c.answer ? answer : '';
  const hints = c.hints > 0 ? ` · ${t('live.hintsShort', { n: c.hints })}` : '';
  const mark = c.correct === 1 ? ' ✓' : c.correct === 0 ? ' ✗' : '';
  return `${STATUS_SYMBOL[c.status] ?? ''}${moves}${hints}${mark}`;
}

/** Students × rounds. Clicking a name (puzzle rounds) watches that board. */
export function studentGrid(conn: LiveConnection, watch: (seatId: string) => void): HTMLElement {
  const live = conn.state.live;
  const table = el('table', { class: 'live-grid live-teacher-only', id: 'live-grid' });
  const head = el('tr');
  head.append(el('th', {}, t('live.student')));
  for (let r = 1; r <= live.round; r++) head.append(el('th', {}, t('live.roundShort', { n: r })));
  head.append(el('th', {}, t('live.points')));
  table.append(head);
  conn.state.liveSeats.forEach((s) => {
    const tr = el('tr');
    if (conn.state.seats.get(s.id)?.connected === false) tr.classList.add('off');
    const name = el('td');
    if (live.kind === 'puzzle' && conn.state.seats.get(s.id)?.board) {
      const b = btn(`watch-${s.id}`, `◉ ${s.nickname}`, () => watch(s.id));
      b.setAttribute('aria-label', t('live.watch', { name: s.nickname }));
      name.append(b);
    } else name.textContent = s.nickname;
    tr.append(name);
    for (let r = 0; r < live.round; r++) {
      const c = s.cells.at(r);
      const td = el(
        'td',
        {
          class: `st-${c?.status ?? 'not_started'}`,
          title: statusLabel(c?.status ?? 'not_started'),
        },
        c ? cellText(c, isProgramId([...live.items][r] ?? '')) : STATUS_SYMBOL.not_started,
      );
      tr.append(td);
    }
    tr.append(el('td', {}, String(s.points)));
    table.append(tr);
  });
  return table;
}

/**
 * Predict reveal: how the class answered, the right answer marked ✓ (pattern, not colour alone).
 * `beside` goes next to the answer line (the "Show it" button).
 */
export function distribution(
  conn: LiveConnection,
  beside: HTMLElement | null = null,
): HTMLElement[] {
  const live = conn.state.live;
  const dist = [...live.distribution];
  const q = questionById(live.itemId);
  const choices = [...live.choices];
  const counts = choices.map((c) => ({
    answer: c,
    count: dist.find((d) => d.answer === c)?.count ?? 0,
  }));
  dist.filter((d) => !choices.includes(d.answer)).forEach((d) => counts.push(d));
  const max = Math.max(1, live.students);
  const out: HTMLElement[] = [el('h2', {}, t('live.classAnswers'))];
  out.push(
    bars(
      counts.map((c) => ({
        label: `${c.answer === live.answer ? '✓ ' : ''}${answerText(c.answer)}`,
        value: c.count,
        max,
        ...(c.answer === live.answer ? { kind: 'correct' as const } : {}),
      })),
    ),
  );
  out.push(
    row(
      el(
        'p',
        { class: 'live-big', id: 'live-answer' },
        t('live.correctAnswer', { answer: answerText(live.answer) }),
      ),
      beside,
    ),
  );
  if (q) out.push(p(q.explain[lang()].replace(/`/g, '')));
  return out;
}

/**
 * The podium: best first, each row rising in from the last place to the first (a drum-roll on the
 * projector; no motion when reduced motion is asked for). Equal points share a rank, said as a tie.
 */
export function podiumList(
  entries: Iterable<{ nickname: string; points: number; rank: number }>,
): HTMLElement {
  const list = el('ol', { class: 'live-podium', id: 'live-podium' });
  const all = [...entries];
  all.forEach((e, i) => {
    const tied = all.filter((o) => o.rank === e.rank).length > 1;
    const rank = tied ? `${e.rank} ${t('live.tie')}` : String(e.rank);
    const li = el('li', {}, t('live.podiumRow', { rank, name: e.nickname, points: e.points }));
    li.classList.add(`place-${Math.min(e.rank, 4)}`);
    li.style.setProperty('--rise', String(all.length - 1 - i));
    list.append(li);
  });
  return list;
}

const bearer = (conn: LiveConnection): HeadersInit => ({
  authorization: `Bearer ${localStorage.getItem(seatStorageKey(conn.code)) ?? conn.token}`,
});

/** The stored report: headline, per-concept summary, CSV download and delete (teachers only). */
export function reportView(conn: LiveConnection): HTMLElement {
  const box = el('section', { class: 'live-teacher-only', id: 'live-report' });
  box.append(el('h2', {}, t('live.report')));
  const id = conn.teacher?.reportId;
  if (!id) return box;
  const body = el('div');
  const status = el('p', { role: 'status', id: 'live-report-status' });
  box.append(body, status);
  void fetch(`/api/live/reports/${id}`, { headers: bearer(conn) })
    .then(async (r) => {
      if (!r.ok) return void (status.textContent = t('live.reportMissing'));
      const { report } = (await r.json()) as { report: LiveReport };
      if (report.headline)
        body.append(
          el(
            'p',
            { class: 'live-big' },
            t('live.headline', {
              concept: CONCEPT_TEXT[report.headline.concept][lang()].replace(/`/g, ''),
            }),
          ),
        );
      const table = el('table', { class: 'live-grid', id: 'live-concepts' });
      const head = el('tr');
      head.append(el('th', {}, t('live.concept')), el('th', {}, t('live.missed')));
      table.append(head);
      for (const c of report.concepts) {
        const tr = el('tr');
        tr.append(
          el('td', {}, CONCEPT_TEXT[c.concept][lang()].replace(/`/g, '')),
          el(
            'td',
            {},
            t('live.missPercent', { pct: c.missPercent, misses: c.misses, attempts: c.attempts }),
          ),
        );
        table.append(tr);
      }
      body.append(table);
    })
    .catch(() => void (status.textContent = t('live.reportMissing')));
  const download = btn('live-csv', t('live.downloadCsv'), () => void downloadCsv(conn, id, status));
  const remove = btn(
    'live-delete-report',
    t('live.deleteReport'),
    () => {
      void fetch(`/api/live/reports/${id}`, { method: 'DELETE', headers: bearer(conn) }).then(
        (r) => {
          status.textContent = t(r.ok ? 'live.reportDeleted' : 'live.reportMissing');
        },
      );
    },
    { secondary: true },
  );
  box.append(el('div', { class: 'live-row' }));
  box.lastElementChild?.append(download, remove);
  return box;
}

async function downloadCsv(conn: LiveConnection, id: string, status: HTMLElement): Promise<void> {
  const r = await fetch(`/api/live/reports/${id}/csv`, { headers: bearer(conn) });
  if (!r.ok) return void (status.textContent = t('live.reportMissing'));
  const url = URL.createObjectURL(await r.blob());
  const a = el('a', { href: url, download: `heap-heroes-${conn.code}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
