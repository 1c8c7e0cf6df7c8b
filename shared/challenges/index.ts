/** Daily and weekly challenges: ids and windows, puzzles, replay scoring, ranking, share strings. */
export * from './ids.ts';
export * from './catalog.ts';
export * from './replay.ts';
export * from './rank.ts';
export * from './share.ts';
export * from './steps.ts';
export * from './api.ts';
