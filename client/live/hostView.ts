/**
 * The teacher's live screen, rebuilt from the mirrored state on every patch (keyed regions keep
 * controls stable). Two modes: the dashboard (controls, grid, report) and the projector view
 * (big type for the class: code and lobby → progress bars → reveal → podium; controls hidden).
 */
import type { Question } from '../../shared/puzzles/questions/index.ts';
import { hostCommandOpen, roundInProgress } from '../../shared/live/phases.ts';
import { lang, t } from '../i18n/index.ts';
import { clauseText } from '../../shared/puzzles/goals.ts';
import type { LiveConnection } from './connection.ts';
import { Countdown } from './countdown.ts';
import { btn, el, p, Region, row } from './dom.ts';
import type { IconName } from './icons.ts';
import {
  coTeacherLink,
  joinBlock,
  lockToggle,
  setChooser,
  settingsRow,
  studentChips,
} from './hostLobby.ts';
import { distribution, podiumList, progressBars, reportView, studentGrid } from './hostRounds.ts';
import { choicesView, codeBlock, questionById, questionView } from './predict.ts';
import { puzzleById } from '../../shared/puzzles/byId.ts';
import { playlistEditor } from './playlistEditor.ts';
import { programRoundView, replayRow } from './replay.ts';

export interface HostActions {
  watch(seatId: string): void;
  /** After a predict reveal: replay the asked line on the heap (client/live/reveal.ts). */
  showIt(q: Question): void;
  /** At a program round's reveal: the replay on the heap picture (client/live/replay.ts). */
  stepThrough(): void;
  leave(): void;
}

/** Projector or dashboard, kept while the teacher visits a board and comes back. */
let projectorOn = false;
/** The program reveal (class code and round) the projector already opened the replay for. */
let replayOpenedFor = '';
/** The folded lesson editor at a reveal, kept open across rebuilds once the teacher opened it. */
let lessonEditorOpen = false;

export class HostView {
  private readonly root: HTMLElement;
  private readonly conn: LiveConnection;
  private readonly actions: HostActions;
  private projector = projectorOn;
  private readonly top: Region;
  private readonly banner: Region;
  private readonly controls: Region;
  private readonly setup: Region;
  private readonly main: Region;
  private readonly report: Region;
  private sentDefaultSet = false;
  private readonly countdown = new Countdown('live-timer-big');

  constructor(root: HTMLElement, conn: LiveConnection, actions: HostActions) {
    this.root = root;
    this.conn = conn;
    this.actions = actions;
    this.top = new Region(root, 'header');
    this.banner = new Region(root, 'div', { role: 'status', 'aria-live': 'polite' });
    this.controls = new Region(root, 'div');
    root.append(this.countdown.node);
    this.setup = new Region(root, 'div');
    this.main = new Region(root, 'section');
    this.report = new Region(root, 'div');
  }

  render(): void {
    const live = this.conn.state.live;
    if (live.phase === 'lobby' && live.rounds === 0 && !this.sentDefaultSet) {
      this.sentDefaultSet = true; // a class can start at once: chapter 1 until the teacher picks another set
      this.conn.host({ cmd: 'setSet', set: { source: 'chapter', chapter: 1 } });
    }
    this.root.classList.toggle('projector', this.projector);
    const lobby = live.phase === 'lobby';
    this.root.classList.toggle('in-round', !lobby); // the projector gives the round the room
    this.top.update(`${lobby}|${this.projector}|${this.conn.teacher?.coTeacherKey ?? ''}`, () =>
      this.header(lobby),
    );
    this.banner.update(`${this.conn.status}|${this.conn.rejected?.code ?? ''}`, () =>
      this.bannerContent(),
    );
    this.controls.update(
      `${live.phase}|${live.round}|${live.rounds}|${live.timed}|${this.projector}`,
      () => [this.controlRow()],
    );
    const editable = hostCommandOpen('setItems', live.phase);
    this.setup.update(
      `${live.phase}|${live.round}|${live.locked}|${live.allowLateJoin}|${live.speedBonus}|${live.roundSeconds}|${editable ? [...live.items].join(',') : ''}`,
      // The rest of the lesson changes in the lobby, at a reveal and between rounds (folded away
      // at a reveal, where the class's answers come first). In a round only the lock shows, so a
      // class can be closed to newcomers at any time.
      () =>
        editable
          ? [
              this.lessonEditor(live.phase === 'reveal'),
              live.phase === 'reveal' ? null : settingsRow(this.conn),
            ]
          : live.phase === 'podium' || live.phase === 'ended'
            ? []
            : [teacherOnly(row(lockToggle(this.conn)))],
    );
    const inRound = roundInProgress(live.phase);
    const flowing = live.phase === 'running' && this.conn.status === 'connected';
    this.countdown.set(live.timed && inRound, live.remainingMs, flowing);
    this.main.update(this.mainKey(), () => this.mainContent());
    this.openReplay();
    const over =
      live.phase === 'podium' ||
      live.phase === 'ended' ||
      live.phase === 'reveal' ||
      live.phase === 'between';
    this.report.update(
      `${over}|${live.round}|${live.phase}|${this.conn.teacher?.reportId ?? ''}`,
      () => (over ? [reportView(this.conn)] : []),
    );
  }

  /**
   * The projector shows a program round's reveal on the heap picture by itself, once; a predict
   * question's reveal first shows the class's answers, and goes to the picture once a teacher
   * steps the replay.
   */
  private openReplay(): void {
    const live = this.conn.state.live;
    const at = `${this.conn.code}|${live.round}`;
    if (!this.projector || live.phase !== 'reveal' || live.steps === 0) return;
    const stepped = live.replayStep !== [...live.stops][0];
    if ((live.kind !== 'program' && !stepped) || replayOpenedFor === at) return;
    replayOpenedFor = at;
    this.actions.stepThrough();
  }

  /** Set chooser and playlist; `folded` puts them in a <details> that stays open once opened. */
  private lessonEditor(folded: boolean): HTMLElement {
    const parts = [setChooser(this.conn), playlistEditor(this.conn)];
    if (!folded) {
      const box = el('div');
      box.append(...parts);
      return box;
    }
    const details = el('details', { class: 'live-teacher-only', id: 'live-edit-lesson' });
    details.open = lessonEditorOpen;
    details.addEventListener('toggle', () => (lessonEditorOpen = details.open));
    details.append(el('summary', {}, t('live.editLesson')), ...parts);
    return details;
  }

  private header(lobby: boolean): (Node | null)[] {
    const title = el('h1', {}, t('live.hostTitle'));
    const toggle = btn(
      'live-projector',
      this.projector ? t('live.dashboardView') : t('live.projectorView'),
      () => {
        this.projector = !this.projector;
        projectorOn = this.projector;
        this.render();
      },
      { secondary: true },
    );
    const leave = btn('live-leave', t('live.leaveClass'), () => this.actions.leave(), {
      secondary: true,
      teacherOnly: true,
    });
    return [row(title, toggle, leave), joinBlock(this.conn, lobby), coTeacherLink(this.conn)];
  }

  private bannerContent(): (Node | null)[] {
    if (this.conn.status === 'reconnecting') return [p(t('live.reconnecting'), 'live-banner')];
    if (this.conn.status !== 'connected') return [p(t('live.connectionLost'), 'live-banner')];
    const r = this.conn.rejected;
    return r ? [p(t('live.refused', { message: r.message }), 'live-error')] : [];
  }

  private controlRow(): HTMLElement {
    const live = this.conn.state.live;
    const c = this.conn;
    const b = (
      id: string,
      label: string,
      cmd: Parameters<LiveConnection['host']>[0],
      secondary = false,
      glyph?: IconName,
    ): HTMLButtonElement =>
      btn(id, label, () => c.host(cmd), { secondary, ...(glyph ? { icon: glyph } : {}) });
    const buttons: HTMLElement[] = [];
    if (hostCommandOpen('start', live.phase))
      buttons.push(
        b(
          'live-start',
          t(live.phase === 'lobby' ? 'live.start' : 'live.startNext', {
            n: live.round + 1,
            of: live.rounds,
          }),
          { cmd: 'start' },
        ),
      );
    const open = (cmd: Parameters<typeof hostCommandOpen>[0]): boolean =>
      hostCommandOpen(cmd, live.phase);
    if (open('pause'))
      buttons.push(b('live-pause', t('live.pause'), { cmd: 'pause' }, true, 'pause'));
    if (open('resume'))
      buttons.push(b('live-resume', t('live.resume'), { cmd: 'resume' }, false, 'play'));
    if (open('extend') && live.timed)
      buttons.push(b('live-extend', t('live.extend'), { cmd: 'extend', seconds: 30 }, true));
    if (open('skip'))
      buttons.push(b('live-skip', t('live.reveal'), { cmd: 'skip' }, false, 'skip'));
    if (open('next'))
      buttons.push(
        b('live-next', live.round < live.rounds ? t('live.next') : t('live.toPodium'), {
          cmd: 'next',
        }),
      );
    // `end` ends the lesson (to the podium); on the podium it closes the class.
    if (open('end'))
      buttons.push(
        live.phase === 'podium'
          ? b('live-close', t('live.closeClass'), { cmd: 'end' }, true)
          : b('live-end', t('live.end'), { cmd: 'end' }, true),
      );
    const box = el('div', { class: 'live-teacher-only' });
    box.append(row(...buttons));
    return box;
  }

  private mainKey(): string {
    const s = this.conn.state;
    const live = s.live;
    const rows: string[] = [];
    s.liveSeats.forEach((r) =>
      rows.push(
        `${r.id}:${r.nickname}:${r.pendingName}:${r.status}:${r.points}:${s.seats.get(r.id)?.connected}:${[...r.cells].map((c) => `${c.status}${c.moves}${c.hints}${c.correct}${c.answer}`).join(',')}`,
      ),
    );
    const counts = [
      live.working,
      live.stuck,
      live.solved,
      live.answered,
      live.notStarted,
      live.students,
    ];
    return [
      live.phase,
      live.round,
      live.rounds,
      live.kind,
      live.itemId,
      live.answer,
      `${live.replayStep}/${live.steps}/${[...live.linesRight].join(',')}`,
      [...live.podium].map((e) => e.nickname).join(','),
      this.projector,
      counts.join(','),
      rows.join(';'),
    ].join('|');
  }

  private showItButton(): HTMLElement | null {
    const q = questionById(this.conn.state.live.itemId);
    if (!q) return null;
    const b = btn('live-show-it', `▶ ${t('live.showIt')}`, () => this.actions.showIt(q));
    b.title = t('live.showItLabel');
    return b;
  }

  private mainContent(): (Node | null)[] {
    const live = this.conn.state.live;
    const out: (Node | null)[] = [];
    const phaseLine =
      live.round > 0
        ? t('live.roundOf', { n: live.round, of: live.rounds })
        : t('live.roundsReady', { n: live.rounds });
    out.push(
      el(
        'h2',
        { id: 'live-phase' },
        `${phaseLine} · ${t(`live.phase.${live.phase}` as Parameters<typeof t>[0])}`,
      ),
    );
    if (live.phase === 'lobby') {
      out.push(
        el('h2', {}, t('live.studentsJoined', { n: live.students })),
        studentChips(this.conn, this.projector),
      );
      return out;
    }
    if (live.phase === 'podium' || live.phase === 'ended') {
      out.push(el('h2', {}, t('live.podium')), podiumList(live.podium));
      if (!this.projector) out.push(studentGrid(this.conn, (id) => this.actions.watch(id)));
      return out;
    }
    if (live.phase === 'between') {
      // Nothing of the last round's progress: what the class waits for (no spoiler of a question).
      out.push(p(t('live.nextSoon'), 'live-big'), nextRound([...live.items][live.round]));
      if (!this.projector) out.push(studentGrid(this.conn, (id) => this.actions.watch(id)));
      return out;
    }
    if (live.kind === 'program') return [...out, ...this.programContent()];
    const q = live.kind === 'predict' ? questionById(live.itemId) : undefined;
    const inRound = roundInProgress(live.phase);
    if (q && (inRound || live.phase === 'reveal')) out.push(...questionView(q)); // the code stays at reveal
    if (q && inRound) out.push(p(t('live.answerOnDevices')), choicesView(q, [...live.choices]));
    if (live.kind === 'puzzle' && (inRound || live.phase === 'reveal'))
      out.push(...puzzleGoal(live.itemId));
    if (live.phase === 'reveal' && live.kind === 'predict') {
      out.push(...distribution(this.conn, this.showItButton()));
      if (live.steps > 0 && !this.projector)
        out.push(replayRow(this.conn, () => this.actions.stepThrough()));
    } else out.push(progressBars(this.conn));
    if (live.phase === 'reveal' && live.kind === 'puzzle') out.push(...solutionView(live.itemId));
    if (!this.projector) out.push(studentGrid(this.conn, (id) => this.actions.watch(id)));
    return out;
  }

  private programContent(): (Node | null)[] {
    const out = programRoundView(this.conn);
    if (this.conn.state.live.phase === 'reveal' && !this.projector)
      out.push(replayRow(this.conn, () => this.actions.stepThrough()));
    if (!this.projector) out.push(studentGrid(this.conn, (id) => this.actions.watch(id)));
    return out;
  }
}

/** Between rounds: what kind of round comes next (a puzzle by its title; a question unseen). */
function nextRound(id: string | undefined): HTMLElement | null {
  const puzzle = id === undefined ? undefined : puzzleById(id);
  if (puzzle) return p(t('live.upNextPuzzle', { title: puzzle.title[lang()] }), 'live-big');
  return id && questionById(id) ? p(t('live.upNextPredict'), 'live-big') : null;
}

/** A puzzle round on the big screen: its title and the goal every student works toward. */
function puzzleGoal(puzzleId: string): HTMLElement[] {
  const puzzle = puzzleById(puzzleId);
  if (!puzzle) return [];
  const goal = el('ul', { class: 'live-goal', id: 'live-goal' });
  for (const clause of puzzle.goal)
    goal.append(el('li', {}, clauseText(clause, lang()).replace(/`/g, '')));
  return [el('h2', {}, t('live.puzzleGoal', { title: puzzle.title[lang()] })), goal];
}

/** A puzzle round's reveal: the moves of a shortest solution, as the class can read them. */
function solutionView(puzzleId: string): HTMLElement[] {
  const puzzle = puzzleById(puzzleId);
  if (!puzzle) return [];
  return [
    el('h2', {}, t('live.oneSolution', { n: puzzle.solution.length })),
    codeBlock(puzzle.solution.map((code) => ({ code }))),
  ];
}

/** Hidden on the projector view (the class sees that screen). */
function teacherOnly(node: HTMLElement): HTMLElement {
  node.classList.add('live-teacher-only');
  return node;
}
