/** Chapter 7 — Weighing the heap: small ints, object sizes, __slots__, the heap meter. */
import type { PuzzleInput } from '../format.ts';
import { py } from './py.ts';

const POINT = ['class Point:', "    __slots__ = ('x', 'y')"];

export const CHAPTER_7: PuzzleInput[] = [
  {
    id: 'small-ints-are-free',
    chapter: 7,
    concepts: ['interning', 'heap-meter'],
    title: { en: 'Small ints are free', id: 'Bilangan kecil itu gratis' },
    lesson: {
      en: 'Python creates the ints from -5 to 256 once, when it starts, and everyone shares them: after `x = 10` and `y = 10`, `x is y` is True. Storing a small int adds nothing to your heap. Watch the heap meter: the list `scores` alone is 72 bytes.',
      id: 'Python membuat bilangan bulat dari -5 sampai 256 sekali saja, saat mulai berjalan, dan semua orang memakainya bersama: setelah `x = 10` dan `y = 10`, `x is y` bernilai True. Menyimpan bilangan kecil tidak menambah isi heap-mu. Perhatikan meteran heap: list `scores` sendiri besarnya 72 byte.',
    },
    hints: [
      {
        en: 'The two inner lists cost 56 bytes each.',
        id: 'Dua list di dalamnya masing-masing memakan 56 byte.',
      },
      {
        en: 'Replace each inner list with a small number.',
        id: 'Ganti setiap list di dalamnya dengan sebuah bilangan kecil.',
      },
      { en: '`scores[0] = 7`, `scores[1] = 7`.', id: '`scores[0] = 7`, `scores[1] = 7`.' },
    ],
    setup: py('gc.disable()', 'a = []', 'b = []', 'scores = [a, b]', 'del a', 'del b'),
    allowed: ['createRef'],
    goal: [
      { kind: 'heapAtMost', bytes: 72 },
      { kind: 'length', path: 'scores', n: 2 },
    ],
    par: 2,
    solution: ['scores[0] = 7', 'scores[1] = 7'],
  },
  {
    id: 'numbers-not-lists',
    chapter: 7,
    concepts: ['interning', 'refcount'],
    title: { en: 'Numbers, not lists', id: 'Bilangan, bukan list' },
    lesson: {
      en: 'Rebinding a name to a small int works like rebinding it to None: the old object loses an arrow. The int itself is already there, shared by the whole program, so nothing new is made.',
      id: 'Mengarahkan ulang sebuah nama ke bilangan kecil sama seperti mengarahkannya ke None: objek lama kehilangan satu panah. Bilangannya sendiri sudah ada sejak awal dan dipakai bersama oleh seluruh program, jadi tidak ada objek baru yang dibuat.',
    },
    hints: [
      { en: 'Both names point at one list.', id: 'Kedua nama menunjuk ke satu list.' },
      {
        en: 'Each name must end up holding an int.',
        id: 'Di akhir, setiap nama harus berisi bilangan bulat.',
      },
      { en: '`big = 0`, `count = 0`.', id: '`big = 0`, `count = 0`.' },
    ],
    setup: py('gc.disable()', 'big = []', 'count = big'),
    allowed: ['createRef'],
    goal: [
      { kind: 'freed', refs: ['big'] },
      { kind: 'bound', name: 'big', to: 'int' },
      { kind: 'bound', name: 'count', to: 'int' },
    ],
    par: 2,
    solution: ['big = 0', 'count = 0'],
  },
  {
    id: 'slim-objects',
    chapter: 7,
    concepts: ['sizes-slots', 'heap-meter'],
    title: { en: 'Slim objects', id: 'Objek yang ramping' },
    lesson: {
      en: "`sys.getsizeof(Node())` is 56 bytes. A class with `__slots__ = ('x', 'y')` has room for exactly those two attributes and nothing else, and its instances measure 48 bytes. Swap the team over to Points.",
      id: "`sys.getsizeof(Node())` besarnya 56 byte. Kelas dengan `__slots__ = ('x', 'y')` hanya punya tempat untuk dua atribut itu, tidak lebih, dan instance-nya berukuran 48 byte. Ganti anggota tim menjadi Point.",
    },
    hints: [
      {
        en: 'Two Nodes (112 bytes) are in the team now.',
        id: 'Sekarang ada dua Node (112 byte) di dalam tim.',
      },
      { en: 'Put the Points where the Nodes are.', id: 'Taruh Point di tempat Node berada.' },
      { en: '`team[0] = p1`, `team[1] = p2`.', id: '`team[0] = p1`, `team[1] = p2`.' },
    ],
    setup: py(
      'gc.disable()',
      ...POINT,
      'n1 = Node()',
      'n2 = Node()',
      'team = [n1, n2]',
      'del n1',
      'del n2',
      'p1 = Point()',
      'p2 = Point()',
    ),
    allowed: ['createRef'],
    goal: [
      { kind: 'heapAtMost', bytes: 168 },
      { kind: 'length', path: 'team', n: 2 },
    ],
    par: 2,
    solution: ['team[0] = p1', 'team[1] = p2'],
  },
  {
    id: 'watch-the-meter',
    chapter: 7,
    concepts: ['heap-meter', 'containers'],
    title: { en: 'Watch the meter', id: 'Perhatikan meterannya' },
    lesson: {
      en: 'A list keeps spare room as it grows: `[]` is 56 bytes, and the first `append` makes room for 4 items (88 bytes). `clear()` drops the items and gives the spare room back.',
      id: 'List menyiapkan ruang cadangan saat bertambah panjang: `[]` besarnya 56 byte, dan `append` pertama menyiapkan tempat untuk 4 item (88 byte). `clear()` membuang item-itemnya dan mengembalikan ruang cadangan itu.',
    },
    hints: [
      {
        en: 'The log and its three Nodes weigh 256 bytes.',
        id: 'Log beserta tiga Node-nya beratnya 256 byte.',
      },
      {
        en: 'Keep the log, drop its items and its spare room.',
        id: 'Log-nya tetap ada, buang item dan ruang cadangannya.',
      },
      { en: '`log.clear()`.', id: '`log.clear()`.' },
    ],
    setup: py(
      'gc.disable()',
      'log = []',
      'a = Node()',
      'b = Node()',
      'c = Node()',
      'log.append(a)',
      'log.append(b)',
      'log.append(c)',
      'del a',
      'del b',
      'del c',
    ),
    allowed: ['deleteRef'],
    goal: [
      { kind: 'heapAtMost', bytes: 56 },
      { kind: 'alive', refs: ['log'] },
    ],
    par: 1,
    solution: ['log.clear()'],
  },
  {
    id: 'dicts-are-heavy',
    chapter: 7,
    concepts: ['sizes-slots', 'heap-meter', 'containers'],
    title: { en: 'Dicts are heavy', id: 'Dict itu berat' },
    lesson: {
      en: "A small dict like `{'x': 0}` takes 184 bytes: it keeps a whole table ready for more keys. A `__slots__` object with two fields takes 48. Rebuild the list with two Points and get under the budget.",
      id: "Dict kecil seperti `{'x': 0}` memakan 184 byte, karena dict menyiapkan satu tabel penuh untuk kunci-kunci berikutnya. Objek `__slots__` dengan dua field hanya 48 byte. Susun ulang list-nya dengan dua Point agar muat dalam anggaran.",
    },
    hints: [
      {
        en: 'There must be exactly three objects in the end.',
        id: 'Di akhir harus ada tepat tiga objek.',
      },
      {
        en: 'Make two Points, then a new list of both.',
        id: 'Buat dua Point, lalu list baru yang berisi keduanya.',
      },
      {
        en: '`p = Point()`, `q = Point()`, `pts = [p, q]`.',
        id: '`p = Point()`, `q = Point()`, `pts = [p, q]`.',
      },
    ],
    setup: py(
      'gc.disable()',
      ...POINT,
      "d1 = {'x': 0}",
      "d2 = {'x': 0}",
      'pts = [d1, d2]',
      'del d1',
      'del d2',
    ),
    allowed: ['newObject', 'createRef'],
    goal: [
      { kind: 'heapAtMost', bytes: 168 },
      { kind: 'length', path: 'pts', n: 2 },
      { kind: 'objectCount', n: 3 },
    ],
    par: 3,
    solution: ['p = Point()', 'q = Point()', 'pts = [p, q]'],
    scratch: ['p', 'q'],
  },
];
