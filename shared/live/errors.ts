/** Namespaced refusal codes of the live-round machine (`live/...`), with human messages. */

export const LIVE_ERRORS = {
  notHost: 'live/not_host',
  notStudent: 'live/not_student',
  notSystem: 'live/not_system',
  wrongPhase: 'live/wrong_phase',
  locked: 'live/locked',
  lateJoinClosed: 'live/late_join_closed',
  ended: 'live/ended',
  duplicateStudent: 'live/duplicate_student',
  unknownStudent: 'live/unknown_student',
  noItems: 'live/no_items',
  noMoreRounds: 'live/no_more_rounds',
  untimed: 'live/untimed',
  badSeconds: 'live/bad_seconds',
  notPuzzleRound: 'live/not_puzzle_round',
  notPredictRound: 'live/not_predict_round',
  alreadyAnswered: 'live/already_answered',
  alreadySolved: 'live/already_solved',
  noHintsLeft: 'live/no_hints_left',
  nothingToApprove: 'live/nothing_to_approve',
  playlistFull: 'live/playlist_full',
  alreadyInPlaylist: 'live/already_in_playlist',
  noSuchRound: 'live/no_such_round',
  notProgramRound: 'live/not_program_round',
  badAnswers: 'live/bad_answers',
  programRefused: 'live/program_refused',
  noReplay: 'live/no_replay',
  roundPlayed: 'live/round_played',
} as const;
export type LiveErrorCode = (typeof LIVE_ERRORS)[keyof typeof LIVE_ERRORS];

export interface LiveError {
  code: LiveErrorCode;
  message: string;
}

export const liveError = (
  code: LiveErrorCode,
  message: string,
): { ok: false; error: LiveError } => ({
  ok: false,
  error: { code, message },
});
