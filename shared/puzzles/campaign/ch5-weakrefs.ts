/** Chapter 5 — Weak arrows: weak references do not keep objects alive. */
import type { PuzzleInput } from '../format.ts';
import { py } from './py.ts';

const PAIR = ['a = Node()', 'b = Node()', 'a.next = b', 'b.next = a'];

export const CHAPTER_5: PuzzleInput[] = [
  {
    id: 'a-weak-arrow',
    chapter: 5,
    concepts: ['weakref', 'refcount'],
    title: { en: 'A weak arrow', id: 'Panah yang lemah' },
    lesson: {
      en: '`w = weakref.ref(hero)` makes a weak arrow: it does not add to the count, so it cannot keep `hero` alive. Calling `w()` gives the object back, or None once it has been freed.',
      id: '`w = weakref.ref(hero)` membuat panah lemah: panah ini tidak menambah hitungan, jadi tidak bisa membuat `hero` tetap hidup. Memanggil `w()` mengembalikan objeknya, atau None kalau objek itu sudah dibebaskan.',
    },
    hints: [
      {
        en: 'Make the weak arrow while `hero` still has a name.',
        id: 'Buat panah lemahnya selagi `hero` masih punya nama.',
      },
      { en: 'Then remove every strong arrow.', id: 'Lalu hapus semua panah yang kuat.' },
      {
        en: '`w = weakref.ref(hero)`, `del hero`, `del fan`.',
        id: '`w = weakref.ref(hero)`, `del hero`, `del fan`.',
      },
    ],
    setup: py('gc.disable()', 'hero = Node()', 'fan = hero'),
    allowed: ['weakref', 'delName'],
    goal: [
      { kind: 'freed', refs: ['hero'] },
      { kind: 'bound', name: 'w', to: 'weakref' },
    ],
    par: 3,
    solution: ['w = weakref.ref(hero)', 'del hero', 'del fan'],
    scratch: ['w'],
  },
  {
    id: 'still-answering',
    chapter: 5,
    concepts: ['weakref', 'cycles', 'gc-collect'],
    title: { en: 'Still answering', id: 'Masih menjawab' },
    lesson: {
      en: 'Objects in a garbage cycle are still alive until the collector frees them, so `w() is None` stays False after you delete every name. Only `gc.collect()` frees the pair and clears the weak reference.',
      id: 'Objek di dalam siklus sampah masih hidup sampai collector membebaskannya, jadi `w() is None` tetap False walaupun semua nama sudah dihapus. Hanya `gc.collect()` yang membebaskan pasangan itu dan mengosongkan referensi lemahnya.',
    },
    hints: [
      {
        en: 'The weak arrow does not count, but the cycle does.',
        id: 'Panah lemah tidak dihitung, tapi siklusnya dihitung.',
      },
      { en: 'Drop the names, then collect.', id: 'Hapus nama-namanya, lalu kumpulkan.' },
      { en: '`del a`, `del b`, `gc.collect()`.', id: '`del a`, `del b`, `gc.collect()`.' },
    ],
    setup: py('gc.disable()', ...PAIR, 'w = weakref.ref(a)'),
    allowed: ['delName', 'collect'],
    goal: [{ kind: 'weakrefDead', name: 'w', dead: true }],
    par: 3,
    solution: ['del a', 'del b', 'gc.collect()'],
  },
  {
    id: 'rescue',
    chapter: 5,
    concepts: ['weakref', 'cycles'],
    title: { en: 'Rescue!', id: 'Selamatkan!' },
    lesson: {
      en: 'No name reaches this pair any more, but the collector has not run yet, so `w()` still finds one of them. `x = w()` gives you a strong arrow again, and a cycle that a name can reach is not garbage.',
      id: 'Tidak ada nama yang mencapai pasangan ini lagi, tapi collector belum berjalan, jadi `w()` masih bisa menemukan salah satunya. `x = w()` memberimu panah kuat lagi, dan siklus yang bisa dicapai dari sebuah nama bukanlah sampah.',
    },
    hints: [
      {
        en: 'Collecting now would free the pair. Act first.',
        id: 'Kalau dikumpulkan sekarang, pasangan itu akan dibebaskan. Bertindaklah lebih dulu.',
      },
      {
        en: 'Turn the weak arrow back into a strong one.',
        id: 'Ubah panah lemah itu kembali menjadi panah kuat.',
      },
      { en: '`x = w()`, then `gc.collect()`.', id: '`x = w()`, lalu `gc.collect()`.' },
    ],
    setup: py('gc.disable()', ...PAIR, 'w = weakref.ref(a)', 'del a', 'del b'),
    allowed: ['weakref', 'collect'],
    goal: [
      { kind: 'collectReturned', n: 0 },
      { kind: 'weakrefDead', name: 'w', dead: false },
    ],
    par: 2,
    solution: ['x = w()', 'gc.collect()'],
    scratch: ['x'],
  },
  {
    id: 'same-weak-arrow',
    chapter: 5,
    concepts: ['weakref', 'heap-meter'],
    title: { en: 'The same weak arrow', id: 'Panah lemah yang sama' },
    lesson: {
      en: 'A weak reference is an object too: 80 bytes on the heap. Ask for a second `weakref.ref(boss)` while the first is alive and Python hands you the same weakref object, so the heap does not grow.',
      id: 'Referensi lemah juga sebuah objek: 80 byte di heap. Kalau kamu meminta `weakref.ref(boss)` lagi selagi yang pertama masih ada, Python memberikan objek weakref yang sama, jadi heap tidak bertambah.',
    },
    hints: [
      {
        en: 'The budget fits `boss` (56 bytes) and one weakref (80).',
        id: 'Anggarannya cukup untuk `boss` (56 byte) dan satu weakref (80 byte).',
      },
      { en: 'Both names must hold a weakref.', id: 'Kedua nama harus berisi weakref.' },
      {
        en: '`w1 = weakref.ref(boss)`, `w2 = weakref.ref(boss)`.',
        id: '`w1 = weakref.ref(boss)`, `w2 = weakref.ref(boss)`.',
      },
    ],
    setup: py('gc.disable()', 'boss = Node()'),
    allowed: ['weakref', 'createRef'],
    goal: [
      { kind: 'bound', name: 'w1', to: 'weakref' },
      { kind: 'bound', name: 'w2', to: 'weakref' },
      { kind: 'heapAtMost', bytes: 136 },
    ],
    par: 2,
    solution: ['w1 = weakref.ref(boss)', 'w2 = weakref.ref(boss)'],
    scratch: ['w1', 'w2'],
  },
  {
    id: 'weak-way-home',
    chapter: 5,
    concepts: ['weakref', 'cycles', 'refcount'],
    title: { en: 'A weak way home', id: 'Jalan pulang yang lemah' },
    lesson: {
      en: 'Parent and child point at each other: a cycle. Keep a weak arrow back to the parent instead of the strong `child.prev`, and reference counting can free both with no collector at all.',
      id: 'Induk dan anak saling menunjuk: itu siklus. Simpan panah lemah ke induknya sebagai ganti `child.prev` yang kuat, maka reference counting bisa membebaskan keduanya tanpa collector sama sekali.',
    },
    hints: [
      {
        en: 'The weak arrow must exist at the end.',
        id: 'Panah lemahnya harus tetap ada di akhir.',
      },
      {
        en: 'Make `w` first, then cut the strong arrow back, then drop the names.',
        id: 'Buat `w` dulu, lalu putuskan panah kuat ke induk, lalu hapus nama-namanya.',
      },
      {
        en: '`w = weakref.ref(parent)`, `del child.prev`, `del parent`, `del child`.',
        id: '`w = weakref.ref(parent)`, `del child.prev`, `del parent`, `del child`.',
      },
    ],
    setup: py(
      'gc.disable()',
      'parent = Node()',
      'child = Node()',
      'parent.next = child',
      'child.prev = parent',
    ),
    allowed: ['weakref', 'deleteRef', 'delName', 'rebindNone', 'collect'],
    goal: [
      { kind: 'freed', refs: ['parent', 'child'] },
      { kind: 'bound', name: 'w', to: 'weakref' },
      { kind: 'noCollect' },
    ],
    par: 4,
    solution: ['w = weakref.ref(parent)', 'del child.prev', 'del parent', 'del child'],
    scratch: ['w'],
  },
];
