/**
 * Plays animation steps — a gc.collect() trace or a function call: play/pause, step, back, done. Each step is shown by the caller
 * (`show`); `finish` runs once, when the player reaches the end and presses Done or skips.
 * Autoplay advances every `interval` ms; in reduced-motion mode it starts paused.
 */
import type Phaser from 'phaser';
import type { GcStep } from './gcSteps.ts';

export class GcPlayer<S = GcStep> {
  index = 0;
  playing: boolean;
  private timer: Phaser.Time.TimerEvent | null = null;
  private done = false;
  private spoken = -1;
  private readonly scene: Phaser.Scene;
  readonly steps: S[];
  private readonly show: (step: S, index: number, changed: boolean) => void;
  private readonly finish: () => void;
  private readonly interval: number;

  constructor(
    scene: Phaser.Scene,
    steps: S[],
    show: (step: S, index: number, changed: boolean) => void,
    finish: () => void,
    autoplay: boolean,
    interval = 900,
  ) {
    this.scene = scene;
    this.steps = steps;
    this.show = show;
    this.finish = finish;
    this.interval = interval;
    this.playing = autoplay;
    this.render();
    if (autoplay) this.schedule();
  }

  toggle(): void {
    this.playing = !this.playing;
    if (this.playing) this.schedule();
    else this.cancel();
    this.render();
  }

  step(): void {
    if (this.index < this.steps.length - 1) {
      this.index += 1;
      this.render();
    } else {
      this.skip();
    }
  }

  back(): void {
    this.playing = false;
    this.cancel();
    this.index = Math.max(0, this.index - 1);
    this.render();
  }

  skip(): void {
    if (this.done) return;
    this.done = true;
    this.cancel();
    this.finish();
  }

  private schedule(): void {
    this.cancel();
    this.timer = this.scene.time.delayedCall(this.interval, () => {
      if (!this.playing || this.done) return;
      if (this.index >= this.steps.length - 1) {
        this.playing = false;
        this.render();
        return;
      }
      this.index += 1;
      this.render();
      this.schedule();
    });
  }

  private cancel(): void {
    this.timer?.remove(false);
    this.timer = null;
  }

  private render(): void {
    const step = this.steps[this.index];
    if (step !== undefined) this.show(step, this.index, this.index !== this.spoken);
    this.spoken = this.index;
  }

  destroy(): void {
    this.done = true;
    this.cancel();
  }
}
