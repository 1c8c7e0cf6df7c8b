/**
 * Page load: if the URL is a join link (`/?join=CODE`) or this device was in a live class (a
 * refresh), go there from the Menu once it is up. Everything heavy loads only then.
 */
import type Phaser from 'phaser';
import { LIVE_KEYS } from './keys.ts';

function wanted(): boolean {
  if (new URLSearchParams(location.search).has('join')) return true;
  try {
    return (
      localStorage.getItem(LIVE_KEYS.host) !== null ||
      localStorage.getItem(LIVE_KEYS.student) !== null
    );
  } catch {
    return false;
  }
}

export function resumeLiveOnStart(game: Phaser.Game): void {
  if (!wanted()) return;
  const timer = window.setInterval(() => {
    if (!game.scene.isActive('Menu')) return;
    window.clearInterval(timer);
    const menu = game.scene.getScene('Menu');
    if (menu) void import('./flow.ts').then((m) => m.startFromUrl(menu));
  }, 100);
}
