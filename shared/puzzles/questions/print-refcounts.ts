/** Predict questions: sys.getrefcount, identity and weak references ("what does this print?"). */
import { py } from '../campaign/py.ts';
import type { QuestionInput } from './format.ts';

const WHAT = { en: 'What does this print?', id: 'Apa yang dicetak program ini?' };

export const PRINT_REFCOUNTS: QuestionInput[] = [
  {
    id: 'rc-fresh-list',
    concepts: ['refcount', 'stack-heap'],
    kind: 'print',
    prompt: WHAT,
    program: py('a = []', 'print(sys.getrefcount(a))'),
    distractors: ['1', '3', '0'],
    explain: {
      en: 'One arrow from the name `a`, plus one for the argument getrefcount borrows: 2.',
      id: 'Satu panah dari nama `a`, ditambah satu untuk argumen yang dipinjam getrefcount: 2.',
    },
  },
  {
    id: 'rc-alias',
    concepts: ['refcount'],
    kind: 'print',
    prompt: WHAT,
    program: py('a = []', 'b = a', 'print(sys.getrefcount(a))'),
    distractors: ['2', '1', '4'],
    explain: {
      en: '`b = a` adds a second arrow to the same list; getrefcount adds one more: 3.',
      id: '`b = a` menambah panah kedua ke list yang sama, lalu getrefcount menambah satu lagi: 3.',
    },
  },
  {
    id: 'rc-list-slots',
    concepts: ['refcount', 'containers'],
    kind: 'print',
    prompt: WHAT,
    program: py('a = []', 'box = [a, a]', 'print(sys.getrefcount(a))'),
    distractors: ['2', '3', '5'],
    explain: {
      en: 'The name and both list slots point at `a`: 3 arrows, printed as 4.',
      id: 'Nama `a` dan kedua slot list menunjuk ke `a`: 3 panah, dicetak sebagai 4.',
    },
  },
  {
    id: 'rc-self-append',
    concepts: ['refcount', 'cycles'],
    kind: 'print',
    prompt: WHAT,
    program: py('a = []', 'a.append(a)', 'print(sys.getrefcount(a))'),
    distractors: ['2', '4', '1'],
    explain: {
      en: 'The list holds an arrow to itself, so it has 2 arrows; getrefcount shows 3.',
      id: 'List itu memegang panah ke dirinya sendiri, jadi punya 2 panah; getrefcount menampilkan 3.',
    },
  },
  {
    id: 'rc-parameter',
    concepts: ['refcount', 'frames'],
    kind: 'print',
    prompt: WHAT,
    program: py('def f(p):', '    print(sys.getrefcount(p))', 'a = []', 'f(a)'),
    distractors: ['2', '4', '1'],
    explain: {
      en: 'Inside the call, the global `a` and the parameter `p` both point at the list: 2 arrows, printed as 3.',
      id: 'Di dalam pemanggilan, nama global `a` dan parameter `p` sama-sama menunjuk ke list: 2 panah, dicetak sebagai 3.',
    },
  },
  {
    id: 'rc-after-return',
    concepts: ['refcount', 'frames'],
    kind: 'print',
    prompt: WHAT,
    program: py('def f(p):', '    q = p', 'a = []', 'f(a)', 'print(sys.getrefcount(a))'),
    distractors: ['4', '3', '1'],
    explain: {
      en: 'When `f` returns, its locals `p` and `q` are released: only `a` is left, printed as 2.',
      id: 'Saat `f` selesai, variabel lokal `p` dan `q` dilepas: tinggal `a`, dicetak sebagai 2.',
    },
  },
  {
    id: 'is-small-int',
    concepts: ['interning'],
    kind: 'print',
    prompt: WHAT,
    program: py('x = 10', 'y = 10', 'print(x is y)'),
    distractors: ['False', '10'],
    explain: {
      en: 'Ints from -5 to 256 are created once at start-up and shared: both names point at the same 10.',
      id: 'Bilangan bulat dari -5 sampai 256 dibuat sekali saat Python mulai dan dipakai bersama: kedua nama menunjuk ke 10 yang sama.',
    },
  },
  {
    id: 'is-negative-small-int',
    concepts: ['interning'],
    kind: 'print',
    prompt: WHAT,
    program: py('x = -5', 'y = -5', 'z = 256', 'print(x is y)', 'print(z is x)'),
    distractors: ['True\nTrue', 'False\nFalse', 'False\nTrue'],
    explain: {
      en: '-5 and 256 are both in the shared range, so `x is y` is True; but -5 and 256 are different ints, so `z is x` is False.',
      id: '-5 dan 256 sama-sama ada di rentang yang dipakai bersama, jadi `x is y` bernilai True; tapi -5 dan 256 adalah bilangan yang berbeda, jadi `z is x` bernilai False.',
    },
  },
  {
    id: 'is-two-lists',
    concepts: ['stack-heap', 'refcount'],
    kind: 'print',
    prompt: WHAT,
    program: py('a = []', 'b = []', 'c = a', 'print(a is b)', 'print(a is c)'),
    distractors: ['True\nTrue', 'False\nFalse', 'True\nFalse'],
    explain: {
      en: 'Each `[]` makes a new list: `a` and `b` are two objects. `c = a` is a second name for the same one.',
      id: 'Setiap `[]` membuat list baru: `a` dan `b` adalah dua objek berbeda. `c = a` hanyalah nama kedua untuk objek yang sama.',
    },
  },
  {
    id: 'weak-alive',
    concepts: ['weakref'],
    kind: 'print',
    prompt: WHAT,
    program: py(
      'n = Node()',
      'w = weakref.ref(n)',
      'print(w() is None)',
      'print(sys.getrefcount(n))',
    ),
    distractors: ['True\n3', 'False\n3', 'True\n2'],
    explain: {
      en: 'The Node is alive, so `w()` finds it. A weak reference adds nothing to the count: still 2.',
      id: 'Node itu masih hidup, jadi `w()` menemukannya. Referensi lemah tidak menambah hitungan: tetap 2.',
    },
  },
  {
    id: 'weak-after-del',
    concepts: ['weakref', 'del'],
    kind: 'print',
    prompt: WHAT,
    program: py('n = Node()', 'w = weakref.ref(n)', 'del n', 'print(w() is None)'),
    distractors: ['False', 'None'],
    explain: {
      en: '`del n` removed the only strong arrow: the Node was freed at once and the weak reference cleared.',
      id: '`del n` menghapus satu-satunya panah kuat: Node itu langsung dibebaskan dan referensi lemahnya dikosongkan.',
    },
  },
  {
    id: 'weak-cycle',
    concepts: ['weakref', 'cycles', 'gc-collect'],
    kind: 'print',
    prompt: WHAT,
    program: py(
      'gc.disable()',
      'a = Node()',
      'b = Node()',
      'a.next = b',
      'b.next = a',
      'w = weakref.ref(a)',
      'del a, b',
      'print(w() is None)',
      'gc.collect()',
      'print(w() is None)',
    ),
    distractors: ['True\nTrue', 'False\nFalse', 'True\nFalse'],
    explain: {
      en: 'After `del` the pair is garbage but still alive, so `w()` still works. gc.collect() frees it and clears the weak reference.',
      id: 'Setelah `del`, pasangan itu sudah jadi sampah tapi masih hidup, jadi `w()` masih bekerja. gc.collect() membebaskannya dan mengosongkan referensi lemahnya.',
    },
  },
  {
    id: 'weak-same-object',
    concepts: ['weakref'],
    kind: 'print',
    prompt: WHAT,
    program: py('n = Node()', 'w1 = weakref.ref(n)', 'w2 = weakref.ref(n)', 'print(w1 is w2)'),
    distractors: ['False', 'None'],
    explain: {
      en: 'While a weak reference to `n` exists, `weakref.ref(n)` returns that same weakref object.',
      id: 'Selama masih ada referensi lemah ke `n`, `weakref.ref(n)` mengembalikan objek weakref yang sama.',
    },
  },
  {
    id: 'gc-isenabled',
    concepts: ['gc-thresholds'],
    kind: 'print',
    prompt: WHAT,
    program: py('print(gc.isenabled())', 'gc.disable()', 'print(gc.isenabled())'),
    distractors: ['False\nFalse', 'True\nTrue', 'False\nTrue'],
    explain: {
      en: 'Python starts with automatic collection on; `gc.disable()` switches it off.',
      id: 'Python mulai dengan pengumpulan otomatis menyala; `gc.disable()` mematikannya.',
    },
  },
];
