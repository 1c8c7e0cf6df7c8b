/**
 * An honest "coming soon" screen for the networked modes (Join, Host, Daily), with a way into the
 * campaign and a way back: no dead buttons.
 */
import { t } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { MenuScene } from '../ui/MenuScene.ts';
import { say } from '../ui/narrator.ts';
import { setHookInfo } from '../ui/testHook.ts';

type Kind = 'join' | 'host' | 'daily';

export class Notice extends MenuScene {
  private kind: Kind = 'join';

  constructor() {
    super('Notice');
  }

  init(data: { kind?: Kind }): void {
    this.kind = data.kind ?? 'join';
  }

  protected compose(width: number, height: number, font: number): void {
    setHookInfo({ scenes: ['Notice'] });
    const title = t(`notice.${this.kind}.title` as MessageKey);
    const body = t(`notice.${this.kind}.body` as MessageKey);
    let y = Math.max(24, height * 0.12);
    y += this.addText(width / 2, y, title, Math.round(font * 1.8)).height + font;
    y +=
      this.addText(width / 2, y, body, font, { width: Math.min(width - 40, font * 30) }).height +
      font * 1.5;
    this.column(
      y,
      [
        { id: 'campaign', label: t('notice.play'), onClick: () => this.scene.start('Campaign') },
        { id: 'back', label: t('common.back'), secondary: true, onClick: () => this.back() },
      ],
      font,
    );
    say(`${title}. ${body}`);
  }

  protected override back(): void {
    this.scene.start('Menu');
  }
}
