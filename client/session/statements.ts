/**
 * Spells a gesture's engine Action as the one Python statement a player would type, using the
 * Python runner's renderer (names from the current scope, shortest paths). Returns null when some
 * object has no path from a name: then no statement can reach it — exactly as in Python.
 * The session still parses and checks the statement: this only chooses words.
 */
import type { Action } from '../../shared/engine/actions.ts';
import type { EngineState } from '../../shared/engine/types.ts';
import { renderAction } from '../../shared/python/render.ts';

export function statementFor(state: EngineState, action: Action): string | null {
  const statement = renderAction(state, action);
  return statement.includes('<unreachable') ? null : statement;
}
