/** A scripted @colyseus/sdk participant of a live classroom, for the integration tests. */
import type { Room } from '@colyseus/sdk';
import { expect, vi } from 'vitest';
import type {
  LiveClassroomStateShape,
  LiveRejectedMessage,
  LiveTeacherMessage,
} from '../../shared/live/protocol.ts';
import type {
  ClassroomStateShape,
  RejectedMessage,
  WelcomeMessage,
} from '../../shared/protocol.ts';
import { collect, type TestServer } from '../server/helpers.ts';

export interface Participant {
  room: Room;
  welcome: WelcomeMessage;
  liveRejected: LiveRejectedMessage[];
  rejected: RejectedMessage[];
  teacher: LiveTeacherMessage[];
  kicked: unknown[];
  state(): ClassroomStateShape & LiveClassroomStateShape;
}

export async function participate(make: () => Promise<Room>): Promise<Participant> {
  const room = await make();
  const welcomes = collect<WelcomeMessage>(room, 'welcome');
  const p = {
    room,
    liveRejected: collect<LiveRejectedMessage>(room, 'liveRejected'),
    rejected: collect<RejectedMessage>(room, 'rejected'),
    teacher: collect<LiveTeacherMessage>(room, 'liveTeacher'),
    kicked: collect<unknown>(room, 'liveKicked'),
    state: () => room.state as unknown as ClassroomStateShape & LiveClassroomStateShape,
  };
  collect(room, 'liveHint');
  collect(room, 'applied');
  collect(room, 'completed');
  await vi.waitFor(() => expect(welcomes.length).toBe(1));
  return { ...p, welcome: welcomes[0]! };
}

export const hostClass = (t: TestServer, puzzleId: string) =>
  participate(() => t.client().create('classroom', { host: true, nickname: 'Ms Byte', puzzleId }));

export const joinClass = (t: TestServer, code: string, nickname?: string, token?: string) =>
  participate(() =>
    t.client().joinById(code, { ...(nickname ? { nickname } : {}), ...(token ? { token } : {}) }),
  );

export const hostCmd = (p: Participant, msg: Record<string, unknown>) =>
  p.room.send('liveHost', msg);

/** Waits for the public phase every participant sees. */
export async function phaseIs(p: Participant, phase: string): Promise<void> {
  await vi.waitFor(() => expect(p.state().live?.phase).toBe(phase), { timeout: 10_000 }); // a loaded machine
}
