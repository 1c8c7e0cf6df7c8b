/**
 * The board master's refusal codes (rooms, /api/verify, the leaderboard and the client sessions
 * all see these). The rules' own refusals keep their codes (`move/not_allowed`, `python/NameError`).
 */
export const BOARD_ERRORS = {
  /** The move was built on another version of the board. */
  stale: 'move/stale',
  nothingToUndo: 'move/nothing_to_undo',
  nothingToRedo: 'move/nothing_to_redo',
  /** Every hint tier is already open. */
  noHint: 'board/no_hint',
  /** A move after the goal was met. */
  solved: 'board/solved',
} as const;
