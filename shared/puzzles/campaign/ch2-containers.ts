/** Chapter 2 — Boxes of arrows: lists, dicts and attributes hold references too. */
import type { PuzzleInput } from '../format.ts';
import { py } from './py.ts';

export const CHAPTER_2: PuzzleInput[] = [
  {
    id: 'list-in-a-list',
    chapter: 2,
    concepts: ['containers', 'del', 'refcount'],
    title: { en: 'A list in a list', id: 'List di dalam list' },
    lesson: {
      en: 'A list holds arrows to its items, just like names do. The inner list has two arrows: the name `inner` and the slot `outer[0]`. When a list is freed, it lets go of everything it held.',
      id: 'List menyimpan panah ke item-itemnya, sama seperti nama. List `inner` punya dua panah: nama `inner` dan slot `outer[0]`. Saat sebuah list dibebaskan, list itu melepas semua yang dipegangnya.',
    },
    hints: [
      {
        en: 'Freeing `outer` also drops its arrow to the inner list.',
        id: 'Membebaskan `outer` juga melepas panahnya ke list di dalamnya.',
      },
      {
        en: 'Remove both names; watch the counts fall.',
        id: 'Hapus kedua nama, lalu perhatikan hitungannya turun.',
      },
      { en: '`del inner`, then `del outer`.', id: '`del inner`, lalu `del outer`.' },
    ],
    setup: py('gc.disable()', 'inner = []', 'outer = [inner]'),
    allowed: ['delName'],
    goal: [{ kind: 'freed', refs: ['outer', 'inner'] }],
    par: 2,
    solution: ['del inner', 'del outer'],
  },
  {
    id: 'empty-the-box',
    chapter: 2,
    concepts: ['containers', 'refcount'],
    title: { en: 'Empty the box', id: 'Kosongkan kotaknya' },
    lesson: {
      en: 'The two small lists have no names any more: only `box` holds them. `box.clear()` drops every item arrow at once, and the items that had no other arrow are freed.',
      id: 'Dua list kecil itu sudah tidak punya nama. Hanya `box` yang memegangnya. `box.clear()` melepas semua panah ke item sekaligus, dan item yang tidak punya panah lain langsung dibebaskan.',
    },
    hints: [
      { en: 'Keep the box, lose what is inside.', id: 'Kotaknya tetap ada, isinya dibuang.' },
      {
        en: 'Lists have a method that drops all items at once.',
        id: 'List punya method yang membuang semua item sekaligus.',
      },
      { en: '`box.clear()`.', id: '`box.clear()`.' },
    ],
    setup: py('gc.disable()', 'a = []', 'b = []', 'box = [a, b]', 'del a', 'del b'),
    allowed: ['deleteRef'],
    goal: [
      { kind: 'freed', refs: ['box[0]', 'box[1]'] },
      { kind: 'alive', refs: ['box'] },
    ],
    par: 1,
    solution: ['box.clear()'],
  },
  {
    id: 'cut-the-attribute',
    chapter: 2,
    concepts: ['containers', 'rebind-none'],
    title: { en: 'Cut the attribute', id: 'Putuskan atributnya' },
    lesson: {
      en: 'An attribute such as `a.next` is an arrow stored inside an object. Setting it to None cuts that arrow; the object it pointed at is freed if nothing else points at it.',
      id: 'Atribut seperti `a.next` adalah panah yang disimpan di dalam objek. Mengisinya dengan None memutus panah itu. Objek yang tadinya ditunjuk akan dibebaskan kalau tidak ada panah lain ke sana.',
    },
    hints: [
      {
        en: 'Only `a.next` holds the second Node.',
        id: 'Hanya `a.next` yang memegang Node kedua.',
      },
      { en: 'Point `a.next` somewhere else.', id: 'Arahkan `a.next` ke tempat lain.' },
      { en: '`a.next = None`.', id: '`a.next = None`.' },
    ],
    setup: py('gc.disable()', 'a = Node()', 'b = Node()', 'a.next = b', 'del b'),
    allowed: ['rebindNone', 'delName'],
    goal: [
      { kind: 'freed', refs: ['a.next'] },
      { kind: 'alive', refs: ['a'] },
    ],
    par: 1,
    solution: ['a.next = None'],
  },
  {
    id: 'one-step-further',
    chapter: 2,
    concepts: ['containers', 'stack-heap'],
    title: { en: 'One step further', id: 'Satu langkah lagi' },
    lesson: {
      en: 'A chain: `a` → second Node → third Node. A move reaches one step from a name, so you cannot touch the third Node directly. Give the second Node a name of its own (`x = a.next`) and step from there.',
      id: 'Ini sebuah rantai: `a` → Node kedua → Node ketiga. Satu langkah hanya bisa menjangkau satu tingkat dari sebuah nama, jadi Node ketiga tidak bisa disentuh langsung. Beri Node kedua nama sendiri (`x = a.next`), lalu lanjutkan dari situ.',
    },
    hints: [
      {
        en: 'Keep the first two Nodes; free only the last one.',
        id: 'Pertahankan dua Node pertama, bebaskan yang terakhir saja.',
      },
      {
        en: 'A new name is a new arrow: it does not copy anything.',
        id: 'Nama baru berarti panah baru, tidak ada yang disalin.',
      },
      { en: '`x = a.next`, then `x.next = None`.', id: '`x = a.next`, lalu `x.next = None`.' },
    ],
    setup: py(
      'gc.disable()',
      'a = Node()',
      'b = Node()',
      'c = Node()',
      'a.next = b',
      'b.next = c',
      'del b',
      'del c',
    ),
    allowed: ['createRef', 'rebindNone', 'delName'],
    goal: [
      { kind: 'alive', refs: ['a', 'a.next'] },
      { kind: 'objectCount', n: 2 },
    ],
    par: 2,
    solution: ['x = a.next', 'x.next = None'],
    scratch: ['x'],
  },
  {
    id: 'two-keys-one-hero',
    chapter: 2,
    concepts: ['containers', 'refcount'],
    title: { en: 'Two keys, one hero', id: 'Dua kunci, satu pahlawan' },
    lesson: {
      en: "A dict holds an arrow for every value. The same Node sits under two keys, so it has two arrows. Remove only what you must: the Node under 'keep' has to stay.",
      id: "Dict menyimpan satu panah untuk setiap nilai. Node yang sama disimpan di bawah dua kunci, jadi Node itu punya dua panah. Hapus seperlunya saja: Node di bawah 'keep' harus tetap ada.",
    },
    hints: [
      {
        en: "How many keys point at d['hero']'s object?",
        id: "Ada berapa kunci yang menunjuk ke objek d['hero']?",
      },
      {
        en: '`d.clear()` would throw away the keeper too.',
        id: '`d.clear()` akan ikut membuang Node yang harus dijaga.',
      },
      { en: "`del d['hero']`, then `del d['pal']`.", id: "`del d['hero']`, lalu `del d['pal']`." },
    ],
    setup: py(
      'gc.disable()',
      'd = {}',
      'n = Node()',
      'k = Node()',
      "d['hero'] = n",
      "d['pal'] = n",
      "d['keep'] = k",
      'del n',
      'del k',
    ),
    allowed: ['deleteRef', 'rebindNone'],
    goal: [
      { kind: 'freed', refs: ["d['hero']"] },
      { kind: 'alive', refs: ["d['keep']"] },
    ],
    par: 2,
    solution: ["del d['hero']", "del d['pal']"],
  },
];
