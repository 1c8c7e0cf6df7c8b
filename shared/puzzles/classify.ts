/**
 * Sorting a move (one Python statement) into the game's palette of MoveKinds, before it runs.
 *
 * Moves use the subset's forms (SUBSET.md §3): a target is a NAME, NAME.attr, NAME[INT] or
 * NAME['k'], and a stored value is a NAME, None or a small int. Anything longer (`a.next.next`)
 * or printing (`print(...)`, see board.ts `inspect`) is not a move. Whether a NAME is a function,
 * a class or a weakref-call is decided by the program's definitions, as Python would.
 */
import type { MoveKind } from './contract.ts';
import type { Text } from './format.ts';

export interface Definitions {
  functions: readonly string[];
  classes: readonly string[];
}

export type Classified =
  { ok: true; kind: MoveKind } | { ok: false; code: string; message: string };

const NAME = String.raw`[A-Za-z_]\w*`;
const STEP = String.raw`(?:\.${NAME}|\[\s*-?\d+\s*\]|\[\s*'${NAME}'\s*\])`;
const TARGET = String.raw`${NAME}${STEP}?`;
const INT = String.raw`-?\d+`;
const ARGS = String.raw`\(\s*(?:${NAME}(?:\s*,\s*${NAME})*)?\s*\)`;

const re = (src: string): RegExp => new RegExp(`^${src}$`);
const DEL_NAME = re(String.raw`del\s+(${NAME})`);
const DEL_MANY = re(String.raw`del\s+${TARGET}(?:\s*,\s*${TARGET})+`);
const DEL_STEP = re(String.raw`del\s+${NAME}${STEP}`);
const COLLECT = re(
  String.raw`(?:gc\.collect\(\s*[012]?\s*\)|print\(\s*gc\.collect\(\s*[012]?\s*\)\s*\))`,
);
const TOGGLE = re(String.raw`gc\.(?:enable|disable)\(\s*\)`);
const METHOD = re(
  String.raw`(?:(${NAME})\s*=\s*)?${NAME}\.(append|pop|clear)\(\s*(?:${NAME})?\s*\)`,
);
const CALL = re(String.raw`(?:(${TARGET})\s*=\s*)?(${NAME})${ARGS}`);
const WEAKREF = re(String.raw`${TARGET}\s*=\s*weakref\.ref\(\s*${NAME}\s*\)`);
const DISPLAY = re(String.raw`${TARGET}\s*=\s*(?:\[[^\]]*\]|\{[^}]*\})`);
const NONE = re(String.raw`${TARGET}\s*=\s*None`);
const STORE = re(String.raw`${TARGET}\s*=\s*(?:${TARGET}|${INT})`);

const unsupported = (message: string): Classified => ({
  ok: false,
  code: 'move/unsupported',
  message,
});

/** Classify a statement, or explain (kindly) why it is not a move. */
export function classifyMove(statement: string, defs: Definitions): Classified {
  const s = statement.trim();
  if (s.includes('\n') || s.includes(';')) return unsupported('One statement per move, please.');
  if (/^print\(/.test(s) && !COLLECT.test(s)) {
    return unsupported(
      'print(...) only looks, it does not change the heap. Try it in the console.',
    );
  }
  if (/^gc\.set_threshold\(/.test(s)) return unsupported('The thresholds are set by the level.');
  if (DEL_MANY.test(s)) return unsupported('Delete one thing per move: `del a`, then `del b`.');
  return classifyForm(s, defs);
}

function classifyForm(s: string, defs: Definitions): Classified {
  const kind = (k: MoveKind): Classified => ({ ok: true, kind: k });
  if (DEL_NAME.test(s)) return kind('delName');
  if (DEL_STEP.test(s)) return kind('deleteRef');
  if (COLLECT.test(s)) return kind('collect');
  if (TOGGLE.test(s)) return kind('toggleGc');
  const method = METHOD.exec(s);
  if (method) return kind(method[2] === 'append' ? 'createRef' : 'deleteRef');
  if (WEAKREF.test(s)) return kind('weakref');
  const call = CALL.exec(s);
  if (call) return classifyCall(call[2] ?? '', s, defs);
  if (DISPLAY.test(s)) return kind('newObject');
  if (NONE.test(s)) return kind('rebindNone');
  if (STORE.test(s)) return kind('createRef');
  return unsupported(
    'That is not a move this game knows. Moves look like `del a`, `a.next = b`, `gc.collect()`.',
  );
}

/** `f(a)` calls a function, `C()` makes an instance, `w()` dereferences a weakref. */
function classifyCall(callee: string, s: string, defs: Definitions): Classified {
  if (defs.functions.includes(callee)) return { ok: true, kind: 'call' };
  if (defs.classes.includes(callee)) {
    return /\(\s*\)$/.test(s)
      ? { ok: true, kind: 'newObject' }
      : unsupported(`${callee}() takes no arguments.`);
  }
  if (/\(\s*\)$/.test(s) && /=/.test(s)) return { ok: true, kind: 'weakref' };
  return unsupported(`There is no function called ${callee} here.`);
}

/** Why a kind of move is locked, for `move/not_allowed` (the client shows the player's language). */
export const NOT_ALLOWED: Record<MoveKind, Text> = {
  newObject: {
    en: 'No new objects in this level: work with the ones already on the heap.',
    id: 'Di level ini kamu tidak boleh membuat objek baru. Pakai objek yang sudah ada di heap.',
  },
  createRef: {
    en: 'No new arrows in this level: you cannot add references here.',
    id: 'Di level ini kamu tidak boleh menambah panah (referensi) baru.',
  },
  deleteRef: {
    en: 'This level does not let you take references out of objects.',
    id: 'Di level ini kamu tidak boleh mencabut referensi dari dalam objek.',
  },
  delName: {
    en: '`del` is switched off in this level. Find another way!',
    id: '`del` dimatikan di level ini. Cari cara lain, ya!',
  },
  rebindNone: {
    en: 'Setting things to None is not allowed in this level.',
    id: 'Di level ini kamu tidak boleh mengisi nama dengan None.',
  },
  weakref: {
    en: 'Weak references are locked in this level.',
    id: 'Referensi lemah (weakref) dikunci di level ini.',
  },
  call: {
    en: 'You cannot call functions in this level.',
    id: 'Di level ini kamu tidak boleh memanggil fungsi.',
  },
  collect: {
    en: 'No gc.collect() in this level: the collector is off-limits!',
    id: 'Tidak boleh memanggil gc.collect() di level ini!',
  },
  toggleGc: {
    en: 'You cannot switch the garbage collector on or off in this level.',
    id: 'Di level ini kamu tidak boleh menyalakan atau mematikan garbage collector.',
  },
};
