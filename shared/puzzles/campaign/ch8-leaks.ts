/** Chapter 8 — Leak hunts: everything at once, in programs that forgot to clean up. */
import type { PuzzleInput } from '../format.ts';
import { py } from './py.ts';

export const CHAPTER_8: PuzzleInput[] = [
  {
    id: 'tangled-family',
    chapter: 8,
    concepts: ['cycles', 'containers', 'refcount'],
    title: { en: 'The tangled family', id: 'Keluarga yang kusut' },
    lesson: {
      en: 'Mum and kid point at each other and both sit in the list `family`. Free them without the collector: name one of them, cut an arrow of the cycle, then let go.',
      id: 'Ibu dan anak saling menunjuk, dan keduanya ada di dalam list `family`. Bebaskan mereka tanpa collector: beri nama salah satunya, putuskan satu panah di siklusnya, lalu lepaskan.',
    },
    hints: [
      {
        en: 'Clearing the list first would leave an unreachable cycle.',
        id: 'Kalau list-nya dikosongkan lebih dulu, siklusnya jadi tak terjangkau.',
      },
      {
        en: 'Give mum a name (`m = family[0]`), then cut `m.next`.',
        id: 'Beri nama untuk ibu (`m = family[0]`), lalu putuskan `m.next`.',
      },
      {
        en: '`m = family[0]`, `m.next = None`, `family.clear()`, `del m`.',
        id: '`m = family[0]`, `m.next = None`, `family.clear()`, `del m`.',
      },
    ],
    setup: py(
      'gc.disable()',
      'mum = Node()',
      'kid = Node()',
      'mum.next = kid',
      'kid.prev = mum',
      'family = [mum, kid]',
      'del mum',
      'del kid',
    ),
    allowed: ['createRef', 'deleteRef', 'delName', 'rebindNone', 'collect'],
    goal: [
      { kind: 'freed', refs: ['family[0]', 'family[1]'] },
      { kind: 'alive', refs: ['family'] },
      { kind: 'noCollect' },
    ],
    par: 4,
    solution: ['m = family[0]', 'm.next = None', 'family.clear()', 'del m'],
    scratch: ['m'],
  },
  {
    id: 'switched-off',
    chapter: 8,
    concepts: ['gc-thresholds', 'frames', 'gc-collect'],
    title: { en: 'Someone switched it off', id: 'Ada yang mematikannya' },
    lesson: {
      en: 'This program called `gc.disable()` long ago and then ran `session()` three times. Each call left a two-Node cycle behind. Clean up, and leave the collector on for next time.',
      id: 'Program ini pernah memanggil `gc.disable()`, lalu menjalankan `session()` tiga kali. Setiap pemanggilan meninggalkan siklus dua Node. Bersihkan semuanya, dan biarkan collector menyala untuk seterusnya.',
    },
    hints: [
      {
        en: 'How many objects are unreachable now?',
        id: 'Ada berapa objek yang tak terjangkau sekarang?',
      },
      {
        en: 'Two things to do: one switch, one collection.',
        id: 'Ada dua hal yang perlu dilakukan: satu tombol, satu pengumpulan.',
      },
      { en: '`gc.enable()`, `gc.collect()`.', id: '`gc.enable()`, `gc.collect()`.' },
    ],
    setup: py(
      'gc.disable()',
      'def session():',
      '    p = Node()',
      '    q = Node()',
      '    p.next = q',
      '    q.next = p',
      'session()',
      'session()',
      'session()',
    ),
    allowed: ['toggleGc', 'collect', 'call'],
    goal: [
      { kind: 'noGarbage' },
      { kind: 'collectReturned', n: 6 },
      { kind: 'gcEnabled', value: true },
    ],
    par: 2,
    solution: ['gc.enable()', 'gc.collect()'],
  },
  {
    id: 'never-forgets',
    chapter: 8,
    concepts: ['weakref', 'globals', 'containers'],
    title: { en: 'The cache that never forgets', id: 'Cache yang tak pernah lupa' },
    lesson: {
      en: '`remember()` put `big` in a global dict, so it can never be freed while the program runs. Swap that strong arrow for a weak one in a name: you can still find `big` while it lives, and it can be freed.',
      id: '`remember()` menaruh `big` di sebuah dict global, jadi objek itu tidak akan pernah bisa dibebaskan selama program berjalan. Ganti panah kuat itu dengan panah lemah di sebuah nama: kamu masih bisa menemukan `big` selama ia hidup, dan ia tetap bisa dibebaskan.',
    },
    hints: [
      {
        en: 'Who holds `big`? Count the strong arrows.',
        id: 'Siapa saja yang memegang `big`? Hitung panah kuatnya.',
      },
      {
        en: 'Make the weak arrow while you still can, then cut both strong ones.',
        id: 'Buat panah lemahnya selagi masih bisa, lalu putuskan kedua panah kuatnya.',
      },
      {
        en: "`w = weakref.ref(big)`, `del cache['last']`, `del big`.",
        id: "`w = weakref.ref(big)`, `del cache['last']`, `del big`.",
      },
    ],
    setup: py(
      'gc.disable()',
      'cache = {}',
      'def remember(p):',
      "    cache['last'] = p",
      'big = Node()',
      'remember(big)',
    ),
    allowed: ['weakref', 'deleteRef', 'delName'],
    goal: [
      { kind: 'freed', refs: ['big'] },
      { kind: 'alive', refs: ['cache'] },
      { kind: 'bound', name: 'w', to: 'weakref' },
    ],
    par: 3,
    solution: ['w = weakref.ref(big)', "del cache['last']", 'del big'],
    scratch: ['w'],
  },
  {
    id: 'the-big-hunt',
    chapter: 8,
    concepts: ['cycles', 'globals', 'frames', 'gc-collect'],
    title: { en: 'The big leak hunt', id: 'Perburuan kebocoran besar' },
    lesson: {
      en: '`open_file(app)` tied a new Node and `app` into a cycle and filed the Node in the global `registry`; `cfg` holds `app` too, and an old self-loop is already garbage. Free `app` and its file, keep `registry` and `cfg`, and leave no garbage.',
      id: '`open_file(app)` mengikat sebuah Node baru dan `app` menjadi siklus, lalu menyimpan Node itu di `registry` yang global. `cfg` juga memegang `app`, dan ada satu list lama yang memegang dirinya sendiri dan sudah jadi sampah. Bebaskan `app` beserta file-nya, pertahankan `registry` dan `cfg`, dan jangan sisakan sampah.',
    },
    hints: [
      {
        en: 'The old self-loop can only go with gc.collect().',
        id: 'List lama itu hanya bisa dibersihkan dengan gc.collect().',
      },
      {
        en: 'Cut every outside arrow into the app–file cycle first.',
        id: 'Putuskan dulu semua panah dari luar yang masuk ke siklus app–file.',
      },
      {
        en: "`del app`, `del cfg['app']`, `registry.clear()`, `gc.collect()`.",
        id: "`del app`, `del cfg['app']`, `registry.clear()`, `gc.collect()`.",
      },
    ],
    setup: py(
      'gc.disable()',
      'registry = []',
      'def open_file(p):',
      '    t = Node()',
      '    t.owner = p',
      '    p.file = t',
      '    registry.append(t)',
      'app = Node()',
      'open_file(app)',
      'cfg = {}',
      "cfg['app'] = app",
      'old = []',
      'old.append(old)',
      'del old',
    ),
    allowed: ['delName', 'deleteRef', 'rebindNone', 'collect'],
    goal: [
      { kind: 'freed', refs: ['app', 'registry[0]'] },
      { kind: 'alive', refs: ['registry', 'cfg'] },
      { kind: 'noGarbage' },
    ],
    par: 4,
    solution: ['del app', "del cfg['app']", 'registry.clear()', 'gc.collect()'],
  },
];
