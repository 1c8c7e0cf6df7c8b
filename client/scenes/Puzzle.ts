/**
 * The puzzle screen: the heap view (canvas), the DOM panels, the HUD overlay. Every gesture and
 * tool becomes one Python statement sent through the Session; the scene renders what comes back
 * (events narrated, refcount frees fading in cascade order, gc.collect() stepped through its trace).
 */
import Phaser from 'phaser';
import { reachableFromRoots } from '../../shared/engine/query.ts';
import type { EngineState, ObjId } from '../../shared/engine/types.ts';
import { topLevelStatements } from '../../shared/puzzles/questions/replay.ts';
import { starsFor } from '../../shared/puzzles/scoring.ts';
import { lang, t } from '../i18n/index.ts';
import { openLocalSession } from '../session/catalog.ts';
import type { Session, SubmitResult } from '../session/Session.ts';
import { statementFor } from '../session/statements.ts';
import { app } from '../ui/app.ts';
import { listenKeys } from '../ui/keys.ts';
import { clearNarration, say } from '../ui/narrator.ts';
import { PuzzlePanels } from '../ui/PuzzlePanels.ts';
import type { ToolId } from '../ui/PuzzlePanels.ts';
import { registerTargets, setHookInfo } from '../ui/testHook.ts';
import { columnsFor, fitCamera, minZoomFor } from '../view/camera.ts';
import { narrate, objectNameWithPath, placeText, splitAtCollection } from '../view/describe.ts';
import type { Hud } from './Hud.ts';
import { EMPTY_BOOK, nameObjects } from '../view/names.ts';
import { puzzleFacts, puzzleTargets } from './puzzleHook.ts';
import type { NameBook } from '../view/names.ts';
import type { GcStep } from '../view/gcSteps.ts';
import { callSteps } from '../view/callSteps.ts';
import type { CallStep } from '../view/callSteps.ts';
import { playCall, playGc } from './puzzleSteps.ts';
import type { StepPlayer } from './puzzleSteps.ts';
import { Gestures } from '../view/Gestures.ts';
import type { Selection } from '../view/Gestures.ts';
import { HeapView } from '../view/HeapView.ts';
import { hudHeight } from '../view/hudLayout.ts';
import { intentToAction } from '../view/intents.ts';
import type { Intent } from '../view/intents.ts';
import { css } from '../view/theme.ts';
import { cssSize, ratioOf } from '../ui/screen.ts';
import { runTool } from '../ui/puzzleTools.ts';
import { consoleMessage, planConsoleLine, replOutput } from '../ui/consoleLine.ts';
import { brokenForGood, rulesText } from '../ui/rules.ts';
import type { GoalStatus } from '../../shared/puzzles/contract.ts';

export class Puzzle extends Phaser.Scene {
  session!: Session;
  heap!: HeapView;
  gestures!: Gestures;
  panels!: PuzzlePanels;
  private puzzleId = '';
  reveal = false;
  hoverNode: ObjId | null = null;
  autoFit = true;
  busy = false;
  /** The session's board is only watched: no move tools, console input or drag gestures. */
  readOnly = false;
  /** The step player on screen (a gc.collect() trace or a call), if any. */
  gc: StepPlayer | null = null;
  private cleanups: (() => void)[] = [];
  /** Every object's lifelong display name (`list①`), shared by the cards, log and gc player. */
  names: NameBook = EMPTY_BOOK;

  /** Callers may hand in their own session and completion callback (daily challenge flow). */
  readonly acceptsSession = true;
  private injected: Session | null = null;
  private onSolved: ((moves: readonly string[]) => void) | null = null;

  constructor() {
    super('Puzzle');
  }

  init(data: {
    puzzleId: string;
    session?: Session;
    onSolved?: (moves: readonly string[]) => void;
  }): void {
    this.puzzleId = data.puzzleId;
    this.injected = data.session ?? null;
    this.onSolved = data.onSolved ?? null;
    this.reveal = false;
    this.autoFit = true;
    this.busy = false;
    this.gc = null;
    this.names = EMPTY_BOOK;
  }

  create(): void {
    const session = this.injected ?? openLocalSession(this.puzzleId);
    if (!session) return void this.scene.start('Campaign');
    this.session = session;
    this.readOnly = session.readOnly === true;
    this.cameras.main.setBackgroundColor(css(app().theme.background));
    this.heap = new HeapView(this, app().theme);
    this.gestures = new Gestures(this, this.heap, {
      intent: (i) => void this.play(i),
      selection: (sel, spoken) => this.onSelection(sel, spoken),
      zoom: (f) => this.zoomBy(f),
      hover: (node) => {
        this.hoverNode = node;
        this.redraw();
      },
    });
    this.gestures.readOnly = this.readOnly;
    const classes = Object.keys(session.snapshot().board.engine.classes);
    this.panels = new PuzzlePanels(
      session.puzzle,
      classes,
      session.functions(),
      (id) => void runTool(this, id as ToolId),
      (line) => this.console(line),
      this.readOnly,
      session.replay !== undefined,
      // The way back: the campaign for a solo board, the class screen for a live board (its
      // session's `exit`); a challenge board has neither.
      this.injected === null || session.exit !== undefined,
    );
    clearNarration();
    this.cleanups = [
      listenKeys((e) => this.gestures.key(e) || this.shortcut(e)),
      registerTargets('Puzzle', () =>
        puzzleTargets(this.game, this.cameras.main, this.heap.layout, this.binShown()),
      ),
      session.onChange(() => {
        if (this.readOnly && !this.busy) this.redraw(); // a watched board follows the student's moves
        this.refreshPanels();
      }),
    ];
    this.scale.on('resize', this.onResize, this);
    // Phones scroll the page (panels under the canvas): input must follow the canvas's new place.
    const page = document.getElementById('app');
    const follow = (): void => this.scale.updateBounds();
    page?.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('scroll', follow, { passive: true });
    this.cleanups.push(() => {
      page?.removeEventListener('scroll', follow);
      window.removeEventListener('scroll', follow);
    });
    this.events.once('shutdown', () => this.teardown());
    this.scene.launch('Hud', { session });
    this.onResize();
    this.renderState(session.snapshot().board.engine, { freed: [] });
    this.refreshPanels();
    say([
      `${session.puzzle.title[lang()]}. ${session.puzzle.lesson[lang()].replace(/`/g, '')}`,
      ...(this.readOnly ? [] : rulesText(session.puzzle.allowed)),
    ]);
  }

  override update(): void {
    this.heap?.update();
  }

  /** Draw a state (the current board unless an animation shows an older one). */
  renderState(
    state: EngineState,
    o: { freed: ObjId[]; gc?: GcStep | null; call?: CallStep | null },
  ): void {
    const garbage = this.reveal ? this.garbageOf(state) : null;
    this.names = nameObjects(this.names, state);
    this.heap.render(state, {
      names: this.names,
      bin: this.binShown(),
      garbage,
      gc: o.gc ?? null,
      selectedSource: this.gestures.sel.source,
      selectedNode: o.call ? o.call.object : this.gestures.sel.node,
      frameFocus: o.call?.frame ?? null,
      hoverNode: this.hoverNode,
      freedOrder: o.freed,
      motion: !app().settings.reducedMotion,
      maxColumns: columnsFor(this.viewWidth()),
      compact: this.viewWidth() < 600,
    });
    if (this.autoFit) this.fit();
    setHookInfo({
      scenes: ['Puzzle', 'Hud'],
      busy: this.busy,
      extra: puzzleFacts(
        this.puzzleId,
        state,
        this.session.snapshot().goal.done,
        this.names,
        this.heap.layout,
        this.cameras.main,
      ),
    });
  }

  private garbageOf(state: EngineState): Set<ObjId> {
    const reachable = reachableFromRoots(state);
    return new Set(
      Object.keys(state.objects)
        .map(Number)
        .filter((id) => !reachable.has(id)),
    );
  }

  redraw(): void {
    if (!this.gc) this.renderState(this.session.snapshot().board.engine, { freed: [] });
  }

  /** Turn an intent into a statement and play it. */
  async play(intent: Intent): Promise<void> {
    const state = this.session.snapshot().board.engine;
    const action = intentToAction(state, intent);
    const statement = action ? statementFor(state, action) : null;
    if (!statement) return say(t('say.rejected', { message: '?' }));
    await this.submit(statement);
  }

  async submit(statement: string): Promise<SubmitResult | null> {
    if (this.busy) return null;
    this.busy = true;
    this.refreshPanels();
    const hud = this.scene.get('Hud') as Hud | null;
    const goalBefore = this.session.snapshot().goal;
    hud?.hold(this.session.snapshot());
    const r = await this.session.submit(statement);
    this.busy = false;
    if (!r.ok) {
      hud?.release();
      const message = consoleMessage(this.defs(), statement, r.error);
      this.panels.setOutput([message], true);
      say(t('say.rejected', { message }));
      this.refreshPanels();
      return r;
    }
    this.gestures.sel = { source: null, node: null, picking: false };
    this.panels.setOutput(r.outcome.output);
    this.warnIfLost(goalBefore);
    const after = r.outcome.board.engine;
    const trace = r.outcome.traces[r.outcome.traces.length - 1];
    // A call is stepped through (frame in, locals, return, frame out) unless a collection ran.
    const actions = trace ? [] : (this.session.actionsOf?.(r.before, r.statement) ?? []);
    const call = callSteps(r.before, actions, nameObjects(this.names, r.before));
    this.names = nameObjects(
      call?.book ?? nameObjects(this.names, r.before),
      after,
      r.outcome.events,
    );
    const moveLine = t(this.session.replay ? 'say.replayMove' : 'say.move', { code: statement });
    if (call) {
      say(moveLine);
      playCall(this, call.steps, () => {
        hud?.release();
        this.checkDone();
      });
      this.refreshPanels();
      return r;
    }
    // What the collection did is told by the gc player as it shows it, then summarised.
    const { now, collection } = splitAtCollection(r.outcome.events);
    say([moveLine, ...narrate(now, r.before, after, this.names)]);
    if (trace) {
      this.reveal = true;
      const summary = collection.filter((e) => e.type === 'collected');
      playGc(this, r.before, trace, () => {
        say(narrate(summary, r.before, after, this.names));
        hud?.release();
        this.checkDone();
      });
    } else {
      const freed = r.outcome.events.flatMap((e) => (e.type === 'freed' ? [e.id] : []));
      this.renderState(after, { freed });
      hud?.release();
      this.checkDone();
    }
    this.refreshPanels();
    return r;
  }

  /** A move that broke a goal for good is named at once, with an undo right there. */
  private warnIfLost(before: GoalStatus): void {
    const broken = brokenForGood(before, this.session.snapshot().goal);
    const clause = this.session.puzzle.goals.find((g) => broken.includes(g.id));
    if (!clause) return;
    const message = t('rules.deadEnd', { goal: clause.text[lang()].replace(/`/g, '') });
    this.panels.setOutput([message], true, {
      label: t('rules.undo'),
      run: () => void runTool(this, 'undo'),
    });
    say(message);
  }

  private checkDone(): void {
    const snap = this.session.snapshot();
    if (!snap.goal.done) return;
    const moves = snap.board.moves.length;
    const stars = starsFor(true, moves, this.session.puzzle.par, snap.hintsUsed);
    say(t('say.goalDone', { n: moves }));
    const data = {
      puzzleId: this.puzzleId,
      title: this.session.puzzle.title,
      moves,
      par: this.session.puzzle.par,
      stars,
    };
    const solved = this.onSolved;
    if (!solved) {
      // The campaign waits for the player: the final picture stays until they ask for results.
      app().record(this.puzzleId, stars, moves);
      const summary = `${t('hud.done')} ${'★'.repeat(stars)}${'☆'.repeat(3 - stars)}`;
      this.panels.showDone(summary, () => this.scene.start('Results', data));
      return;
    }
    // Wall-clock delay: game time crawls when frames are slow (old Chromebooks, busy CI).
    const session = this.session;
    window.setTimeout(
      () => {
        if (this.session !== session || !this.scene.isActive()) return;
        solved(snap.board.moves);
      },
      app().settings.reducedMotion ? 300 : 1400,
    );
  }

  /** The del bin is drawn (and a drop target) only where `del name` is a move. */
  private binShown(): boolean {
    return !this.readOnly && this.session.puzzle.allowed.includes('delName');
  }

  private defs(): { functions: string[]; classes: string[] } {
    const classes = Object.keys(this.session.snapshot().board.engine.classes);
    return { functions: this.session.functions(), classes };
  }

  /** A console line: a move, or a question answered like the REPL. True when it was accepted. */
  private async console(line: string): Promise<boolean> {
    const plan = planConsoleLine(this.defs(), line);
    if (plan.kind === 'move') {
      const r = await this.submit(line);
      return r?.ok === true;
    }
    const r = await this.session.inspect(plan.statement);
    if (!r.ok) {
      const message = consoleMessage(this.defs(), line, r.error);
      this.panels.setOutput([message], true);
      say(t('say.rejected', { message }));
      return false;
    }
    const output = plan.repl ? replOutput(r.output) : r.output;
    this.panels.setOutput([`>>> ${line}`, ...output]);
    say(output.join(' '));
    return true;
  }

  refreshPanels(): void {
    const snap = this.session.snapshot();
    const replay = this.session.replay;
    if (replay)
      this.panels.setCode(
        [...topLevelStatements(replay.before), ...snap.board.moves],
        t('code.replayEmpty'),
      );
    else this.panels.setCode(snap.board.moves);
    const src = this.gestures.selectedSource();
    this.panels.setTools({
      canUndo: snap.canUndo,
      canRedo: snap.canRedo,
      gcEnabled: snap.board.engine.gc.enabled,
      reveal: this.reveal,
      hasSource: src?.place != null,
      hasNode: this.gestures.sel.node !== null || src?.value.t === 'ref',
      busy: this.busy || this.gc !== null,
    });
    this.gestures.enabled = !this.busy && this.gc === null;
    this.events.emit('tools'); // overlays (the reveal bar) follow busy / gc player state
  }

  private onSelection(sel: Selection, spoken: 'source' | 'node' | 'picking' | null): void {
    this.redraw();
    this.refreshPanels();
    const state = this.session.snapshot().board.engine;
    const src = this.gestures.selectedSource();
    const what = src?.place ? placeText([state], src.place) : (src?.label ?? '');
    if (spoken === 'source' && src) say(t('say.selected', { what }));
    if (spoken === 'picking' && src) say(t('say.pickTarget', { what }));
    if (spoken === 'node' && sel.node !== null)
      say(
        t(sel.picking ? 'say.target' : 'say.selected', {
          what: objectNameWithPath(this.names, [state], sel.node),
        }),
      );
  }

  private shortcut(e: KeyboardEvent): boolean {
    const map: Record<string, ToolId> = {
      Delete: 'cut',
      Backspace: 'cut',
      n: 'none',
      w: 'weakref',
      g: 'collect',
      r: 'reveal',
      z: 'undo',
      y: 'redo',
      h: 'hint',
      '+': 'zoomIn',
      '=': 'zoomIn',
      '-': 'zoomOut',
      '0': 'zoomFit',
      '?': 'keys',
    };
    const tool = map[e.key];
    if (!tool) return false;
    void runTool(this, tool);
    return true;
  }

  /**
   * The camera works in device pixels (its viewport and zoom include the pixel ratio); layout
   * decisions (columns, compact cards, fitting) are made in CSS pixels.
   */
  onResize(): void {
    const r = ratioOf(this.scale);
    const { width, height } = cssSize(this.scale);
    const top = hudHeight(width, this.session.puzzle.goals.length);
    this.cameras.main.setViewport(0, top * r, width * r, Math.max(100, height - top) * r);
    this.redraw();
    this.fit();
  }

  private viewWidth(): number {
    return this.cameras.main.width / ratioOf(this.scale);
  }

  fit(): void {
    const l = this.heap.layout;
    if (!l) return;
    const cam = this.cameras.main;
    const r = ratioOf(this.scale);
    const w = cam.width / r;
    const f = fitCamera(l.bounds, w, cam.height / r, minZoomFor(w));
    cam.setZoom(f.zoom * r);
    cam.centerOn(f.centerX, f.centerY);
  }

  zoomBy(factor: number): void {
    const cam = this.cameras.main;
    const r = ratioOf(this.scale);
    this.autoFit = false;
    cam.setZoom(Math.max(0.3 * r, Math.min(2.5 * r, cam.zoom * factor)));
  }

  private teardown(): void {
    this.scale.off('resize', this.onResize, this);
    this.cleanups.forEach((c) => c());
    this.gc?.destroy();
    this.gestures.destroy();
    this.heap.destroy();
    this.panels.destroy();
    this.session.dispose();
    this.scene.stop('Hud');
  }
}
