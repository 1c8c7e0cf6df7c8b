/**
 * The solver's fast path: the simplest module-level moves turned straight into the one engine
 * action the Python runner would emit for them, skipping parsing and interpretation.
 *
 * Contract: for every statement it accepts, `fastAction` gives the action the runner applies (so
 * the resulting state is identical), or `'reject'` where the runner raises; it returns null for
 * anything else, and callers then use the runner. test/puzzles/fastmove.test.ts checks the
 * parity on every candidate move of every campaign level and of generated puzzles.
 */
import type { Action, EngineState, Place, Value } from '../engine/index.ts';
import { KEYWORDS } from '../python/ast.ts';

const N = String.raw`([A-Za-z_]\w*)`;
const VALUE = String.raw`(None|-?\d+|[A-Za-z_]\w*)`;
const STEP = String.raw`(?:\.([A-Za-z_]\w*)|\[(\d+)\]|\['([A-Za-z_]\w*)'\])`;
const DEL = new RegExp(`^del ${N}${STEP}?$`);
const STORE = new RegExp(`^${N}${STEP}? = ${VALUE}$`);
const METHOD = new RegExp(`^(?:${N} = )?${N}\\.(pop|clear)\\(\\)$`);
const NEW_LIST = new RegExp(`^${N} = \\[((?:${VALUE}(?:, ${VALUE})*)?)\\]$`);
const NEW_DICT = new RegExp(`^${N} = \\{(?:'([A-Za-z_]\\w*)': ${VALUE})?\\}$`);
const NEW_INSTANCE = new RegExp(`^${N} = ${N}\\(\\)$`);
const FIXED: Record<string, Action> = {
  'gc.collect()': { type: 'collect', generation: 2 },
  'gc.enable()': { type: 'gcEnable' },
  'gc.disable()': { type: 'gcDisable' },
};

type Fast = Action | 'reject' | null;

/**
 * The runner's action for a simple canonical statement (see the module contract). `special`
 * holds the names that are never values (functions, classes, modules, builtins).
 */
export function fastAction(
  state: EngineState,
  move: string,
  special: ReadonlySet<string>,
  classes: ReadonlySet<string>,
): Fast {
  if (state.frames.length > 0) return null;
  // Callees (`Node()`, `x.pop()`) are checked by the patterns below; every other word is a name.
  const words = move.match(/[A-Za-z_]\w*(?!\w|\()/g) ?? [];
  if (
    words.some(
      (w, i) => special.has(w) || (KEYWORDS.has(w) && !(i === 0 && w === 'del') && w !== 'None'),
    )
  ) {
    if (!(move in FIXED)) return null;
  }
  const created = newAction(state, move, classes);
  if (created !== null) return created;
  const fixed = FIXED[move];
  if (fixed) return fixed;
  const del = DEL.exec(move);
  if (del) {
    const at = place(state, del, 'del');
    return at === 'reject' ? at : { type: 'delete', at };
  }
  const store = STORE.exec(move);
  if (store) return storeAction(state, store);
  const method = METHOD.exec(move);
  return method ? methodAction(state, method) : null;
}

const int = (text: string): number => Number(text);

/** The place of `N`, `N.attr`, `N[i]` or `N['k']` (groups 1..4 of the match). */
function place(state: EngineState, m: RegExpExecArray, mode: 'store' | 'del'): Place | 'reject' {
  const name = m[1] as string;
  if (m[2] === undefined && m[3] === undefined && m[4] === undefined) {
    if (mode === 'del' && !(name in state.globals)) return 'reject';
    return { kind: 'name', name, scope: 'frame' };
  }
  const v = state.globals[name];
  const obj = v?.t === 'ref' ? state.objects[v.id] : undefined;
  if (!obj) return 'reject';
  if (m[2] !== undefined)
    return obj.kind === 'instance' ? { kind: 'attr', obj: obj.id, name: m[2] } : 'reject';
  if (m[3] !== undefined)
    return obj.kind === 'list' ? { kind: 'item', obj: obj.id, index: int(m[3]) } : 'reject';
  return obj.kind === 'dict' ? { kind: 'key', obj: obj.id, key: m[4] as string } : 'reject';
}

function readValue(state: EngineState, text: string): Value | 'reject' | null {
  if (text === 'None') return { t: 'none' };
  if (/^-?\d+$/.test(text)) {
    const v = int(text);
    return v >= -5 && v <= 256 ? { t: 'int', v } : null;
  }
  return state.globals[text] ?? 'reject';
}

function storeAction(state: EngineState, m: RegExpExecArray): Fast {
  const value = readValue(state, m[5] as string);
  if (value === null || value === 'reject') return value;
  const stepped = m[2] !== undefined || m[3] !== undefined || m[4] !== undefined;
  if (stepped && value.t === 'ref' && state.objects[value.id]?.kind === 'weakref') return null;
  if (m[1] === 'None') return null;
  const into = place(state, m, 'store');
  return into === 'reject' ? into : { type: 'store', into, value };
}

/** `N.pop()`, `X = N.pop()`, `N.clear()`. */
function methodAction(state: EngineState, m: RegExpExecArray): Fast {
  const v = state.globals[m[2] as string];
  const obj = v?.t === 'ref' ? state.objects[v.id] : undefined;
  if (!obj) return 'reject';
  if (m[3] === 'clear')
    return obj.kind === 'list' || obj.kind === 'dict' ? { type: 'clear', obj: obj.id } : null;
  if (obj.kind !== 'list' || obj.items.length === 0) return obj.kind === 'list' ? 'reject' : null;
  const into: Place | null =
    m[1] === undefined ? null : { kind: 'name', name: m[1], scope: 'frame' };
  return { type: 'pop', list: obj.id, into };
}

/** `X = []`, `X = [a, b]`, `X = {}`, `X = {'k': a}`, `X = C()` (C a class). */
function newAction(state: EngineState, move: string, classes: ReadonlySet<string>): Fast {
  const into = (name: string): Place => ({ kind: 'name', name, scope: 'frame' });
  const inst = NEW_INSTANCE.exec(move);
  if (inst)
    return classes.has(inst[2] as string)
      ? {
          type: 'new',
          object: { kind: 'instance', cls: inst[2] as string },
          into: into(inst[1] as string),
        }
      : null;
  const list = NEW_LIST.exec(move);
  if (list) {
    const items =
      (list[2] ?? '') === '' ? [] : (list[2] as string).split(', ').map((t) => readValue(state, t));
    if (items.some((v) => v === null || v === 'reject' || isWeakref(state, v))) return null;
    return {
      type: 'new',
      object: { kind: 'list', items: items as Value[] },
      into: into(list[1] as string),
    };
  }
  const dict = NEW_DICT.exec(move);
  if (!dict) return null;
  if (dict[2] === undefined)
    return { type: 'new', object: { kind: 'dict', entries: [] }, into: into(dict[1] as string) };
  const v = readValue(state, dict[3] as string);
  if (v === null || v === 'reject' || isWeakref(state, v)) return null;
  return {
    type: 'new',
    object: { kind: 'dict', entries: [[dict[2], v]] },
    into: into(dict[1] as string),
  };
}

function isWeakref(state: EngineState, v: Value | 'reject' | null): boolean {
  return v !== null && v !== 'reject' && v.t === 'ref' && state.objects[v.id]?.kind === 'weakref';
}
