/**
 * The lesson's playlist: the rounds the class will play, in order. The teacher edits it in the
 * lobby and again between rounds (at a reveal and on the between-rounds screen): the rounds
 * already played — and the one just revealed — are history and stay where they are; the rounds
 * still to play can be added, removed, reordered or replaced by a whole set.
 *
 * Contracts: nothing here mutates its input; a refused edit is a `live/...` error and changes
 * nothing. A playlist holds at most PLAYLIST_MAX rounds, each item at most once (by id), and
 * always at least one round still to play once the teacher edits it (removing the last one is
 * refused: a lesson has something to start; the teacher ends it with "End" instead).
 */
import { ok } from '../engine/result.ts';
import { LIVE_ERRORS, liveError, type LiveError } from './errors.ts';
import type { LiveState } from './types.ts';

export const PLAYLIST_MAX = 30;

/** Rounds that have started (0..round.index, whatever their outcome): history, fixed in place. */
export const playedRounds = (state: Pick<LiveState, 'round'>): number =>
  state.round === null ? 0 : state.round.index + 1;

/**
 * `add` (one round) and `append` (a set) carry resolved items (the server's catalog turns ids into
 * rounds first); both go after the last round.
 */
export type PlaylistEdit<T> =
  | { op: 'add'; item: T }
  | { op: 'append'; items: readonly T[] }
  | { op: 'remove'; index: number }
  | { op: 'move'; from: number; to: number };

type Edited<T> = { ok: true; value: T[] } | { ok: false; error: LiveError };

const full = (): { ok: false; error: LiveError } =>
  liveError(LIVE_ERRORS.playlistFull, `A lesson holds at most ${PLAYLIST_MAX} rounds.`);

/** A position among the rounds still to play (`played` = how many rounds are history). */
function upcoming(list: readonly unknown[], played: number, i: number): LiveError | null {
  if (!Number.isInteger(i) || i < 0 || i >= list.length)
    return { code: LIVE_ERRORS.noSuchRound, message: 'There is no such round in the lesson.' };
  if (i < played)
    return { code: LIVE_ERRORS.roundPlayed, message: 'That round was already played.' };
  return null;
}

/** `items` without the ones `list` already holds (and without repeats among themselves). */
function fresh<T extends { id: string }>(list: readonly T[], items: readonly T[]): T[] {
  const seen = new Set(list.map((x) => x.id));
  const out: T[] = [];
  for (const x of items)
    if (!seen.has(x.id)) {
      seen.add(x.id);
      out.push(x);
    }
  return out;
}

/** One edit; `played` rounds at the start are history (0 in the lobby). */
export function editPlaylist<T extends { id: string }>(
  list: readonly T[],
  edit: PlaylistEdit<T>,
  played = 0,
): Edited<T> {
  switch (edit.op) {
    case 'add':
    case 'append': {
      const items = edit.op === 'add' ? [edit.item] : edit.items;
      const added = fresh(list, items);
      if (added.length === 0)
        return liveError(
          LIVE_ERRORS.alreadyInPlaylist,
          edit.op === 'add'
            ? 'That round is already in the lesson.'
            : 'Those rounds are already in the lesson.',
        );
      if (list.length + added.length > PLAYLIST_MAX) return full();
      return ok([...list, ...added]);
    }
    case 'remove': {
      const bad = upcoming(list, played, edit.index);
      if (bad) return { ok: false, error: bad };
      if (list.length - played === 1)
        return liveError(LIVE_ERRORS.noItems, 'A lesson needs at least one round to play.');
      return ok(list.filter((_, i) => i !== edit.index));
    }
    case 'move': {
      const bad = upcoming(list, played, edit.from) ?? upcoming(list, played, edit.to);
      if (bad) return { ok: false, error: bad };
      const moved = [...list];
      moved.splice(edit.to, 0, ...moved.splice(edit.from, 1));
      return ok(moved);
    }
  }
}

/**
 * A whole set in place of the rounds still to play (the lobby: the whole lesson). Rounds of the
 * set already played are left out; a set with nothing new is refused.
 */
export function replaceUpcoming<T extends { id: string }>(
  list: readonly T[],
  items: readonly T[],
  played = 0,
): Edited<T> {
  const history = list.slice(0, played);
  const next = fresh(history, items);
  if (next.length === 0)
    return played === 0 || items.length === 0
      ? liveError(LIVE_ERRORS.noItems, 'Pick at least one puzzle or question.')
      : liveError(LIVE_ERRORS.alreadyInPlaylist, 'Every round of that set was already played.');
  if (history.length + next.length > PLAYLIST_MAX) return full();
  return ok([...history, ...next]);
}
