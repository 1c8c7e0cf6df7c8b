/** Predict questions: "which objects survive this line?" (the `lines` after the program). */
import { py } from '../campaign/py.ts';
import type { QuestionInput } from './format.ts';

const WHICH = {
  en: 'Which of the named objects are still alive after the highlighted line(s)?',
  id: 'Objek mana saja yang masih hidup setelah baris yang ditandai?',
};

export const SURVIVORS: QuestionInput[] = [
  {
    id: 'survive-alias',
    concepts: ['refcount', 'del'],
    kind: 'survivors',
    prompt: WHICH,
    program: py('gc.disable()', 'a = Node()', 'b = a', 'c = Node()'),
    lines: ['del a'],
    ask: ['a', 'c'],
    distractors: ['c', 'none', 'a'],
    explain: {
      en: 'The first Node still has the name `b`; `del a` removed only one arrow.',
      id: 'Node pertama masih punya nama `b`; `del a` hanya menghapus satu panah.',
    },
  },
  {
    id: 'survive-chain',
    concepts: ['refcount', 'containers'],
    kind: 'survivors',
    prompt: WHICH,
    program: py('gc.disable()', 'a = Node()', 'b = Node()', 'a.next = b'),
    lines: ['del a'],
    ask: ['a', 'b'],
    distractors: ['a, b', 'none', 'a'],
    explain: {
      en: 'The first Node had only the name `a`: freed. Its arrow to the second Node goes too, but `b` still names it.',
      id: 'Node pertama hanya punya nama `a`: dibebaskan. Panahnya ke Node kedua ikut hilang, tapi Node kedua masih bernama `b`.',
    },
  },
  {
    id: 'survive-cycle-del',
    concepts: ['cycles', 'refcount'],
    kind: 'survivors',
    prompt: WHICH,
    program: py('gc.disable()', 'a = Node()', 'b = Node()', 'a.next = b', 'b.next = a'),
    lines: ['del b', 'del a'],
    ask: ['a', 'b'],
    distractors: ['none', 'a', 'b'],
    explain: {
      en: 'Each Node still has one arrow, from the other one. They are garbage, but alive until the collector runs.',
      id: 'Setiap Node masih punya satu panah, dari Node lainnya. Keduanya sampah, tapi tetap hidup sampai collector berjalan.',
    },
  },
  {
    id: 'survive-collect',
    concepts: ['cycles', 'gc-collect'],
    kind: 'survivors',
    prompt: WHICH,
    program: py(
      'gc.disable()',
      'a = Node()',
      'b = Node()',
      'c = Node()',
      'a.next = b',
      'b.next = a',
      'c.next = a',
    ),
    lines: ['del a, b', 'gc.collect()'],
    ask: ['a', 'b', 'c'],
    distractors: ['c', 'none', 'b, c'],
    explain: {
      en: '`c` still reaches the pair through `c.next`, so the whole group is reachable: nothing is collected.',
      id: '`c` masih mencapai pasangan itu lewat `c.next`, jadi seluruh kelompok masih terjangkau: tidak ada yang dikumpulkan.',
    },
  },
  {
    id: 'survive-pop',
    concepts: ['containers', 'refcount'],
    kind: 'survivors',
    prompt: WHICH,
    program: py('gc.disable()', 'a = Node()', 'b = Node()', 'box = [a, b]', 'del a'),
    lines: ['box.pop()'],
    ask: ['box[0]', 'box[1]'],
    distractors: ['box[0]', 'box[1]', 'none'],
    explain: {
      en: '`pop()` removes the last item, the second Node, but the name `b` still holds it. The first Node stays in the box.',
      id: '`pop()` membuang item terakhir, yaitu Node kedua, tapi nama `b` masih memegangnya. Node pertama tetap di dalam box.',
    },
  },
  {
    id: 'survive-weak',
    concepts: ['weakref', 'del'],
    kind: 'survivors',
    prompt: WHICH,
    program: py('gc.disable()', 'a = Node()', 'b = Node()', 'w = weakref.ref(a)', 'box = [b]'),
    lines: ['del a, b'],
    ask: ['a', 'b'],
    distractors: ['a, b', 'a', 'none'],
    explain: {
      en: 'The weak reference does not keep the first Node alive; the list `box` keeps the second one.',
      id: 'Referensi lemah tidak membuat Node pertama tetap hidup; list `box` menjaga Node kedua.',
    },
  },
  {
    id: 'survive-frame',
    concepts: ['frames', 'globals'],
    kind: 'survivors',
    prompt: WHICH,
    program: py(
      'gc.disable()',
      'keep = []',
      'def stash(p):',
      '    keep.append(p)',
      '    del p',
      'a = Node()',
      'b = Node()',
      'stash(a)',
    ),
    lines: ['del a, b'],
    ask: ['a', 'b'],
    distractors: ['b', 'none', 'a, b'],
    explain: {
      en: '`stash` put the first Node in the global list `keep`, which outlives the call. The second Node lost its only name.',
      id: '`stash` menaruh Node pertama di list global `keep`, yang tetap hidup setelah pemanggilan selesai. Node kedua kehilangan satu-satunya namanya.',
    },
  },
];
