/** Chapter 1 — Names and objects: the Stack holds names, the Heap holds objects, arrows count. */
import type { PuzzleInput } from '../format.ts';
import { py } from './py.ts';

export const CHAPTER_1: PuzzleInput[] = [
  {
    id: 'one-name-one-list',
    chapter: 1,
    concepts: ['stack-heap', 'del'],
    title: { en: 'One name, one list', id: 'Satu nama, satu list' },
    lesson: {
      en: 'A name lives on the Stack; the list it names lives on the Heap. The name is just an arrow (a reference) to the list. When the last arrow to an object is gone, Python frees the object at once.',
      id: 'Nama tinggal di Stack, sedangkan list-nya tinggal di Heap. Nama itu cuma panah (referensi) yang menunjuk ke list. Begitu panah terakhir ke sebuah objek hilang, Python langsung membebaskan objek itu.',
    },
    hints: [
      {
        en: 'How many arrows point at the list?',
        id: 'Ada berapa panah yang menunjuk ke list itu?',
      },
      {
        en: '`del` removes a name, and with it, its arrow.',
        id: '`del` menghapus sebuah nama, sekaligus panahnya.',
      },
      { en: 'Type `del box`.', id: 'Ketik `del box`.' },
    ],
    setup: py('gc.disable()', 'box = []'),
    allowed: ['delName'],
    goal: [{ kind: 'freed', refs: ['box'] }],
    par: 1,
    solution: ['del box'],
  },
  {
    id: 'two-names-one-list',
    chapter: 1,
    concepts: ['refcount', 'del', 'stack-heap'],
    title: { en: 'Two names, one list', id: 'Dua nama, satu list' },
    lesson: {
      en: '`also = box` does not copy the list: it adds a second arrow to the same list. Every object counts its arrows (its reference count). `del box` removes one arrow, not the list.',
      id: '`also = box` tidak menyalin list. Perintah itu hanya menambah panah kedua ke list yang sama. Setiap objek menghitung panah yang menunjuk kepadanya (reference count). `del box` hanya menghapus satu panah, bukan list-nya.',
    },
    hints: [
      { en: 'The list has a reference count of 2.', id: 'Reference count list ini adalah 2.' },
      { en: 'Each `del` takes away one arrow.', id: 'Setiap `del` mengurangi satu panah.' },
      { en: '`del box`, then `del also`.', id: '`del box`, lalu `del also`.' },
    ],
    setup: py('gc.disable()', 'box = []', 'also = box'),
    allowed: ['delName'],
    goal: [{ kind: 'freed', refs: ['box'] }],
    par: 2,
    solution: ['del box', 'del also'],
  },
  {
    id: 'count-the-arrows',
    chapter: 1,
    concepts: ['refcount', 'stack-heap'],
    title: { en: 'Count the arrows', id: 'Hitung panahnya' },
    lesson: {
      en: '`sys.getrefcount(a)` tells you how many arrows point at an object, plus one: the arrow it borrows to look. Here three names share one list, and a fourth name has a list of its own.',
      id: '`sys.getrefcount(a)` memberi tahu berapa panah yang menunjuk ke sebuah objek, ditambah satu: panah yang dipinjam fungsi itu untuk melihat. Di sini tiga nama berbagi satu list, dan nama keempat punya list sendiri.',
    },
    hints: [
      {
        en: 'Which names point at the same list as `a`?',
        id: 'Nama mana saja yang menunjuk ke list yang sama dengan `a`?',
      },
      {
        en: 'Free the shared list, but leave `d` alone.',
        id: 'Bebaskan list yang dipakai bersama, tapi jangan ganggu `d`.',
      },
      { en: '`del a`, `del b`, `del c`.', id: '`del a`, `del b`, `del c`.' },
    ],
    setup: py('gc.disable()', 'a = []', 'b = a', 'c = b', 'd = []'),
    allowed: ['delName'],
    goal: [
      { kind: 'freed', refs: ['a'] },
      { kind: 'alive', refs: ['d'] },
    ],
    par: 3,
    solution: ['del a', 'del b', 'del c'],
  },
  {
    id: 'point-at-none',
    chapter: 1,
    concepts: ['rebind-none', 'refcount'],
    title: { en: 'Point at None', id: 'Tunjuk ke None' },
    lesson: {
      en: '`score = None` keeps the name but points it at None instead. The old object loses an arrow, just as with `del`. None is a single built-in object that never goes away, so it is not counted here.',
      id: '`score = None` tetap mempertahankan namanya, tapi sekarang nama itu menunjuk ke None. Objek lama kehilangan satu panah, sama seperti dengan `del`. None adalah satu objek bawaan yang tidak pernah hilang, jadi tidak ikut dihitung di sini.',
    },
    hints: [
      {
        en: 'Two names point at the list. `del` is locked.',
        id: 'Dua nama menunjuk ke list itu. `del` dikunci.',
      },
      { en: 'Rebind each name to None.', id: 'Arahkan ulang setiap nama ke None.' },
      { en: '`score = None`, then `backup = None`.', id: '`score = None`, lalu `backup = None`.' },
    ],
    setup: py('gc.disable()', 'score = []', 'backup = score'),
    allowed: ['rebindNone'],
    goal: [
      { kind: 'freed', refs: ['score'] },
      { kind: 'bound', name: 'score', to: 'none' },
    ],
    par: 2,
    solution: ['score = None', 'backup = None'],
  },
];
