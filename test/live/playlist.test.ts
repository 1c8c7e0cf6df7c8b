/**
 * The lesson playlist: the pure edit rule (order, bounds, one of each, played rounds fixed), the
 * machine's phase rule (lobby, reveal, between), and the same through a real classroom room — mirrored order, in-band refusals, and rounds
 * played in the playlist's order.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  editPlaylist,
  newLiveState,
  PLAYLIST_MAX,
  replaceUpcoming,
  type LiveItem,
} from '../../shared/live/index.ts';
import { deepFreeze } from '../helpers/deepFreeze.ts';
import { startTestServer, type TestServer } from '../server/helpers.ts';
import { HOST, must, PUZZLE, QUESTION, refusal, run, student, SYSTEM } from './helpers.ts';
import { hostClass, hostCmd, joinClass, phaseIs } from './liveClient.ts';

const item = (id: string): LiveItem => ({ ...PUZZLE, id });
/** vi.waitFor with room for a loaded machine (the default gives up after 1 s). */
const settle = (check: () => unknown): Promise<unknown> =>
  vi.waitFor(check, { timeout: 15_000, interval: 50 });
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

  it('adds many at once, leaving out those already in the lesson', () => {
    const add = (...xs: string[]) => ({ op: 'append', items: xs.map(item) }) as const;
    expect(ids(editPlaylist(abc, add('c', 'd', 'a', 'e', 'd')))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(editPlaylist(abc, add('c', 'a')))).toBe('live/already_in_playlist');
    const almost = Array.from({ length: PLAYLIST_MAX - 1 }, (_, i) => item(`x${i}`));
    expect(ids(editPlaylist(almost, add('x0', 'y')))).toHaveLength(PLAYLIST_MAX);
    expect(ids(editPlaylist(almost, add('y', 'z')))).toBe('live/playlist_full');
  });

  it('between rounds: played rounds stay put, the rest can be removed, moved or replaced', () => {
    const abcd = deepFreeze([...abc, item('d')]);
    // a and b were played (b was just revealed): they are history.
    expect(ids(editPlaylist(abcd, { op: 'remove', index: 1 }, 2))).toBe('live/round_played');
    expect(ids(editPlaylist(abcd, { op: 'move', from: 3, to: 1 }, 2))).toBe('live/round_played');
    expect(ids(editPlaylist(abcd, { op: 'move', from: 1, to: 3 }, 2))).toBe('live/round_played');
    expect(ids(editPlaylist(abcd, { op: 'move', from: 3, to: 2 }, 2))).toEqual([
      'a',
      'b',
      'd',
      'c',
    ]);
    expect(ids(editPlaylist(abcd, { op: 'remove', index: 2 }, 2))).toEqual(['a', 'b', 'd']);
    expect(ids(editPlaylist(abc, { op: 'remove', index: 2 }, 2))).toBe('live/no_items');
    expect(ids(editPlaylist(abc, { op: 'add', item: item('a') }, 3))).toBe(
      'live/already_in_playlist',
    );
    expect(ids(editPlaylist(abc, { op: 'add', item: item('e') }, 3))).toEqual(['a', 'b', 'c', 'e']);
    const set = ['b', 'x', 'c', 'y'].map(item);
    expect(ids(replaceUpcoming(abcd, set, 2))).toEqual(['a', 'b', 'x', 'c', 'y']);
    expect(ids(replaceUpcoming(abcd, set, 0))).toEqual(['b', 'x', 'c', 'y']);
    expect(ids(replaceUpcoming(abcd, [item('a'), item('b')], 2))).toBe('live/already_in_playlist');
    expect(ids(replaceUpcoming(abcd, [], 0))).toBe('live/no_items');
    const many = Array.from({ length: PLAYLIST_MAX - 1 }, (_, i) => item(`x${i}`));
    expect(ids(replaceUpcoming(abcd, many, 2))).toBe('live/playlist_full');
    expect(abcd.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
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

  it('edits in the lobby; students cannot; never in a round; rounds start in the edited order', () => {
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

  it('edits the rounds still to play at a reveal and between rounds, never in a round', () => {
    const third: LiveItem = { ...QUESTION, id: 'q3' };
    const lesson = run(lobby, T0, [
      [HOST, { type: 'editItems', edit: { op: 'add', item: QUESTION } }],
      [HOST, { type: 'start' }],
      [HOST, { type: 'skip' }],
    ]);
    const revealed = deepFreeze(lesson);
    expect(revealed.phase).toBe('reveal');
    const remove0 = { type: 'editItems', edit: { op: 'remove', index: 0 } } as const;
    expect(refusal(revealed, HOST, remove0, T0)).toBe('live/round_played');
    // At the reveal: a round added after the last, then the set in place of what is left.
    let s = must(revealed, HOST, { type: 'editItems', edit: { op: 'add', item: third } }, T0);
    expect(s.events).toEqual([{ type: 'items', count: 3 }]);
    s = must(s.state, HOST, { type: 'setItems', items: [PUZZLE, third, QUESTION] }, T0);
    expect(s.state.items.map((x) => x.id)).toEqual(['p1', 'q3', 'q1']);
    s = must(s.state, HOST, { type: 'next' }, T0);
    expect(s.state.phase).toBe('between');
    s = must(s.state, HOST, { type: 'editItems', edit: { op: 'move', from: 2, to: 1 } }, T0);
    expect(s.state.items.map((x) => x.id)).toEqual(['p1', 'q1', 'q3']);
    const started = must(s.state, HOST, { type: 'start' }, T0);
    expect(started.events).toEqual([{ type: 'roundStarted', index: 1, item: QUESTION }]);
    expect(refusal(started.state, HOST, remove0, T0)).toBe('live/wrong_phase');
    // The played round's cell is still the student's: edits never move history.
    expect(started.state.students[0]!.cells[0]).toEqual(revealed.students[0]!.cells[0]);
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
    await settle(() => expect(items()).toEqual(['holding-hands']));
    for (const id of ['rc-alias', 'gen-7-2', 'rc-fresh-list'])
      hostCmd(teacher, { cmd: 'playlist', edit: { op: 'add', id } });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'move', from: 3, to: 0 } });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'remove', index: 1 } });
    await settle(() => expect(items()).toEqual(['rc-fresh-list', 'rc-alias', 'gen-7-2']));
    expect([...ada.state().live.items]).toEqual(['rc-fresh-list', 'rc-alias', 'gen-7-2']);
    expect(teacher.state().live.rounds).toBe(3);

    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'add', id: 'no-such-level' } });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'add', id: 'rc-alias' } });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'remove', index: 7 } });
    hostCmd(ada, { cmd: 'playlist', edit: { op: 'remove', index: 0 } });
    await settle(() => expect(teacher.liveRejected.length).toBe(3));
    expect(teacher.liveRejected.map((r) => r.code)).toEqual([
      'puzzle/unknown',
      'live/already_in_playlist',
      'live/no_such_round',
    ]);
    await settle(() => expect(ada.liveRejected.map((r) => r.code)).toEqual(['live/not_host']));

    hostCmd(teacher, { cmd: 'start' });
    await phaseIs(ada, 'running');
    expect(ada.state().live).toMatchObject({
      round: 1,
      rounds: 3,
      kind: 'predict',
      itemId: 'rc-fresh-list',
    });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'move', from: 2, to: 0 } });
    await settle(() => expect(teacher.liveRejected.at(-1)?.code).toBe('live/wrong_phase'));
    hostCmd(teacher, { cmd: 'skip' });
    await phaseIs(ada, 'reveal');
    hostCmd(teacher, { cmd: 'next' });
    await phaseIs(ada, 'between');
    // Between rounds: questions on one concept appended, one moved up, one round dropped.
    const appended = { source: 'predict', ids: ['is-small-int', 'rc-fresh-list'] } as const;
    hostCmd(teacher, { cmd: 'setSet', set: appended, append: true });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'move', from: 3, to: 1 } });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'remove', index: 0 } });
    hostCmd(teacher, { cmd: 'playlist', edit: { op: 'remove', index: 2 } });
    await settle(() => expect(items()).toEqual(['rc-fresh-list', 'is-small-int', 'gen-7-2']));
    expect(teacher.liveRejected.at(-1)?.code).toBe('live/round_played');
    expect(teacher.state().live.rounds).toBe(3);
    hostCmd(teacher, { cmd: 'start' });
    await settle(() =>
      expect(ada.state().live).toMatchObject({ round: 2, itemId: 'is-small-int' }),
    );
    hostCmd(teacher, { cmd: 'skip' });
    await phaseIs(ada, 'reveal');
    hostCmd(teacher, { cmd: 'next' });
    await phaseIs(ada, 'between');
    // The room drops a client's messages past 20 a second (maxMessagesPerSecond): this test sends
    // in bursts no teacher could click, so the window passes before the last command.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    hostCmd(teacher, { cmd: 'start' });
    await settle(() =>
      expect(ada.state().live).toMatchObject({ round: 3, kind: 'puzzle', itemId: 'gen-7-2' }),
    );
    await settle(() => expect(ada.state().puzzleId).toBe('gen-7-2'));
    expect(items()).toEqual(['rc-fresh-list', 'is-small-int', 'gen-7-2']);
  });
});
