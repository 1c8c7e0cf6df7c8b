/**
 * The puzzle screen: the heap view (canvas), the DOM panels, the HUD overlay. Every gesture and
 * tool becomes one Python statement sent through the Session; the scene renders what comes back
 * (events narrated, refcount frees fading in cascade order, gc.collect() stepped through its trace).
 */
import Phaser from 'phaser';
import { reachableFromRoots } from '../../shared/engine/query.ts';
import type { EngineState, ObjId } from '../../shared/engine/types.ts';
import { topLevelStatements } from '../../shared/puzzles/questions/replay.ts';
import { lang, t } from '../i18n/index.ts';
import { openLocalSession } from '../session/catalog.ts';
import type { Session, SubmitResult } from '../session/Session.ts';
import { statementFor } from '../session/statements.ts';
import { app } from '../ui/app.ts';
import { listenKeys } from '../ui/keys.ts';
import { clearNarration, say } from '../ui/narrator.ts';
import { PuzzlePanels } from '../ui/PuzzlePanels.ts';
import { registerTargets, setHookInfo } from '../ui/testHook.ts';
import { objectNameWithPath, placeText } from '../view/describe.ts';
import { EMPTY_BOOK, nameObjects } from '../view/names.ts';
import { puzzleFacts, puzzleTargets } from './puzzleHook.ts';
import type { NameBook } from '../view/names.ts';
import type { GcStep } from '../view/gcSteps.ts';
import type { CallStep } from '../view/callSteps.ts';
import type { StepPlayer } from './puzzleSteps.ts';
import { Gestures } from '../view/Gestures.ts';
import type { Selection } from '../view/Gestures.ts';
import { HeapView } from '../view/HeapView.ts';
import { intentToAction } from '../view/intents.ts';
import type { Intent } from '../view/intents.ts';
import { css } from '../view/theme.ts';
import { runTool } from '../ui/puzzleTools.ts';
import type { ToolId } from '../ui/PuzzlePanels.ts';
import { rulesText } from '../ui/rules.ts';
import { columnsFor } from '../view/camera.ts';
import { fitPicture, pictureWidth, placeCamera, zoomPicture } from './puzzleCamera.ts';
import { consoleLine, shortcut } from './puzzleConsole.ts';
import { submitMove } from './puzzleMove.ts';

export class Puzzle extends Phaser.Scene {
  session!: Session;
  heap!: HeapView;
  gestures!: Gestures;
  panels!: PuzzlePanels;
  puzzleId = '';
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
  onSolved: ((moves: readonly string[]) => void) | null = null;

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
      (line) => consoleLine(this, line),
      this.readOnly,
      session.replay !== undefined,
      // The way back: the campaign for a solo board, the class screen for a live board (its
      // session's `exit`); a challenge board has neither.
      this.injected === null || session.exit !== undefined,
    );
    clearNarration();
    this.cleanups = [
      listenKeys((e) => this.gestures.key(e) || shortcut(this, e)),
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
      maxColumns: columnsFor(pictureWidth(this)),
      compact: pictureWidth(this) < 600,
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

  /** Play one statement and show what it did (see puzzleMove.ts). */
  submit(statement: string): Promise<SubmitResult | null> {
    return submitMove(this, statement);
  }

  /** The del bin is drawn (and a drop target) only where `del name` is a move. */
  binShown(): boolean {
    return !this.readOnly && this.session.puzzle.allowed.includes('delName');
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

  onResize(): void {
    placeCamera(this);
    this.redraw();
    this.fit();
  }

  fit(): void {
    fitPicture(this);
  }

  zoomBy(factor: number): void {
    this.autoFit = false;
    zoomPicture(this, factor);
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
