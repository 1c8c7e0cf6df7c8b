/**
 * Solo verification: a puzzle id and a move list in, the server's own result out. Nothing the
 * client claims is read: the board master replays the moves (the same checks as a room, so a move
 * after the goal is `board/solved`) and scores the board. A replay measures no time and opens no
 * hint, so both count as 0, the same for everyone.
 */
import { createMaster } from '../../shared/board/master.ts';
import type { VerifiedResult } from '../../shared/protocol.ts';
import { ROOM_ERRORS } from '../../shared/protocol.ts';
import type { Rules } from './rules.ts';

export type VerifyOutcome =
  | { ok: true; result: VerifiedResult; stateHash: string }
  | { ok: false; code: string; message: string; moveIndex?: number };

export function verifyMoves(
  rules: Rules,
  puzzleId: string,
  moves: readonly string[],
): VerifyOutcome {
  const puzzle = rules.puzzle(puzzleId);
  if (puzzle === undefined)
    return { ok: false, code: ROOM_ERRORS.unknownPuzzle, message: `No puzzle "${puzzleId}".` };
  const master = createMaster(rules, { inPlace: true });
  const replayed = master.replay(puzzle, moves);
  if (!replayed.ok) {
    const { code, message, moveIndex } = replayed;
    return { ok: false, code, message, moveIndex };
  }
  const s = master.score(replayed.match, 0);
  return {
    ok: true,
    stateHash: rules.hashState(replayed.match.board.engine),
    result: {
      puzzleId,
      solved: s.solved,
      moves: s.moves,
      par: s.par,
      stars: s.stars,
      score: s.points,
    },
  };
}
