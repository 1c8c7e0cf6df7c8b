/**
 * HUD overlay, run in parallel above the Puzzle scene: the goal (one line per clause with ✓/○,
 * not colour alone), moves against par, a heap-bytes meter and the stars the current play earns.
 * A replay session (`Session.replay`) has no goal: its title and the heap meter only.
 */
import { cssCamera, cssSize, textResolution } from '../ui/screen.ts';
import Phaser from 'phaser';
import { starsFor } from '../../shared/puzzles/scoring.ts';
import { lang, onLangChange, t } from '../i18n/index.ts';
import type { Session, Snapshot } from '../session/Session.ts';
import { app } from '../ui/app.ts';
import { setHookInfo } from '../ui/testHook.ts';
import { hudFont, hudHeight } from '../view/hudLayout.ts';
import { css, FONT_UI } from '../view/theme.ts';

export class Hud extends Phaser.Scene {
  private session!: Session;
  private startBytes = 1;
  private cleanups: (() => void)[] = [];
  /** While an animation plays, the HUD keeps showing the board it started from (no spoilers). */
  private held: Snapshot | null = null;

  constructor() {
    super('Hud');
  }

  init(data: { session: Session }): void {
    this.session = data.session;
    this.held = null;
  }

  create(): void {
    this.startBytes = Math.max(1, this.session.snapshot().heapBytes);
    this.cleanups = [
      this.session.onChange((s) => this.draw(this.held ?? s)),
      onLangChange(() => this.redraw()),
    ];
    this.scale.on('resize', this.redraw, this);
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.redraw, this);
      this.cleanups.forEach((c) => c());
    });
    this.draw(this.session.snapshot());
  }

  private redraw(): void {
    this.draw(this.held ?? this.session.snapshot());
  }

  /** Keep showing `s` (goal, moves, stars) until release(): the picture has not shown more yet. */
  hold(s: Snapshot): void {
    this.held = s;
  }

  release(): void {
    this.held = null;
    if (this.scene.isActive()) this.redraw();
  }

  private draw(s: Snapshot): void {
    this.children.removeAll(true);
    const theme = app().theme;
    const { width } = cssSize(this.scale);
    cssCamera(this);
    const info = this.session.puzzle;
    const h = hudHeight(width, info.goals.length);
    const font = hudFont(width);
    const line = Math.round(font * 1.3);
    const size = `${font}px`;
    const drawn: string[] = [];
    const text = (x: number, y: number, str: string, bold = false): Phaser.GameObjects.Text => {
      drawn.push(str);
      return this.add.text(x, y, str, {
        fontFamily: FONT_UI,
        fontSize: size,
        color: css(theme.text),
        fontStyle: bold ? 'bold' : 'normal',
        resolution: textResolution(),
      });
    };
    this.add
      .rectangle(0, 0, width, h, theme.panel)
      .setOrigin(0)
      .setStrokeStyle(2, theme.panelStroke);
    const replay = this.session.replay !== undefined;
    const title = info.title[lang()];
    text(
      10,
      6,
      replay
        ? t('hud.replay', { title })
        : `${title} — ${t('hud.goal')}${s.goal.done ? ` · ${t('hud.done')}` : ''}`,
      true,
    );
    info.goals.forEach((g, i) => {
      const met = s.goal.clauses[i]?.met ?? false;
      text(
        16,
        6 + line * (i + 1),
        t(met ? 'hud.clauseMet' : 'hud.clauseOpen', { text: g.text[lang()].replace(/`/g, '') }),
      );
    });
    const wide = width >= 700;
    const meterW = Math.min(font * 16, width - 20);
    const x = wide ? width - meterW - 20 : 10;
    // A replay has no moves/par line: on wide screens its meter moves up beside the title.
    const y = wide ? (replay ? 6 - line : 6) : 6 + line * (info.goals.length + 1);
    if (!replay) {
      const moves = s.board.moves.length;
      const stars = starsFor(s.goal.done, Math.max(1, moves), info.par, s.hintsUsed);
      text(
        x,
        y,
        `${t('hud.moves', { n: moves, par: info.par })}   ${s.goal.done ? `${'★'.repeat(stars)}${'☆'.repeat(3 - stars)}` : ''}`,
      );
    }
    const frac = Math.min(1, s.heapBytes / Math.max(this.startBytes, s.heapBytes, 1));
    this.add
      .rectangle(x, y + line + 2, meterW, line - 2)
      .setOrigin(0)
      .setStrokeStyle(2, theme.panelStroke);
    this.add
      .rectangle(x + 2, y + line + 4, Math.max(0, (meterW - 4) * frac), line - 6, theme.list.fill)
      .setOrigin(0)
      .setStrokeStyle(1, theme.list.stroke);
    text(x + 6, y + line + 1, t('hud.bytes', { n: s.heapBytes }));
    setHookInfo({ hud: drawn });
  }
}
