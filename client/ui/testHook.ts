/**
 * `window.__heapHeroes`: a read-only hook for browser tests and debugging. Scenes register named
 * target providers (button and object rectangles in page CSS pixels) so tests can aim real mouse
 * input; nothing here can change the game.
 */
import { hashState, replay, type Action, type EngineState } from '../../shared/engine/index.ts';

export interface ScreenRect {
  x: number;
  y: number;
  w: number;
  h: number;
}
type Provider = () => Record<string, ScreenRect>;

const providers = new Map<string, Provider>();
const info: { scenes: string[]; busy: boolean; extra: Record<string, unknown>; hud: string[] } = {
  scenes: [],
  busy: false,
  extra: {},
  hud: [],
};

export function registerTargets(owner: string, provider: Provider): () => void {
  providers.set(owner, provider);
  return () => {
    if (providers.get(owner) === provider) providers.delete(owner);
  };
}

export function setHookInfo(patch: Partial<typeof info>): void {
  Object.assign(info, patch);
}

export function installTestHook(activeScenes: () => string[]): void {
  const hook = {
    /** Keys of the scenes running now, top last. */
    active: activeScenes,
    targets(): Record<string, ScreenRect> {
      const all: Record<string, ScreenRect> = {};
      for (const provider of providers.values()) Object.assign(all, provider());
      return all;
    },
    get scenes(): string[] {
      return info.scenes;
    },
    get busy(): boolean {
      return info.busy;
    },
    get extra(): Record<string, unknown> {
      return info.extra;
    },
    /** The HUD's text lines as last drawn (the HUD is canvas, not DOM). */
    get hud(): string[] {
      return info.hud;
    },
    /**
     * Replays an engine log in this browser and returns the state hash, so tests can check that
     * the browser computes bit-for-bit the same states as Node (a pure computation: no game state).
     */
    replayHash(initialJson: string, logJson: string): string {
      const r = replay(JSON.parse(initialJson) as EngineState, JSON.parse(logJson) as Action[]);
      return r.ok ? hashState(r.value) : `rejected at ${r.error.index}: ${r.error.error.code}`;
    },
  };
  (window as unknown as { __heapHeroes: typeof hook }).__heapHeroes = hook;
}
