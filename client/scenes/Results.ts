/** Results: stars, moves against par, and the way on (next level, again, level map). */
import { lang, t } from '../i18n/index.ts';
import { nextLevel } from '../session/catalog.ts';
import type { Text } from '../../shared/puzzles/format.ts';
import { MenuScene } from '../ui/MenuScene.ts';
import { say } from '../ui/narrator.ts';
import { setHookInfo } from '../ui/testHook.ts';

export interface ResultsData {
  puzzleId: string;
  title: Text;
  moves: number;
  par: number;
  stars: number;
}

export class Results extends MenuScene {
  private result!: ResultsData;

  constructor() {
    super('Results');
  }

  init(data: ResultsData): void {
    this.result = data;
  }

  protected compose(width: number, height: number, font: number): void {
    setHookInfo({ scenes: ['Results'] });
    const d = this.result;
    let y = Math.max(24, height * 0.1);
    y += this.addText(width / 2, y, t('results.title'), Math.round(font * 2)).height + 8;
    y +=
      this.addText(width / 2, y, d.title[lang()], Math.round(font * 1.2), { muted: true }).height +
      font;
    const stars = `${'★'.repeat(d.stars)}${'☆'.repeat(3 - d.stars)}`;
    y += this.addText(width / 2, y, stars, Math.round(font * 3)).height;
    y += this.addText(width / 2, y, t('results.stars', { n: d.stars }), font).height + 6;
    y +=
      this.addText(width / 2, y, t('results.moves', { n: d.moves, par: d.par }), font).height +
      font * 1.5;
    const next = nextLevel(d.puzzleId);
    if (!next) y += this.addText(width / 2, y, t('results.last'), font).height + font;
    this.column(
      y,
      [
        ...(next
          ? [
              {
                id: 'next',
                label: t('results.next'),
                onClick: () => this.scene.start('Puzzle', { puzzleId: next }),
              },
            ]
          : []),
        {
          id: 'retry',
          label: t('results.retry'),
          secondary: true,
          onClick: () => this.scene.start('Puzzle', { puzzleId: d.puzzleId }),
        },
        { id: 'map', label: t('results.map'), secondary: true, onClick: () => this.back() },
      ],
      font,
    );
    say(
      `${t('results.title')} ${t('results.stars', { n: d.stars })}. ${t('results.moves', { n: d.moves, par: d.par })}`,
    );
  }

  protected override back(): void {
    this.scene.start('Campaign');
  }
}
