/**
 * A level's rules up front, and the moves that lose it for good. Pure: no DOM.
 *
 * A goal clause that asks to keep objects alive can never be met again once it breaks (a freed
 * object does not come back), and neither can "at most n deletions" once exceeded: such a move
 * makes the level unwinnable, so the player is told at once and offered an undo.
 */
import type { GoalStatus, MoveKind } from '../../shared/puzzles/contract.ts';
import { MOVE_KINDS } from '../../shared/puzzles/contract.ts';
import type { MessageKey } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';

const KIND_KEY: Record<MoveKind, MessageKey> = {
  newObject: 'rules.newObject',
  createRef: 'rules.createRef',
  deleteRef: 'rules.deleteRef',
  delName: 'rules.delName',
  rebindNone: 'rules.rebindNone',
  weakref: 'rules.weakref',
  call: 'rules.call',
  collect: 'rules.collect',
  toggleGc: 'rules.toggleGc',
};

/** "Allowed here: …" and, when something is locked, "Locked here: …". */
export function rulesText(allowed: readonly MoveKind[]): string[] {
  const list = (kinds: readonly MoveKind[]): string => kinds.map((k) => t(KIND_KEY[k])).join(' · ');
  const locked = MOVE_KINDS.filter((k) => !allowed.includes(k));
  return [
    t('rules.allowed', { moves: list(allowed) }),
    ...(locked.length > 0 ? [t('rules.locked', { moves: list(locked) })] : []),
  ];
}

const FOR_GOOD = /^(alive|maxDeletions)\(/;

/** Goal clauses this move broke beyond repair (met before, unmet now, and never recoverable). */
export function brokenForGood(before: GoalStatus, after: GoalStatus): string[] {
  const metBefore = new Set(before.clauses.filter((c) => c.met).map((c) => c.id));
  return after.clauses
    .filter((c) => !c.met && metBefore.has(c.id) && FOR_GOOD.test(c.id))
    .map((c) => c.id);
}
