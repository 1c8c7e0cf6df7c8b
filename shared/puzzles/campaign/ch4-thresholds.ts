/** Chapter 4 — The collector's alarm clock: automatic collection, thresholds, gc.disable(). */
import type { PuzzleInput } from '../format.ts';
import { py } from './py.ts';

const PAIR = ['a = Node()', 'b = Node()', 'a.next = b', 'b.next = a'];

export const CHAPTER_4: PuzzleInput[] = [
  {
    id: 'alarm-clock',
    chapter: 4,
    concepts: ['gc-thresholds', 'cycles'],
    title: { en: 'The alarm clock', id: 'Jam weker' },
    lesson: {
      en: 'The collector also wakes up by itself. Python counts new container objects; when the count passes a threshold it collects the youngest objects. Real Python waits for 700; this level set the threshold to 1 with `gc.set_threshold(1, 10, 10)`.',
      id: 'Collector juga bisa bangun sendiri. Python menghitung objek kontainer yang baru dibuat; kalau hitungannya melewati ambang (threshold), Python mengumpulkan objek-objek termuda. Python aslinya menunggu sampai 700, tapi level ini memasang ambang 1 dengan `gc.set_threshold(1, 10, 10)`.',
    },
    hints: [
      {
        en: 'You may not call gc.collect(). What else wakes the collector?',
        id: 'Kamu tidak boleh memanggil gc.collect(). Apa lagi yang bisa membangunkan collector?',
      },
      {
        en: 'Make the loop unreachable, then create one new object.',
        id: 'Buat list itu tak terjangkau, lalu buat satu objek baru.',
      },
      { en: '`del loop`, then `x = []`.', id: '`del loop`, lalu `x = []`.' },
    ],
    setup: py('gc.set_threshold(1, 10, 10)', 'loop = []', 'loop.append(loop)'),
    allowed: ['delName', 'newObject'],
    goal: [{ kind: 'freed', refs: ['loop'] }, { kind: 'noCollect' }],
    par: 2,
    solution: ['del loop', 'x = []'],
    scratch: ['x'],
  },
  {
    id: 'off-switch',
    chapter: 4,
    concepts: ['gc-thresholds', 'cycles'],
    title: { en: 'The off switch', id: 'Tombol mati' },
    lesson: {
      en: '`gc.disable()` stops the automatic runs (the count still grows). `gc.enable()` turns them back on: the next new object that pushes the count past the threshold starts a collection. Order matters!',
      id: '`gc.disable()` menghentikan pengumpulan otomatis (hitungannya tetap bertambah). `gc.enable()` menyalakannya lagi: objek baru berikutnya yang membuat hitungan melewati ambang akan memulai pengumpulan. Urutan itu penting!',
    },
    hints: [
      {
        en: 'The collector is off, and you may not call gc.collect().',
        id: 'Collector sedang mati, dan kamu tidak boleh memanggil gc.collect().',
      },
      {
        en: 'Make the pair garbage first, then switch on, then allocate.',
        id: 'Jadikan pasangan itu sampah dulu, lalu nyalakan collector, lalu buat objek baru.',
      },
      {
        en: '`del a`, `del b`, `gc.enable()`, `x = []`.',
        id: '`del a`, `del b`, `gc.enable()`, `x = []`.',
      },
    ],
    setup: py('gc.disable()', 'gc.set_threshold(1, 10, 10)', ...PAIR),
    allowed: ['delName', 'newObject', 'toggleGc'],
    goal: [{ kind: 'freed', refs: ['a', 'b'] }, { kind: 'noCollect' }],
    par: 4,
    solution: ['del a', 'del b', 'gc.enable()', 'x = []'],
    scratch: ['x'],
  },
  {
    id: 'counting-up',
    chapter: 4,
    concepts: ['gc-thresholds', 'gc-collect'],
    title: { en: 'Counting up', id: 'Menghitung naik' },
    lesson: {
      en: 'The counter goes up by one for each new container object and down by one for each one freed. Threshold 3 means the collector runs when a new object makes the count 4.',
      id: 'Penghitungnya naik satu setiap ada objek kontainer baru, dan turun satu setiap ada yang dibebaskan. Ambang 3 berarti collector berjalan saat sebuah objek baru membuat hitungannya menjadi 4.',
    },
    hints: [
      { en: 'The two Nodes already count 2.', id: 'Dua Node itu sudah dihitung 2.' },
      {
        en: 'Dropping an arrow into a cycle frees nothing, so the count stays. Rebinding a name drops an arrow too.',
        id: 'Melepas panah ke sebuah siklus tidak membebaskan apa pun, jadi hitungannya tetap. Mengarahkan ulang sebuah nama juga melepas panah.',
      },
      {
        en: '`del a`, `b = []` (one arrow dropped, one object made), `x = []`.',
        id: '`del a`, `b = []` (satu panah lepas, satu objek baru), `x = []`.',
      },
    ],
    setup: py('gc.set_threshold(3, 10, 10)', ...PAIR),
    allowed: ['delName', 'newObject'],
    goal: [{ kind: 'freed', refs: ['a', 'b'] }, { kind: 'noCollect' }],
    par: 3,
    solution: ['del a', 'b = []', 'x = []'],
    scratch: ['x', 'y'],
  },
  {
    id: 'collect-by-hand',
    chapter: 4,
    concepts: ['gc-thresholds', 'gc-collect'],
    title: { en: 'Collect by hand', id: 'Kumpulkan secara manual' },
    lesson: {
      en: '`gc.disable()` only stops the automatic runs. `gc.collect()` still works, so a program can switch automatic collection off and collect at a moment it chooses. Leave the collector off in this level.',
      id: '`gc.disable()` hanya menghentikan pengumpulan otomatis. `gc.collect()` tetap bisa dipakai, jadi program boleh mematikan pengumpulan otomatis lalu mengumpulkan sendiri di saat yang dipilihnya. Di level ini, biarkan collector tetap mati.',
    },
    hints: [
      {
        en: 'You do not need to switch the collector on.',
        id: 'Kamu tidak perlu menyalakan collector.',
      },
      {
        en: 'Make the pair unreachable, then collect by hand.',
        id: 'Buat pasangan itu tak terjangkau, lalu kumpulkan secara manual.',
      },
      { en: '`del a`, `del b`, `gc.collect()`.', id: '`del a`, `del b`, `gc.collect()`.' },
    ],
    setup: py('gc.disable()', ...PAIR),
    allowed: ['delName', 'collect', 'toggleGc'],
    goal: [
      { kind: 'freed', refs: ['a', 'b'] },
      { kind: 'gcEnabled', value: false },
    ],
    par: 3,
    solution: ['del a', 'del b', 'gc.collect()'],
  },
];
