/**
 * Entry point: one Phaser game (scenes listed in boot order) on #game. RESIZE mode keeps a 1:1
 * pixel mapping so text stays crisp from 360×640 phones to 1920×1080 projectors.
 */
import Phaser from 'phaser';
import { z } from 'zod';
import { app } from './ui/app.ts';
import { installTestHook } from './ui/testHook.ts';
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
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: '#f7f5ef',
    banner: false,
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    render: { antialias: true },
    input: { activePointers: 2 },
    scene: [Boot, Preloader, Menu, Notice, Campaign, Puzzle, Hud, Results, Playground],
  });
  installTestHook(() => game.scene.getScenes(true).map((s) => s.scene.key));
  resumeLiveOnStart(game); // `/?join=CODE` links and a refresh during a live class
  openPlaygroundLinkOnStart(game); // `#pg=…` share links
  // The canvas parent changes size when DOM panels appear (not only on window resize).
  const host = document.getElementById(parent);
  if (host && 'ResizeObserver' in window)
    new ResizeObserver(() => {
      if (game.scale.getParentBounds()) game.scale.refresh();
    }).observe(host);
  return game;
}

startGame('game');
