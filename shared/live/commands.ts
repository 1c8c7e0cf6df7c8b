/**
 * Typed commands of the live-round machine. Who may send what is part of the rules:
 * `host` commands come from a teacher seat (host or co-teacher), `student` commands from a
 * student seat (always about themselves), `system` commands from the server itself (joins,
 * board progress measured by the engine, timer ticks).
 */
import type { PlaylistEdit } from './playlist.ts';
import type { Replay } from './replay.ts';
import type { LiveItem, LiveSettings } from './types.ts';

export type HostCommand =
  | { type: 'configure'; settings: Partial<LiveSettings> }
  /** A set in place of the rounds still to play (playlist.ts replaceUpcoming). */
  | { type: 'setItems'; items: readonly LiveItem[] }
  /** Add, remove or move rounds still to play (lobby, reveal, between; playlist.ts). */
  | { type: 'editItems'; edit: PlaylistEdit<LiveItem> }
  | { type: 'kick'; studentId: string }
  | { type: 'approveName'; studentId: string }
  /** Next round; `seconds` overrides settings.roundSeconds (null = untimed). */
  | { type: 'start'; seconds?: number | null }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'extend'; seconds: number }
  /** End the running round now and reveal. */
  | { type: 'skip' }
  /** From the reveal to the between-rounds screen (or the podium after the last round). */
  | { type: 'next' }
  /** To the podium; from the podium, end the session. */
  | { type: 'end' }
  /** At a program round's reveal: show step `step` of the replay (every screen follows). */
  | { type: 'replay'; step: number };

export type StudentCommand =
  | { type: 'answer'; answer: string }
  /** A program round: one line per printed line (program.ts). */
  | { type: 'answerLines'; lines: readonly string[] }
  | { type: 'hint' };

type SystemCommand =
  | { type: 'join'; studentId: string; nickname?: string }
  /** A board changed: `moves` = its version, `solved` = goal met (the engine decided). */
  | { type: 'progress'; studentId: string; moves: number; solved: boolean }
  | { type: 'tick' }
  /** A revealed predict round's replay, recorded by the server when the reveal needs it. */
  | { type: 'attachReplay'; replay: Replay };

export type LiveCommand = HostCommand | StudentCommand | SystemCommand;

export type Actor = { role: 'host' } | { role: 'student'; studentId: string } | { role: 'system' };

export const HOST_COMMANDS = [
  'configure',
  'setItems',
  'editItems',
  'kick',
  'approveName',
  'start',
  'pause',
  'resume',
  'extend',
  'skip',
  'next',
  'end',
  'replay',
] as const satisfies readonly HostCommand['type'][];
export const STUDENT_COMMANDS = [
  'answer',
  'answerLines',
  'hint',
] as const satisfies readonly StudentCommand['type'][];
