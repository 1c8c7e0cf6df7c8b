/** A student who solves the class puzzle (so their seat carries a score), for the drop tests. */
import { Client, type Room } from '@colyseus/sdk';
import { expect, vi } from 'vitest';
import type {
  ClassroomStateShape,
  CompletedMessage,
  WelcomeMessage,
} from '../../shared/protocol.ts';
import { collect } from '../server/helpers.ts';

export interface Student {
  room: Room;
  welcome: WelcomeMessage;
  completed: CompletedMessage[];
  reconnects: number;
  left: number[];
}

export async function studentThrough(
  url: string,
  code: string,
  nickname: string,
  token?: string,
): Promise<Student> {
  const room = await new Client(url).joinById(code, { nickname, ...(token ? { token } : {}) });
  const welcomes = collect<WelcomeMessage>(room, 'welcome');
  const completed = collect<CompletedMessage>(room, 'completed');
  collect(room, 'applied');
  collect(room, 'liveTeacher');
  await vi.waitFor(() => expect(welcomes).toHaveLength(1));
  const s: Student = { room, welcome: welcomes[0]!, completed, reconnects: 0, left: [] };
  room.onReconnect(() => s.reconnects++);
  room.onLeave((code) => s.left.push(code));
  return s;
}

export async function solve(s: Student, moves: readonly string[]): Promise<number> {
  moves.forEach((move, i) => s.room.send('move', { move, seq: i + 1 }));
  await vi.waitFor(() => expect(s.completed).toHaveLength(1));
  const score = s.completed[0]!.score;
  await vi.waitFor(() => expect(seatOf(s.room, s.welcome.seatId)?.score).toBe(score));
  return score;
}

export const seatOf = (room: Room, seatId: string) =>
  (room.state as unknown as ClassroomStateShape).seats.get(seatId);
