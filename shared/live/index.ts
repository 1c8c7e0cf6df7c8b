/** Live rounds (issue 8): pure rules shared by the classroom room, the client and tests. */
export * from './types.ts';
export * from './errors.ts';
export * from './commands.ts';
export * from './clock.ts';
export * from './machine.ts';
export * from './scoring.ts';
export * from './status.ts';
export * from './phases.ts';
export * from './podium.ts';
export * from './report.ts';
export * from './csv.ts';
export * from './nickname.ts';
export * from './concepts.ts';
export * from './playlist.ts';
export * from './program.ts';
export * from './replay.ts';
