/**
 * The lesson's playlist: the rounds the class will play, in order. The teacher edits it in the
 * lobby (add, remove, move); once the first round starts it is fixed (machine.ts refuses edits).
 *
 * Contracts: `editPlaylist` never mutates its input; a refused edit is a `live/...` error and
 * changes nothing. A playlist holds 1–PLAYLIST_MAX rounds, each item at most once (by id), so
 * removing the last round is refused: a lesson always has something to start.
 */
import { ok } from '../engine/result.ts';
import { LIVE_ERRORS, liveError, type LiveError } from './errors.ts';

export const PLAYLIST_MAX = 30;

/** `add` carries the resolved item (the server's catalog turns an id into a round first). */
export type PlaylistEdit<T> =
  | { op: 'add'; item: T }
  | { op: 'remove'; index: number }
  | { op: 'move'; from: number; to: number };

const inRange = (list: readonly unknown[], i: number): boolean =>
  Number.isInteger(i) && i >= 0 && i < list.length;

export function editPlaylist<T extends { id: string }>(
  list: readonly T[],
  edit: PlaylistEdit<T>,
): { ok: true; value: T[] } | { ok: false; error: LiveError } {
  switch (edit.op) {
    case 'add':
      if (list.length >= PLAYLIST_MAX)
        return liveError(
          LIVE_ERRORS.playlistFull,
          `A lesson holds at most ${PLAYLIST_MAX} rounds.`,
        );
      if (list.some((x) => x.id === edit.item.id))
        return liveError(LIVE_ERRORS.alreadyInPlaylist, 'That round is already in the lesson.');
      return ok([...list, edit.item]);
    case 'remove':
      if (!inRange(list, edit.index))
        return liveError(LIVE_ERRORS.noSuchRound, 'There is no such round in the lesson.');
      if (list.length === 1)
        return liveError(LIVE_ERRORS.noItems, 'A lesson needs at least one round.');
      return ok(list.filter((_, i) => i !== edit.index));
    case 'move': {
      if (!inRange(list, edit.from) || !inRange(list, edit.to))
        return liveError(LIVE_ERRORS.noSuchRound, 'There is no such round in the lesson.');
      const moved = [...list];
      moved.splice(edit.to, 0, ...moved.splice(edit.from, 1));
      return ok(moved);
    }
  }
}
