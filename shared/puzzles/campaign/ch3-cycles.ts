/** Chapter 3 — Circles: cycles that reference counting cannot free, and gc.collect(). */
import type { PuzzleInput } from '../format.ts';
import { py } from './py.ts';

const PAIR = ['a = Node()', 'b = Node()', 'a.next = b', 'b.next = a'];

export const CHAPTER_3: PuzzleInput[] = [
  {
    id: 'list-holds-itself',
    chapter: 3,
    concepts: ['cycles', 'gc-collect'],
    title: { en: 'A list that holds itself', id: 'List yang memegang dirinya sendiri' },
    lesson: {
      en: '`loop.append(loop)` puts an arrow from the list to itself, so its count is 2. After `del loop` the count is 1 and never reaches 0: reference counting is stuck. The cycle collector, `gc.collect()`, finds objects that no name can reach and frees them.',
      id: '`loop.append(loop)` membuat panah dari list ke dirinya sendiri, jadi hitungannya 2. Setelah `del loop` hitungannya 1 dan tidak akan pernah jadi 0: reference counting macet. Pengumpul siklus, `gc.collect()`, mencari objek yang tidak bisa dicapai dari nama mana pun lalu membebaskannya.',
    },
    hints: [
      { en: 'Deleting the name is not enough here.', id: 'Menghapus namanya saja tidak cukup.' },
      {
        en: 'Once no name reaches the list, call the collector.',
        id: 'Setelah tidak ada nama yang mencapai list itu, panggil collector.',
      },
      { en: '`del loop`, then `gc.collect()`.', id: '`del loop`, lalu `gc.collect()`.' },
    ],
    setup: py('gc.disable()', 'loop = []', 'loop.append(loop)'),
    allowed: ['delName', 'collect'],
    goal: [{ kind: 'freed', refs: ['loop'] }],
    par: 2,
    solution: ['del loop', 'gc.collect()'],
  },
  {
    id: 'holding-hands',
    chapter: 3,
    concepts: ['cycles', 'gc-collect'],
    title: { en: 'Holding hands', id: 'Bergandengan tangan' },
    lesson: {
      en: 'Two Nodes point at each other. `gc.collect()` returns how many objects it found unreachable. In Python 3.11 a plain instance counts as one object, so this pair counts 2.',
      id: 'Dua Node saling menunjuk. `gc.collect()` mengembalikan jumlah objek tak terjangkau yang ditemukannya. Di Python 3.11 satu instance biasa dihitung satu objek, jadi pasangan ini dihitung 2.',
    },
    hints: [
      {
        en: 'Each Node keeps the other alive.',
        id: 'Setiap Node membuat Node lainnya tetap hidup.',
      },
      {
        en: 'Drop both names first, then collect.',
        id: 'Hapus dulu kedua namanya, baru panggil collector.',
      },
      { en: '`del a`, `del b`, `gc.collect()`.', id: '`del a`, `del b`, `gc.collect()`.' },
    ],
    setup: py('gc.disable()', ...PAIR),
    allowed: ['delName', 'collect'],
    goal: [
      { kind: 'freed', refs: ['a', 'b'] },
      { kind: 'collectReturned', n: 2 },
    ],
    par: 3,
    solution: ['del a', 'del b', 'gc.collect()'],
  },
  {
    id: 'break-it-by-hand',
    chapter: 3,
    concepts: ['cycles', 'refcount', 'rebind-none'],
    title: { en: 'Break it by hand', id: 'Putuskan sendiri' },
    lesson: {
      en: 'You do not always need the collector. Cut one arrow of the cycle while you can still reach it, and reference counting frees everything the moment the last name goes. That is free: no searching at all.',
      id: 'Kamu tidak selalu butuh collector. Putuskan satu panah di siklus itu selagi masih bisa dijangkau, maka reference counting akan membebaskan semuanya begitu nama terakhir hilang. Caranya gratis, tanpa pencarian sama sekali.',
    },
    hints: [
      {
        en: 'A cycle with one arrow cut is just a chain.',
        id: 'Siklus yang satu panahnya diputus hanyalah sebuah rantai.',
      },
      {
        en: 'Cut `a.next` (or `b.next`) before you drop the names.',
        id: 'Putuskan `a.next` (atau `b.next`) sebelum menghapus nama-namanya.',
      },
      { en: '`a.next = None`, `del a`, `del b`.', id: '`a.next = None`, `del a`, `del b`.' },
    ],
    setup: py('gc.disable()', ...PAIR),
    allowed: ['delName', 'rebindNone', 'deleteRef', 'collect'],
    goal: [{ kind: 'freed', refs: ['a', 'b'] }, { kind: 'noCollect' }],
    par: 3,
    solution: ['a.next = None', 'del a', 'del b'],
  },
  {
    id: 'exactly-two',
    chapter: 3,
    concepts: ['gc-collect', 'cycles'],
    title: { en: 'Exactly two', id: 'Tepat dua' },
    lesson: {
      en: 'The number `gc.collect()` returns counts only objects found unreachable. Objects freed by reference counting are not counted, and neither is anything a name can still reach.',
      id: 'Angka yang dikembalikan `gc.collect()` hanya menghitung objek yang ditemukan tak terjangkau. Objek yang sudah dibebaskan oleh reference counting tidak dihitung, begitu juga objek yang masih bisa dicapai dari sebuah nama.',
    },
    hints: [
      {
        en: 'Two cycles here: a pair and a self-loop.',
        id: 'Ada dua siklus di sini: sepasang Node dan satu list yang memegang dirinya.',
      },
      {
        en: 'The self-loop must survive, so keep its name.',
        id: 'List yang memegang dirinya harus tetap hidup, jadi biarkan namanya.',
      },
      { en: '`del p`, `del q`, `gc.collect()`.', id: '`del p`, `del q`, `gc.collect()`.' },
    ],
    setup: py(
      'gc.disable()',
      'p = Node()',
      'q = Node()',
      'p.next = q',
      'q.next = p',
      's = []',
      's.append(s)',
    ),
    allowed: ['delName', 'collect'],
    goal: [
      { kind: 'collectReturned', n: 2 },
      { kind: 'alive', refs: ['s'] },
    ],
    par: 3,
    solution: ['del p', 'del q', 'gc.collect()'],
  },
  {
    id: 'still-reachable',
    chapter: 3,
    concepts: ['cycles', 'gc-collect', 'containers'],
    title: { en: 'Still reachable', id: 'Masih terjangkau' },
    lesson: {
      en: 'A cycle is only garbage when nothing outside it can reach it. While the list `keep` holds one of the Nodes, `gc.collect()` leaves the whole cycle alone and returns 0.',
      id: 'Sebuah siklus baru menjadi sampah kalau tidak ada apa pun di luar siklus yang bisa mencapainya. Selama list `keep` masih memegang salah satu Node, `gc.collect()` tidak akan menyentuh siklus itu dan mengembalikan 0.',
    },
    hints: [
      {
        en: 'Count every arrow into the cycle from outside.',
        id: 'Hitung semua panah dari luar yang masuk ke siklus.',
      },
      {
        en: 'Names and the list slot all count. Keep the list itself.',
        id: 'Nama dan slot list sama-sama dihitung. List-nya sendiri harus tetap ada.',
      },
      {
        en: '`del a`, `del b`, `keep.clear()`, `gc.collect()`.',
        id: '`del a`, `del b`, `keep.clear()`, `gc.collect()`.',
      },
    ],
    setup: py('gc.disable()', ...PAIR, 'keep = [a]'),
    allowed: ['delName', 'deleteRef', 'collect'],
    goal: [
      { kind: 'freed', refs: ['a', 'b'] },
      { kind: 'alive', refs: ['keep'] },
    ],
    par: 4,
    solution: ['del a', 'del b', 'keep.clear()', 'gc.collect()'],
  },
];
