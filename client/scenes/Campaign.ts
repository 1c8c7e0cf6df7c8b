/**
 * Campaign map: chapters as rows of level buttons with stars. Every level opens (a teacher can
 * jump to chapter 3); progress still shows: stars for solved levels, "new" for the next one in
 * order, and the rest marked not yet played (a word, not colour alone).
 */
import { lang, t } from '../i18n/index.ts';
import { chapters, levelOrder } from '../session/catalog.ts';
import { app } from '../ui/app.ts';
import { MenuScene } from '../ui/MenuScene.ts';
import { say } from '../ui/narrator.ts';
import { isUnlocked } from '../ui/store.ts';
import { setHookInfo } from '../ui/testHook.ts';

export class Campaign extends MenuScene {
  private scrollY = 0;

  constructor() {
    super('Campaign');
  }

  protected compose(width: number, height: number, font: number): void {
    setHookInfo({ scenes: ['Campaign'] });
    const progress = app().progress;
    const order = levelOrder();
    const playable = order.filter((id) => isUnlocked(order, progress, id));
    this.preferredFocus = `level:${playable.find((id) => !progress[id]) ?? playable[playable.length - 1] ?? ''}`;
    let y = 16;
    this.addButton(16, y, {
      id: 'back',
      label: `← ${t('common.back')}`,
      secondary: true,
      onClick: () => this.back(),
    });
    y +=
      this.addText(width / 2, y + 4, t('campaign.title'), Math.round(font * 1.6)).height +
      font * 1.4;
    if (order.length === 0)
      this.addText(width / 2, y, t('campaign.empty'), font, { width: width - 32 });
    const colW = Math.min(width - 32, font * 16);
    const perRow = Math.max(1, Math.floor((width - 32) / (colW + 12)));
    for (const ch of chapters()) {
      const title = ch.title[lang()]
        ? t('campaign.chapter', { n: ch.n, title: ch.title[lang()] })
        : t('campaign.chapter', { n: ch.n, title: '' }).replace(/[:：]\s*$/, '');
      y += this.addText(16, y, title, Math.round(font * 1.15), { align: 'left' }).height + 8;
      let rowH = 0;
      ch.levels.forEach((level, i) => {
        const reached = isUnlocked(order, progress, level.id);
        const stars = progress[level.id]?.stars ?? 0;
        const starText = reached
          ? `${'★'.repeat(stars)}${'☆'.repeat(3 - stars)}`
          : `☆☆☆ · ${t('campaign.ahead')}`;
        const label = `${t('campaign.level', { n: order.indexOf(level.id) + 1, title: level.title[lang()] })}\n${starText}`;
        if (i > 0 && i % perRow === 0) {
          y += rowH + 12;
          rowH = 0;
        }
        const b = this.addButton(16 + (i % perRow) * (colW + 12), y, {
          id: `level:${level.id}`,
          label,
          width: colW,
          secondary: !reached,
          fontSize: Math.round(font * 0.9),
          onClick: () => this.scene.start('Puzzle', { puzzleId: level.id }),
        });
        rowH = Math.max(rowH, b.rect.h);
      });
      y += rowH + font * 1.2;
    }
    this.cameras.main.setScroll(0, Math.max(0, Math.min(this.scrollY, y - height)));
    say(t('campaign.title'));
  }

  protected override back(): void {
    this.scene.start('Menu');
  }
}
