/**
 * The lesson playlist: the pure edit rule (order, bounds, one of each), the machine's lobby-only
 * rule, and the same through a real classroom room — mirrored order, in-band refusals, and rounds
 * played in the playlist's order.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  editPlaylist,
  newLiveState,
  PLAYLIST_MAX,
  type LiveItem,
} from '../../shared/live/index.ts';
import { deepFreeze } from '../helpers/deepFreeze.ts';
import { startTestServer, type TestServer } from '../server/helpers.ts';
import { HOST, must, PUZZLE, QUESTION, refusal, run, student, SYSTEM } from './helpers.ts';
import { hostClass, hostCmd, joinClass, phaseIs } from './liveClient.ts';

const item = (id: string): LiveItem => ({ ...PUZZLE, id });
const ids = (r: ReturnType<typeof editPlaylist<LiveItem>>): string[] | string =>
  r.ok ? r.value.map((x) => x.id) : r.error.code;

describe('editPlaylist', () => {
  const abc = deepFreeze([item('a'), item('b'), item('c')]);

  it('adds at the end, removes by position and moves one round, never changing its input', () => {
    expect(ids(editPlaylist(abc, { op: 'add', item: item('d') }))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(editPlaylist(abc, { op: 'remove', index: 1 }))).toEqual(['a', 'c']);
    expect(ids(editPlaylist(abc, { op: 'move', from: 0, to: 2 }))).toEqual(['b', 'c', 'a']);
    expect(ids(editPlaylist(abc, { op: 'move', from: 2, to: 0 }))).toEqual(['c', 'a', 'b']);
    expect(ids(editPlaylist(abc, { op: 'move', from: 1, to: 1 }))).toEqual(['a', 'b', 'c']);
    expect(abc.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('refuses positions outside the list, a second copy, a 31st round and removing the last', () => {
    expect(ids(editPlaylist(abc, { op: 'remove', index: 3 }))).toBe('live/no_such_round');
    expect(ids(editPlaylist(abc, { op: 'remove', index: -1 }))).toBe('live/no_such_round');
    expect(ids(editPlaylist(abc, { op: 'move', from: 0, to: 3 }))).toBe('live/no_such_round');
    expect(ids(editPlaylist(abc, { op: 'move', from: 1.5, to: 0 }))).toBe('live/no_such_round');
    expect(ids(editPlaylist(abc, { op: 'add', item: item('b') }))).toBe('live/already_in_playlist');
    const full = Array.from({ length: PLAYLIST_MAX }, (_, i) => item(`x${i}`));
    expect(ids(editPlaylist(full, { op: 'add', item: item('y') }))).toBe('live/playlist_full');
    expect(ids(editPlaylist([item('a')], { op: 'remove', index: 0 }))).toBe('live/no_items');
  });
});

describe('the playlist in the machine', () => {
  const T0 = 5_000;
  const lobby = deepFreeze(
    run(newLiveState(3), T0, [
      [HOST, { type: 'setItems', items: [PUZZLE] }],
      [SYSTEM, { type: 'join', studentId: 's1', nickname: 'Ada' }],
    ]),
  );

  it('edits in the lobby only; students cannot; the rounds start in the edited order', () => {
    let s = must(lobby, HOST, { type: 'editItems', edit: { op: 'add', item: QUESTION } }, T0).state;
    s = must(s, HOST, { type: 'editItems', edit: { op: 'move', from: 1, to: 0 } }, T0).state;
    expect(s.items).toEqual([QUESTION, PUZZLE]);
    const edit = { type: 'editItems', edit: { op: 'remove', index: 0 } } as const;
    expect(refusal(s, student('s1'), edit, T0)).toBe('live/not_host');
    const started = must(s, HOST, { type: 'start' }, T0 + 10);
    expect(started.events).toEqual([{ type: 'roundStarted', index: 0, item: QUESTION }]);
    const frozen = deepFreeze(started.state);
    expect(refusal(frozen, HOST, edit, T0 + 20)).toBe('live/wrong_phase');
    expect(refusal(frozen, HOST, { type: 'setItems', items: [PUZZLE] }, T0 + 20)).toBe(
      'live/wrong_phase',
    );
    expect(frozen.items).toEqual([QUESTION, PUZZLE]);
  });
});

describe('the playlist in a classroom room', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('mirrors every edit, refuses bad ones in-band, and plays the rounds in that order', async () => {
    const teacher = await hostClass(t, 'holding-hands');
    const ada = await joinClass(t, teacher.welcome.code, 'Ada');
    const items = (): string[] => [...teacher.state().live.items];
    hostCmd(teacher, { cmd: 'setSet', set: { source: 'items', ids: ['holding-hands'] } });
    await vi.waitFor(() => expect(items()).toEqual(['holding-hands']));
    for (const id of ['rc-alias', 'gen-7-2', 'rc-fresh-list'])
      hostCmd(teacher, { cmd: 'playlist', edit: { op: 'add', id } });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'move', from: 3, to: 0 } });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'remove', index: 1 } });
    await vi.waitFor(() => expect(items()).toEqual(['rc-fresh-list', 'rc-alias', 'gen-7-2']));
    expect([...ada.state().live.items]).toEqual(['rc-fresh-list', 'rc-alias', 'gen-7-2']);
    expect(teacher.state().live.rounds).toBe(3);

    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'add', id: 'no-such-level' } });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'add', id: 'rc-alias' } });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'remove', index: 7 } });
    hostCmd(ada, { cmd: 'playlist', edit: { op: 'remove', index: 0 } });
    await vi.waitFor(() => expect(teacher.liveRejected.length).toBe(3));
    expect(teacher.liveRejected.map((r) => r.code)).toEqual([
      'puzzle/unknown',
      'live/already_in_playlist',
      'live/no_such_round',
    ]);
    await vi.waitFor(() => expect(ada.liveRejected.map((r) => r.code)).toEqual(['live/not_host']));

    hostCmd(teacher, { cmd: 'start' });
    await phaseIs(ada, 'running');
    expect(ada.state().live).toMatchObject({
      round: 1,
      rounds: 3,
      kind: 'predict',
      itemId: 'rc-fresh-list',
    });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'move', from: 2, to: 0 } });
    await vi.waitFor(() => expect(teacher.liveRejected.at(-1)?.code).toBe('live/wrong_phase'));
    hostCmd(teacher, { cmd: 'skip' });
    await phaseIs(ada, 'reveal');
    hostCmd(teacher, { cmd: 'next' });
    await phaseIs(ada, 'between');
    hostCmd(teacher, { cmd: 'start' });
    await vi.waitFor(() =>
      expect(ada.state().live).toMatchObject({ round: 2, itemId: 'rc-alias' }),
    );
    hostCmd(teacher, { cmd: 'skip' });
    await phaseIs(ada, 'reveal');
    hostCmd(teacher, { cmd: 'next' });
    await phaseIs(ada, 'between');
    hostCmd(teacher, { cmd: 'start' });
    await vi.waitFor(() =>
      expect(ada.state().live).toMatchObject({ round: 3, kind: 'puzzle', itemId: 'gen-7-2' }),
    );
    await vi.waitFor(() => expect(ada.state().puzzleId).toBe('gen-7-2'));
    expect(items()).toEqual(['rc-fresh-list', 'rc-alias', 'gen-7-2']);
  });
});
