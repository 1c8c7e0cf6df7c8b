/**
 * Base for the menu-like scenes (Menu, Notice, Campaign, Results): rebuilds its content on resize
 * and language change, moves a focus ring with the keyboard (arrows/Tab, Enter/Space, Escape =
 * back), speaks the focused button, and exposes button rectangles to the test hook.
 */
import Phaser from 'phaser';
import { onLangChange } from '../i18n/index.ts';
import { css, FONT_UI } from '../view/theme.ts';
import { app } from './app.ts';
import { Button } from './Button.ts';
import type { ButtonOptions } from './Button.ts';
import { listenKeys } from './keys.ts';
import { say } from './narrator.ts';
import { baseFont, cssCamera, cssSize, textResolution, toPage } from './screen.ts';
import { registerTargets } from './testHook.ts';

export abstract class MenuScene extends Phaser.Scene {
  protected buttons: Button[] = [];
  private focus = 0;
  private fresh = true;
  /** Button id to focus when the scene opens (default: the first button). */
  protected preferredFocus: string | null = null;
  private cleanups: (() => void)[] = [];

  /** Add this scene's texts and buttons for the current size and language. */
  protected abstract compose(width: number, height: number, font: number): void;
  /** Escape key; default: nothing. */
  protected back(): void {}

  create(): void {
    this.focus = 0;
    this.fresh = true;
    this.cleanups = [
      onLangChange(() => this.build()),
      listenKeys((e) => this.onKey(e)),
      registerTargets(this.scene.key, () => this.targets()),
    ];
    this.scale.on('resize', this.build, this);
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      if (!p.isDown) return;
      this.scrollTo(this.cameras.main.scrollY - (p.y - p.prevPosition.y) / this.cameras.main.zoom);
    });
    this.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) => {
      this.scrollTo(this.cameras.main.scrollY + dy);
    });
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.build, this);
      this.cleanups.forEach((c) => c());
    });
    this.build();
  }

  protected build(): void {
    const { width, height } = cssSize(this.scale);
    cssCamera(this);
    this.children.removeAll(true);
    this.buttons = [];
    this.cameras.main.setBackgroundColor(css(app().theme.background));
    this.compose(width, height, baseFont(width, height));
    this.maxScroll = Math.max(0, this.contentBottom() + 16 - height);
    this.scrollTo(this.cameras.main.scrollY);
    if (this.fresh && this.preferredFocus !== null) {
      this.focus = Math.max(
        0,
        this.buttons.findIndex((b) => b.id === this.preferredFocus),
      );
    }
    this.fresh = false;
    this.focus = Math.min(this.focus, Math.max(0, this.buttons.length - 1));
    this.showFocus(false);
  }

  protected addButton(
    x: number,
    y: number,
    o: Omit<ButtonOptions, 'theme' | 'fontSize'> & { fontSize?: number },
  ): Button {
    const { width, height } = this.scale;
    const b = new Button(this, x, y, {
      fontSize: baseFont(width, height),
      ...o,
      theme: app().theme,
    });
    this.buttons.push(b);
    return b;
  }

  protected addText(
    x: number,
    y: number,
    text: string,
    size: number,
    opts: { muted?: boolean; width?: number; align?: 'left' | 'center'; mono?: boolean } = {},
  ): Phaser.GameObjects.Text {
    const theme = app().theme;
    const t = this.add.text(x, y, text, {
      fontFamily: FONT_UI,
      fontSize: `${size}px`,
      color: css(opts.muted ? theme.textMuted : theme.text),
      align: opts.align ?? 'center',
      resolution: textResolution(),
      wordWrap: opts.width ? { width: opts.width, useAdvancedWrap: true } : undefined,
      lineSpacing: 4,
    });
    if ((opts.align ?? 'center') === 'center') t.setOrigin(0.5, 0);
    return t;
  }

  /** Vertical stack of centered buttons of equal width starting at y; returns the bottom. */
  protected column(
    y: number,
    items: Omit<ButtonOptions, 'theme' | 'fontSize'>[],
    font: number,
  ): number {
    const page = cssSize(this.scale).width;
    const width = Math.min(page - 32, font * 18);
    const x = (page - width) / 2;
    for (const item of items) {
      const b = this.addButton(x, y, { ...item, width });
      y += b.rect.h + Math.round(font * 0.6);
    }
    return y;
  }

  /** Buttons side by side, wrapping onto new centred lines; returns the bottom. */
  protected row(
    y: number,
    items: Omit<ButtonOptions, 'theme' | 'fontSize'>[],
    font: number,
  ): number {
    const gap = Math.round(font * 0.6);
    const made = items.map((item) => this.addButton(0, 0, { ...item, fontSize: font }));
    let line: Button[] = [];
    let lineW = 0;
    const flush = (): void => {
      let x = (cssSize(this.scale).width - (lineW - gap)) / 2;
      for (const b of line) {
        b.moveTo(x, y);
        x += b.rect.w + gap;
      }
      y += Math.max(...line.map((b) => b.rect.h)) + gap;
      line = [];
      lineW = 0;
    };
    for (const b of made) {
      if (line.length > 0 && lineW + b.rect.w > cssSize(this.scale).width - 24) flush();
      line.push(b);
      lineW += b.rect.w + gap;
    }
    if (line.length > 0) flush();
    return y;
  }

  private onKey(e: KeyboardEvent): boolean {
    const n = this.buttons.length;
    if (!this.scene.isActive() || n === 0) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight' || (e.key === 'Tab' && !e.shiftKey)) {
      this.moveFocus(1);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft' || (e.key === 'Tab' && e.shiftKey)) {
      this.moveFocus(-1);
    } else if (e.key === 'Enter' || e.key === ' ') {
      this.buttons[this.focus]?.activate();
      return true;
    } else if (e.key === 'Escape') {
      this.back();
      return true;
    } else {
      return false;
    }
    this.showFocus(true);
    return true;
  }

  /** Next enabled button in direction `step` (disabled ones, e.g. locked levels, are skipped). */
  private moveFocus(step: 1 | -1): void {
    const n = this.buttons.length;
    for (let k = 1; k <= n; k++) {
      const i = (this.focus + step * k + n * k) % n;
      if (!this.buttons[i]!.disabled) {
        this.focus = i;
        return;
      }
    }
  }

  /** How far the page scrolls: to its last line, never into blank space. */
  private maxScroll = 0;

  protected scrollTo(y: number): void {
    this.cameras.main.setScroll(0, Math.max(0, Math.min(this.maxScroll, y)));
  }

  private contentBottom(): number {
    let bottom = 0;
    for (const child of this.children.list) {
      const b = (child as unknown as { getBounds?: () => { bottom: number } }).getBounds?.();
      if (b && Number.isFinite(b.bottom)) bottom = Math.max(bottom, b.bottom);
    }
    return bottom;
  }

  private showFocus(speak: boolean): void {
    this.buttons.forEach((b, i) => b.setFocused(i === this.focus));
    const focused = this.buttons[this.focus];
    if (!focused) return;
    const cam = this.cameras.main;
    const r = focused.rect;
    const visible = cam.height / cam.zoom;
    if (r.y < cam.scrollY + 8 || r.y + r.h > cam.scrollY + visible - 8) {
      this.scrollTo(r.y - visible / 3);
    }
    if (speak) say(focused.text.text);
  }

  private targets(): Record<string, { x: number; y: number; w: number; h: number }> {
    const out: Record<string, { x: number; y: number; w: number; h: number }> = {};
    for (const b of this.buttons)
      out[`button:${b.id}`] = toPage(this.game, this.cameras.main, b.rect);
    return out;
  }
}
