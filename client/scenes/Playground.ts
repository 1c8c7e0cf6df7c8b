/**
 * The Playground: type, paste or open a Python program, run it once (recordTrace), then step
 * through the recording — back, into, over, out — with the campaign's heap picture, the frames
 * as roots, the console, rc changes ringed, and every collection opening the gc player. Stepping
 * back shows an earlier snapshot; nothing is re-run. The program and step are shareable as a
 * link (playground/link.ts).
 */
import Phaser from 'phaser';
import type { Step, Trace } from '../../shared/python/vm/snapshot.ts';
import { printedBy, stepInto, stepOut, stepOver } from '../../shared/python/vm/snapshot.ts';
import { t } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { EXAMPLES } from '../playground/examples.ts';
import { playgroundFacts, playgroundTargets } from '../playground/hook.ts';
import { dragToPan, gcFocus, union } from '../playground/pan.ts';
import { linkHash } from '../playground/link.ts';
import { record } from '../playground/record.ts';
import { PlaygroundPanels } from '../playground/PlaygroundPanels.ts';
import type { PlayTool } from '../playground/PlaygroundPanels.ts';
import { rcOverlay } from '../playground/overlay.ts';
import { refcountLineNote, referenceNote } from '../playground/refNotes.ts';
import { nameStep, stepState, valueIds } from '../playground/toEngine.ts';
import { app } from '../ui/app.ts';
import { listenKeys } from '../ui/keys.ts';
import { say } from '../ui/narrator.ts';
import { ratioOf, screenToWorld } from '../ui/screen.ts';
import { registerTargets, setHookInfo } from '../ui/testHook.ts';
import { columnsFor, fitCamera, followFocus, minZoomFor } from '../view/camera.ts';
import { GcPlayer } from '../view/GcPlayer.ts';
import { gcSteps } from '../view/gcSteps.ts';
import type { GcStep } from '../view/gcSteps.ts';
import { HeapView } from '../view/HeapView.ts';
import { displayName, EMPTY_BOOK } from '../view/names.ts';
import type { NameBook } from '../view/names.ts';
import { css } from '../view/theme.ts';

const DEFAULT_EXAMPLE = '31_node_pair_cycle';

export interface PlaygroundData {
  source?: string;
  step?: number;
  /** A message to show first (a broken share link). */
  notice?: string;
  /**
   * Driven from outside (a live lesson's reveal, client/live/replay.ts): once the run is
   * recorded, `follow` is given a function that shows a step and returns its unsubscribe.
   */
  follow?: (go: (step: number) => void) => () => void;
}

export class Playground extends Phaser.Scene {
  private heap!: HeapView;
  private panels!: PlaygroundPanels;
  private overlay!: Phaser.GameObjects.Container;
  private trace: Trace | null = null;
  private at = 0;
  private names: NameBook = EMPTY_BOOK;
  private gc: GcPlayer | null = null;
  private gcShown: GcStep | null = null;
  /** The gc player's step before the one shown (what changed is what the camera follows). */
  private gcBefore: GcStep | null = null;
  private note: string | null = null;
  private data0: PlaygroundData = {};
  private cleanups: (() => void)[] = [];
  private recording: ReturnType<typeof record> | null = null;

  constructor() {
    super('Playground');
  }

  init(data: PlaygroundData): void {
    this.data0 = data ?? {};
    this.trace = null;
    this.at = 0;
    this.gc = null;
    this.gcShown = null;
    this.note = null;
  }

  create(): void {
    this.cameras.main.setBackgroundColor(css(app().theme.background));
    this.heap = new HeapView(this, app().theme);
    this.overlay = this.add.container(0, 0).setDepth(3);
    this.panels = new PlaygroundPanels((id) => this.tool(id));
    this.scale.on('resize', this.onResize, this);
    dragToPan(this, (p) => this.tap(p));
    this.cleanups = [
      listenKeys((e) => this.key(e)),
      registerTargets('Playground', () =>
        playgroundTargets(this.game, this.cameras.main, this.trace ? this.heap.layout : null),
      ),
    ];
    this.events.once('shutdown', () => this.teardown());
    const { source, step, notice } = this.data0;
    if (source !== undefined) this.run(source, step ?? 0);
    else this.edit(EXAMPLES.find((e) => e.id === DEFAULT_EXAMPLE)?.source ?? '', notice ?? null);
  }

  override update(): void {
    this.heap?.update();
  }

  private edit(source: string, message: string | null): void {
    this.recording?.cancel();
    this.recording = null;
    this.stopGc();
    this.trace = null;
    document.getElementById('app')?.classList.add('pg-editing');
    this.panels.showEditor(source, message);
    this.hook();
  }

  /** Records the run in a worker; the editor says "Running…" meanwhile. */
  private run(source: string, step: number): void {
    this.panels.showRunning();
    this.recording?.cancel();
    const recording = record(source);
    this.recording = recording;
    void recording.done.then((r) => {
      if (this.recording !== recording) return;
      this.recording = null;
      if (r.ok) this.show(r.trace, step);
      else this.edit(source, t(r.reason === 'timeout' ? 'pg.timeout' : 'pg.failed'));
    });
  }

  private show(trace: Trace, step: number): void {
    const source = trace.source;
    this.trace = trace;
    this.names = this.trace.steps.reduce(nameStep, EMPTY_BOOK);
    document.getElementById('app')?.classList.remove('pg-editing');
    this.panels.showStepper(source);
    // The canvas was hidden while editing: main.ts resizes it (a 'resize' event re-fits).
    this.cameras.main.setViewport(0, 0, this.scale.width, this.scale.height);
    this.go(step, false);
    const follow = this.data0.follow;
    if (follow) this.cleanups.push(follow((i) => this.go(i, i === this.at + 1)));
  }

  private tool(id: PlayTool): void {
    const tr = this.trace;
    if (id === 'menu') return void this.scene.start('Menu');
    if (id === 'run') return this.run(this.panels.editor.value, 0);
    if (id === 'edit') return this.edit(tr?.source ?? '', null);
    if (id.startsWith('gc')) return this.gcTool(id);
    if (!tr) return;
    const last = tr.steps.length - 1;
    if (id === 'start') this.go(0, false);
    if (id === 'back') this.go(this.at - 1, false);
    if (id === 'into') this.go(stepInto(tr, this.at), true);
    if (id === 'over') this.go(stepOver(tr, this.at), true);
    if (id === 'out') this.go(stepOut(tr, this.at), true);
    if (id === 'end') this.go(last, false);
    if (id === 'share') void this.share();
  }

  private gcTool(id: PlayTool): void {
    if (!this.gc) return;
    if (id === 'gcBack') this.gc.back();
    if (id === 'gcPlay') this.gc.toggle();
    if (id === 'gcStep') this.gc.step();
    if (id === 'gcSkip') this.gc.skip();
  }

  /** Show step `i`; `forward` = reached by stepping ahead by one (frees fade, gc autoplays). */
  private go(i: number, forward: boolean): void {
    const tr = this.trace;
    if (!tr || tr.steps.length === 0) return;
    const prev = this.at;
    this.stopGc();
    this.at = Math.max(0, Math.min(tr.steps.length - 1, i));
    const step = tr.steps[this.at]!;
    const code = tr.source.split('\n')[step.line - 1]?.trim() ?? '';
    const printed = tr.steps[stepOver(tr, this.at)]!.stdout.slice(step.stdout.length);
    this.note = refcountLineNote(step, code, this.names, printed);
    this.render(step, forward && this.at === prev + 1 ? step.freed : [], null);
    const errorHere = tr.error && (step.event === 'exception' || this.at === tr.steps.length - 1);
    this.panels.show({
      index: this.at,
      total: tr.steps.length,
      line: step.line,
      event: eventKey(step),
      stdout: step.stdout,
      printed: printedBy(tr, this.at),
      error: errorHere ? tr.error!.text : null,
      errorLine: tr.error?.line ?? 0,
      notes: this.notes(tr),
      why: this.note,
    });
    this.panels.setButtons({ atStart: this.at === 0, atEnd: this.at === tr.steps.length - 1 });
    say(
      step.event === 'end'
        ? t('pg.finished')
        : t('pg.say', { n: this.at + 1, line: step.line, code }),
    );
    if (step.event === 'gc' && step.gc) this.playGc(step, forward);
    history.replaceState(null, '', linkHash(tr.source, this.at));
    this.hook();
  }

  private notes(tr: Trace): string[] {
    const notes = [t(tr.engine === 'vm' ? 'pg.engineVm' : 'pg.engine')];
    if (tr.capped) notes.unshift(t('pg.capped', { n: tr.steps.length }));
    if (tr.steps[this.at]?.truncated) notes.unshift(t('pg.truncated'));
    notes.push(this.note ?? t('pg.tapHint'));
    return notes;
  }

  private render(step: Step, freed: number[], gc: GcStep | null): void {
    const cam = this.cameras.main;
    this.heap.render(stepState(step), {
      names: this.names,
      bin: false,
      garbage: null,
      gc,
      selectedSource: null,
      selectedNode: null,
      hoverNode: null,
      freedOrder: freed,
      motion: !app().settings.reducedMotion,
      maxColumns: columnsFor(cam.width / ratioOf(this.scale)),
      compact: cam.width / ratioOf(this.scale) < 600,
      values: valueIds(step),
    });
    rcOverlay(this, this.overlay, this.heap.layout, gc ? {} : step.rcDelta, app().theme);
    this.fit(
      gc ? gcFocus(gc, this.gcBefore) : [...Object.keys(step.rcDelta).map(Number), ...step.born],
    );
  }

  private playGc(step: Step, forward: boolean): void {
    const steps = gcSteps(step.gc!, (id) => displayName(this.names, id));
    const autoplay = forward && !app().settings.reducedMotion;
    const show = (s: GcStep, i: number, changed: boolean): void => {
      this.gcBefore = steps[i - 1] ?? null;
      this.gcShown = s;
      this.render(step, [], s);
      const caption = t(s.caption.key, s.caption.params);
      this.panels.setGcBar({
        caption,
        step: i,
        total: steps.length,
        playing: this.gc?.playing ?? autoplay,
      });
      if (changed) say(caption);
      this.hook();
    };
    const finish = (): void => this.go(this.at + 1, true);
    this.gc = new GcPlayer(this, steps, show, finish, autoplay);
    this.onResize();
  }

  private stopGc(): void {
    this.gc?.destroy();
    this.gc = null;
    this.gcShown = null;
    this.panels?.setGcBar(null);
  }

  /** A tap on a card says where its references come from. */
  private tap(p: Phaser.Input.Pointer): void {
    const step = this.trace?.steps[this.at];
    if (!step) return;
    const id = this.heap.nodeAt(screenToWorld(this.cameras.main, { x: p.x, y: p.y }));
    if (id === null) return;
    this.note = referenceNote(step, id, this.names);
    this.panels.setNotes([this.note]);
    say(this.note);
    this.hook();
  }

  private async share(): Promise<void> {
    const tr = this.trace;
    if (!tr) return;
    const url = `${location.origin}${location.pathname}${linkHash(tr.source, this.at)}`;
    try {
      await navigator.clipboard.writeText(url);
      this.panels.setNotes([t('pg.linkReady'), url]);
    } catch {
      this.panels.setNotes([t('pg.linkShown'), url]);
    }
  }

  private key(e: KeyboardEvent): boolean {
    const map: Record<string, PlayTool> = {
      ArrowRight: 'into',
      ArrowDown: 'over',
      ArrowUp: 'out',
      ArrowLeft: 'back',
      Home: 'start',
      End: 'end',
    };
    const id = map[e.key];
    if (!id || !this.trace) return false;
    this.tool(id);
    return true;
  }

  /** Facts for the read-only test hook: what the screen shows, in data. */
  private hook(): void {
    const extra = playgroundFacts(this.trace, this.at, this.names, this.gcShown);
    setHookInfo({ scenes: ['Playground'], busy: false, extra });
  }

  private onResize(): void {
    this.cameras.main.setViewport(0, 0, this.scale.width, this.scale.height);
    const step = this.trace?.steps[this.at];
    if (step) this.render(step, [], this.gcShown);
  }

  /**
   * Fit the picture; where it does not fit (phones), show what the step changes (`focus` ids):
   * the rest stays a drag away.
   */
  private fit(focus: number[]): void {
    const l = this.heap.layout;
    if (!l) return;
    const cam = this.cameras.main;
    // The camera works in device pixels; fitting is decided in CSS pixels (ui/screen.ts).
    const r = ratioOf(this.scale);
    const [w, h] = [cam.width / r, cam.height / r];
    const rects = focus.flatMap((id) => (l.nodes[id] ? [l.nodes[id].rect] : []));
    const f = followFocus(fitCamera(l.bounds, w, h, minZoomFor(w)), l.bounds, union(rects), w, h);
    cam.setZoom(f.zoom * r);
    cam.centerOn(f.centerX, f.centerY);
  }

  private teardown(): void {
    this.recording?.cancel();
    this.recording = null;
    this.scale.off('resize', this.onResize, this);
    this.cleanups.forEach((c) => c());
    this.stopGc();
    this.heap.destroy();
    this.panels.destroy();
    document.getElementById('app')?.classList.remove('pg-editing');
    history.replaceState(null, '', location.pathname + location.search);
  }
}

function eventKey(step: Step): MessageKey | null {
  if (step.event === 'line') return null;
  return step.gc?.automatic ? 'pg.ev.autoGc' : `pg.ev.${step.event}`;
}
