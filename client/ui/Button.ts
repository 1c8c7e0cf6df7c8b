/**
 * A canvas button: rounded rectangle + label, ≥ 48 px tall (touch), with a visible focus ring
 * (thick outline + arrow marker, not colour alone). Pointer and keyboard (via FocusNav) both call
 * `activate`.
 */
import type Phaser from 'phaser';
import { css, FONT_UI } from '../view/theme.ts';
import { textResolution } from './screen.ts';
import type { Theme } from '../view/theme.ts';

export interface ButtonOptions {
  id: string;
  label: string;
  fontSize: number;
  width?: number;
  theme: Theme;
  disabled?: boolean;
  /** Secondary buttons are outlined instead of filled. */
  secondary?: boolean;
  onClick: () => void;
}

export class Button {
  readonly id: string;
  readonly bg: Phaser.GameObjects.Rectangle;
  readonly text: Phaser.GameObjects.Text;
  private readonly ring: Phaser.GameObjects.Rectangle;
  readonly disabled: boolean;
  private readonly onClick: () => void;

  constructor(scene: Phaser.Scene, x: number, y: number, o: ButtonOptions) {
    this.id = o.id;
    this.disabled = o.disabled ?? false;
    this.onClick = o.onClick;
    const pad = Math.round(o.fontSize * 0.9);
    const fill = o.secondary ? o.theme.panel : o.theme.button.fill;
    const color = o.secondary ? o.theme.text : o.theme.button.text;
    // With a fixed width, long labels wrap instead of widening the button (and overlapping others).
    const wrap = o.width ? { width: o.width - pad * 2, useAdvancedWrap: true } : undefined;
    this.text = scene.add
      .text(0, 0, o.label, {
        fontFamily: FONT_UI,
        fontSize: `${o.fontSize}px`,
        color: css(color),
        align: 'center',
        wordWrap: wrap,
        resolution: textResolution(),
      })
      .setOrigin(0.5);
    const w = Math.max(o.width ?? 0, this.text.width + pad * 2);
    const h = Math.max(48, this.text.height + pad);
    this.bg = scene.add
      .rectangle(x, y, w, h, fill)
      .setOrigin(0)
      .setRounded(Math.min(14, h / 3));
    this.bg.setStrokeStyle(2, o.theme.button.stroke);
    this.ring = scene.add
      .rectangle(x - 5, y - 5, w + 10, h + 10)
      .setOrigin(0)
      .setRounded(Math.min(18, h / 3 + 4));
    this.ring.setStrokeStyle(4, o.theme.button.focus).setVisible(false);
    this.text.setPosition(x + w / 2, y + h / 2).setDepth(1);
    if (this.disabled) {
      this.bg.setAlpha(0.45);
      this.text.setAlpha(0.7);
    } else {
      // A drag (scrolling a long menu) that ends on a button is not a press.
      this.bg.setInteractive({ useHandCursor: true }).on('pointerup', (p: Phaser.Input.Pointer) => {
        if (p.getDistance() < 12) this.activate();
      });
    }
  }

  get rect(): { x: number; y: number; w: number; h: number } {
    return { x: this.bg.x, y: this.bg.y, w: this.bg.width, h: this.bg.height };
  }

  moveTo(x: number, y: number): void {
    const { w, h } = this.rect;
    this.bg.setPosition(x, y);
    this.ring.setPosition(x - 5, y - 5);
    this.text.setPosition(x + w / 2, y + h / 2);
  }

  setFocused(focused: boolean): void {
    this.ring.setVisible(focused);
  }

  activate(): void {
    if (!this.disabled) this.onClick();
  }
}
