/**
 * Entry point: one Phaser game (scenes listed in boot order) on #game. The canvas fills its
 * parent and draws at the device's pixel density (backing store = CSS size × ratio, scale zoom
 * 1/ratio), so text stays crisp from 360×640 phones at DPR 3 to 1920×1080 projectors; scenes
 * lay out in CSS pixels (ui/screen.ts).
 */
import Phaser from 'phaser';
import { z } from 'zod';
import { app } from './ui/app.ts';
import { installTestHook } from './ui/testHook.ts';
import { pixelRatio } from './ui/screen.ts';
import { resumeLiveOnStart } from './live/start.ts';
import { Boot } from './scenes/Boot.ts';
import { Preloader } from './scenes/Preloader.ts';
import { Menu } from './scenes/Menu.ts';
import { Notice } from './scenes/Notice.ts';
import { Campaign } from './scenes/Campaign.ts';
import { Puzzle } from './scenes/Puzzle.ts';
import { Hud } from './scenes/Hud.ts';
import { Results } from './scenes/Results.ts';
import { Playground } from './scenes/Playground.ts';
import { openPlaygroundLinkOnStart } from './playground/start.ts';

// The page's Content-Security-Policy forbids eval; zod would otherwise probe `new Function` once.
z.config({ jitless: true });

export function startGame(parent: string): Phaser.Game {
  app();
  const host = document.getElementById(parent);
  const ratio = pixelRatio();
  const box = cssBox(host);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: '#f7f5ef',
    banner: false,
    // At ratio 1 Phaser's own RESIZE mode fits the parent; above it the game is sized by hand.
    scale:
      ratio === 1
        ? { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' }
        : {
            mode: Phaser.Scale.NONE,
            width: box.width * ratio,
            height: box.height * ratio,
            zoom: 1 / ratio,
          },
    render: { antialias: true },
    input: { activePointers: 2 },
    scene: [Boot, Preloader, Menu, Notice, Campaign, Puzzle, Hud, Results, Playground],
  });
  installTestHook(() => game.scene.getScenes(true).map((s) => s.scene.key));
  resumeLiveOnStart(game); // `/?join=CODE` links and a refresh during a live class
  openPlaygroundLinkOnStart(game); // `#pg=…` share links
  // The canvas parent changes size when DOM panels appear (not only on window resize), and the
  // density changes with the browser's zoom or a move to another screen.
  const fit = (): void => {
    if (ratio === 1) {
      if (game.scale.getParentBounds()) game.scale.refresh();
    } else fitToParent(game, host);
  };
  if (host && 'ResizeObserver' in window) new ResizeObserver(fit).observe(host);
  window.addEventListener('resize', fit);
  return game;
}

function cssBox(host: HTMLElement | null): { width: number; height: number } {
  const r = host?.getBoundingClientRect();
  return {
    width: Math.max(1, Math.floor(r?.width ?? 1)),
    height: Math.max(1, Math.floor(r?.height ?? 1)),
  };
}

function fitToParent(game: Phaser.Game, host: HTMLElement | null): void {
  const ratio = pixelRatio();
  const box = cssBox(host);
  const scale = game.scale;
  if (Math.abs(scale.zoom - 1 / ratio) > 1e-9) scale.setZoom(1 / ratio);
  const w = Math.round(box.width * ratio);
  const h = Math.round(box.height * ratio);
  if (w !== scale.width || h !== scale.height) scale.resize(w, h);
}

startGame('game');
