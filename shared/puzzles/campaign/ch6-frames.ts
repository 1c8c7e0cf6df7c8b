/** Chapter 6 — Calls and globals: frames push and pop, locals die on return, globals stay. */
import type { PuzzleInput } from '../format.ts';
import { py } from './py.ts';

export const CHAPTER_6: PuzzleInput[] = [
  {
    id: 'return-to-sender',
    chapter: 6,
    concepts: ['frames', 'stack-heap'],
    title: { en: 'Return to sender', id: 'Kembali ke pengirim' },
    lesson: {
      en: 'A call pushes a new frame on the Stack for its locals. On return, the frame is popped and every local lets go of its object. The returned object gets a new arrow first, so it survives.',
      id: 'Setiap pemanggilan fungsi menaruh frame baru di Stack untuk variabel lokalnya. Saat fungsi selesai (return), frame itu diambil dan setiap variabel lokal melepas objeknya. Objek yang dikembalikan mendapat panah baru lebih dulu, jadi objek itu selamat.',
    },
    hints: [
      {
        en: '`make()` builds two lists but returns only one.',
        id: '`make()` membuat dua list, tapi hanya mengembalikan satu.',
      },
      {
        en: 'A bare call throws its result away. Catch it in a name.',
        id: 'Pemanggilan tanpa nama membuang hasilnya. Tangkap hasilnya dengan sebuah nama.',
      },
      { en: '`keep = make()`.', id: '`keep = make()`.' },
    ],
    setup: py('gc.disable()', 'def make():', '    t = []', '    u = [t]', '    return t'),
    allowed: ['call'],
    goal: [
      { kind: 'bound', name: 'keep', to: 'list' },
      { kind: 'objectCount', n: 1 },
    ],
    par: 1,
    solution: ['keep = make()'],
    scratch: ['keep'],
  },
  {
    id: 'messy-helper',
    chapter: 6,
    concepts: ['frames', 'cycles', 'gc-collect'],
    title: { en: 'The messy helper', id: 'Pembantu yang berantakan' },
    lesson: {
      en: '`pair()` links two local Nodes into a cycle. When it returns, the locals are gone but the cycle is not: each call leaves two objects of garbage for the collector.',
      id: '`pair()` menghubungkan dua Node lokal menjadi siklus. Saat fungsi selesai, variabel lokalnya hilang, tapi siklusnya tidak: setiap pemanggilan meninggalkan dua objek sampah untuk collector.',
    },
    hints: [
      {
        en: 'Each call leaves 2 unreachable Nodes.',
        id: 'Setiap pemanggilan meninggalkan 2 Node yang tak terjangkau.',
      },
      {
        en: 'You need gc.collect() to return 4.',
        id: 'Kamu perlu membuat gc.collect() mengembalikan 4.',
      },
      { en: '`pair()`, `pair()`, `gc.collect()`.', id: '`pair()`, `pair()`, `gc.collect()`.' },
    ],
    setup: py(
      'gc.disable()',
      'def pair():',
      '    p = Node()',
      '    q = Node()',
      '    p.next = q',
      '    q.next = p',
    ),
    allowed: ['call', 'collect'],
    goal: [{ kind: 'collectReturned', n: 4 }],
    par: 3,
    solution: ['pair()', 'pair()', 'gc.collect()'],
  },
  {
    id: 'keep-one-ring',
    chapter: 6,
    concepts: ['frames', 'cycles', 'gc-collect'],
    title: { en: 'Keep one ring', id: 'Simpan satu cincin' },
    lesson: {
      en: '`ring()` returns one member of a cycle. Keep the result and the whole ring survives, because everything a name can reach is alive. Throw a result away and its ring becomes garbage.',
      id: '`ring()` mengembalikan salah satu anggota siklus. Kalau hasilnya disimpan, seluruh cincin ikut selamat, karena semua yang bisa dicapai dari sebuah nama tetap hidup. Kalau hasilnya dibuang, cincinnya menjadi sampah.',
    },
    hints: [
      {
        en: 'You need one ring kept and one ring collected.',
        id: 'Kamu perlu satu cincin disimpan dan satu cincin dikumpulkan.',
      },
      {
        en: '`r = ring()` keeps one; `ring()` alone throws one away.',
        id: '`r = ring()` menyimpan satu; `ring()` saja membuang satu.',
      },
      {
        en: '`r = ring()`, `ring()`, `gc.collect()`.',
        id: '`r = ring()`, `ring()`, `gc.collect()`.',
      },
    ],
    setup: py(
      'gc.disable()',
      'def ring():',
      '    p = Node()',
      '    q = Node()',
      '    p.next = q',
      '    q.next = p',
      '    return p',
    ),
    allowed: ['call', 'collect'],
    goal: [
      { kind: 'bound', name: 'r', to: 'instance' },
      { kind: 'collectReturned', n: 2 },
      { kind: 'objectCount', n: 2 },
    ],
    par: 3,
    solution: ['r = ring()', 'ring()', 'gc.collect()'],
    scratch: ['r'],
  },
  {
    id: 'forgetful-function',
    chapter: 6,
    concepts: ['frames', 'globals'],
    title: { en: 'The forgetful function', id: 'Fungsi yang pelupa' },
    lesson: {
      en: 'A parameter is a new local arrow to the argument. `del p` inside `forget` removes only that local name. The global name `big` lives in the module until you delete it.',
      id: 'Parameter adalah panah lokal baru ke argumennya. `del p` di dalam `forget` hanya menghapus nama lokal itu. Nama global `big` tetap hidup di modul sampai kamu menghapusnya.',
    },
    hints: [
      {
        en: 'Does calling `forget(big)` change the global name?',
        id: 'Apakah memanggil `forget(big)` mengubah nama globalnya?',
      },
      {
        en: 'Only the global name is left holding the list.',
        id: 'Tinggal nama global itu yang memegang list-nya.',
      },
      { en: '`del big`.', id: '`del big`.' },
    ],
    setup: py('gc.disable()', 'def forget(p):', '    del p', 'big = []'),
    allowed: ['call', 'delName'],
    goal: [{ kind: 'freed', refs: ['big'] }],
    par: 1,
    solution: ['del big'],
  },
  {
    id: 'global-cache',
    chapter: 6,
    concepts: ['globals', 'frames', 'containers'],
    title: { en: 'The global cache', id: 'Cache global' },
    lesson: {
      en: '`load()` stores its parameter in `cache`, a global list. The call returns, but the object stays: a global lives until it is deleted, and so does everything it holds.',
      id: '`load()` menyimpan parameternya di `cache`, sebuah list global. Fungsinya selesai, tapi objeknya tetap ada: variabel global hidup sampai dihapus, begitu juga semua yang dipegangnya.',
    },
    hints: [
      {
        en: 'Each Node has two arrows: its name and a cache slot.',
        id: 'Setiap Node punya dua panah: namanya dan satu slot di cache.',
      },
      {
        en: 'Keep the cache list itself; empty it.',
        id: 'List cache-nya tetap ada, cukup dikosongkan.',
      },
      { en: '`del a`, `del b`, `cache.clear()`.', id: '`del a`, `del b`, `cache.clear()`.' },
    ],
    setup: py(
      'gc.disable()',
      'cache = []',
      'def load(p):',
      '    cache.append(p)',
      'a = Node()',
      'b = Node()',
      'load(a)',
      'load(b)',
    ),
    allowed: ['delName', 'deleteRef'],
    goal: [
      { kind: 'freed', refs: ['a', 'b'] },
      { kind: 'alive', refs: ['cache'] },
    ],
    par: 3,
    solution: ['del a', 'del b', 'cache.clear()'],
  },
];
