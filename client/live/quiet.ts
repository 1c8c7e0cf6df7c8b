/**
 * While a live screen (a DOM layer) covers the whole canvas, Phaser would keep drawing an unseen
 * canvas every frame: on a class's phones that is battery, and on a shared machine it is CPU every
 * other page needs (five idle live pages took about a core in headless chromium; asleep, none).
 * So a covered scene puts the game loop to sleep. Leaving needs the loop (Phaser runs queued scene
 * changes in its step), so the first scene operation queued while asleep wakes it, and so does
 * the covered scene's shutdown.
 */
import type Phaser from 'phaser';

interface SceneQueue {
  queueOp(this: SceneQueue, ...args: unknown[]): unknown;
}

export function quietWhileCovered(scene: Phaser.Scene): void {
  const game = scene.game;
  // Every scene operation (start, stop, sleep… from any ScenePlugin) goes through queueOp, which
  // Phaser's typings leave out.
  const manager = game.scene as unknown as SceneQueue;
  const queueOp = manager.queueOp;
  const wake = (): void => {
    manager.queueOp = queueOp;
    game.loop.wake();
  };
  manager.queueOp = function (this: SceneQueue, ...args: unknown[]) {
    wake();
    return queueOp.apply(this, args);
  };
  scene.events.once('shutdown', wake);
  game.loop.sleep();
}
