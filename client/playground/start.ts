/**
 * Page load with a Playground link in the hash (`#pg=…`): once the Menu is up, open the
 * Playground on that program and step. A broken or old link opens the Playground with a clear
 * message instead of a blank screen.
 */
import type Phaser from 'phaser';
import { t } from '../i18n/index.ts';
import type { PlaygroundData } from '../scenes/Playground.ts';
import { readLink } from './link.ts';

export function openPlaygroundLinkOnStart(game: Phaser.Game): void {
  const link = readLink(location.hash);
  if (!link) return;
  const data: PlaygroundData = link.ok
    ? { source: link.source, step: link.step }
    : { notice: t('pg.brokenLink') };
  const timer = window.setInterval(() => {
    if (!game.scene.isActive('Menu')) return;
    window.clearInterval(timer);
    game.scene.getScene('Menu')?.scene.start('Playground', data);
  }, 50);
}
