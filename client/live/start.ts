/**
 * Page load: if the URL is a join link (`/?join=CODE`) or this device was in a live class (a
 * refresh), go there as soon as the Menu is up. The live code and the rejoin start at once, while
 * the game loads, and a cover hides the menu meanwhile: a student in a running class never gets a
 * menu to tap. Everything heavy loads only on this path.
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

/** A plain full-screen "one moment" over the canvas until a live screen replaces it. */
function cover(): HTMLElement {
  const node = document.createElement('div');
  node.id = 'live-screen'; // the live scenes' own screen replaces it (same id)
  node.setAttribute('role', 'status');
  node.textContent = '…';
  Object.assign(node.style, {
    position: 'absolute',
    inset: '0',
    zIndex: '5',
    display: 'grid',
    placeItems: 'center',
    background: 'var(--bg, #f7f5ef)',
    fontSize: '32px',
  });
  (document.getElementById('game') ?? document.body).append(node);
  return node;
}

export function resumeLiveOnStart(game: Phaser.Game): void {
  if (!wanted()) return;
  const shield = cover();
  const planned = import('./flow.ts').then((flow) => ({ flow, plan: flow.planFromUrl() }));
  const timer = window.setInterval(() => {
    if (!game.scene.isActive('Menu')) return;
    window.clearInterval(timer);
    const menu = game.scene.getScene('Menu');
    if (!menu) return shield.remove();
    // The live scene starts on the next frame and replaces the cover (same id); until then the
    // Menu is still the active scene, so the cover stays unless nothing live was started.
    void planned
      .then(({ flow, plan }) => flow.startFromUrl(menu, plan))
      .catch(() => false)
      .then((started) => {
        if (!started) shield.remove(); // nothing to resume: the menu it is
      });
  }, 50);
}
