/** Boot: nothing to load but the background colour; hands over to the Preloader at once. */
import Phaser from 'phaser';
import { css } from '../view/theme.ts';
import { app } from '../ui/app.ts';

export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    this.cameras.main.setBackgroundColor(css(app().theme.background));
    this.scene.start('Preloader');
  }
}
