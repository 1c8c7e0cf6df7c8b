/** Preloader: a progress bar (with its percentage in words) while the few assets load. */
import Phaser from 'phaser';
import { t } from '../i18n/index.ts';
import { app } from '../ui/app.ts';
import { say } from '../ui/narrator.ts';
import { baseFont, cssCamera, cssSize, textResolution } from '../ui/screen.ts';
import { setHookInfo } from '../ui/testHook.ts';
import { css, FONT_UI } from '../view/theme.ts';

export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  preload(): void {
    const theme = app().theme;
    const { width, height } = cssSize(this.scale);
    cssCamera(this);
    const barW = Math.min(480, width - 48);
    const x = (width - barW) / 2;
    const y = height / 2;
    this.cameras.main.setBackgroundColor(css(theme.background));
    this.add.rectangle(x, y, barW, 24).setOrigin(0).setStrokeStyle(2, theme.panelStroke);
    const bar = this.add.rectangle(x + 3, y + 3, 0, 18, theme.button.fill).setOrigin(0);
    const label = this.add
      .text(width / 2, y - 16, t('boot.loading', { pct: 0 }), {
        fontFamily: FONT_UI,
        fontSize: `${baseFont(width, height)}px`,
        color: css(theme.text),
        resolution: textResolution(),
      })
      .setOrigin(0.5, 1);
    this.load.on('progress', (p: number) => {
      bar.width = (barW - 6) * p;
      label.setText(t('boot.loading', { pct: Math.round(p * 100) }));
    });
    this.load.svg('logo', `${import.meta.env.BASE_URL}logo.svg`, { width: 256, height: 128 });
  }

  create(): void {
    say(t('app.title'));
    setHookInfo({ scenes: ['Menu'] });
    this.scene.start('Menu');
  }
}
