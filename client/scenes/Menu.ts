/** Main menu: the four ways to play, plus language, motion and theme switches. */
import { openDaily } from '../challenge/flow.ts';
import { LANGS, t } from '../i18n/index.ts';
import { app } from '../ui/app.ts';
import { MenuScene } from '../ui/MenuScene.ts';
import { setHookInfo } from '../ui/testHook.ts';

export class Menu extends MenuScene {
  constructor() {
    super('Menu');
  }

  protected compose(width: number, height: number, font: number): void {
    setHookInfo({ scenes: ['Menu'] });
    const s = app().settings;
    let y = Math.max(16, height * 0.05);
    if (this.textures.exists('logo') && height > 700) {
      const logo = this.add.image(width / 2, y, 'logo').setOrigin(0.5, 0);
      logo.setScale(Math.min(1, (height * 0.16) / logo.height));
      y += logo.displayHeight + 8;
    }
    y += this.addText(width / 2, y, t('app.title'), Math.round(font * 2.2)).height + 4;
    y += this.addText(width / 2, y, t('app.tagline'), font, { muted: true }).height + font;
    const on = (b: boolean): string => t(b ? 'common.on' : 'common.off');
    y = this.column(
      y,
      [
        { id: 'solo', label: t('menu.playSolo'), onClick: () => this.scene.start('Campaign') },
        {
          id: 'join',
          label: t('menu.joinClass'),
          onClick: () => void import('../live/flow.ts').then((m) => m.openJoin(this)),
        },
        {
          id: 'host',
          label: t('menu.hostClass'),
          onClick: () => void import('../live/flow.ts').then((m) => m.openHost(this)),
        },
        { id: 'daily', label: t('menu.daily'), onClick: () => void openDaily(this) },
        {
          id: 'playground',
          label: t('menu.playground'),
          onClick: () => this.scene.start('Playground'),
        },
      ],
      font,
    );
    y = this.row(
      y + font * 0.4,
      [
        // One button per language, the current one ticked: "Language: X" alone would be ambiguous.
        ...LANGS.map((l) => ({
          id: `lang:${l}`,
          secondary: l !== s.lang,
          label: `${l === s.lang ? '✓ ' : ''}${t(`lang.${l}`)}`,
          onClick: () => app().update({ lang: l }),
        })),
        {
          id: 'motion',
          secondary: true,
          label: t('menu.motion', { state: on(s.reducedMotion) }),
          onClick: () => this.toggle({ reducedMotion: !s.reducedMotion }),
        },
        {
          id: 'theme',
          secondary: true,
          label: t('menu.theme', {
            theme: t(s.theme === 'light' ? 'common.light' : 'common.dark'),
          }),
          onClick: () => this.toggle({ theme: s.theme === 'light' ? 'dark' : 'light' }),
        },
      ],
      Math.max(16, Math.round(font * 0.85)),
    );
    this.addText(width / 2, y + 4, t('menu.keysHint'), Math.max(16, Math.round(font * 0.8)), {
      muted: true,
      width: width - 32,
    });
  }

  private toggle(patch: Parameters<ReturnType<typeof app>['update']>[0]): void {
    app().update(patch);
    this.build();
  }
}
