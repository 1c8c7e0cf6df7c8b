/** Predict questions: what gc.collect() returns. */
import { py } from '../campaign/py.ts';
import type { QuestionInput } from './format.ts';

const WHAT = { en: 'What does this print?', id: 'Apa yang dicetak program ini?' };
const PAIR = ['a = Node()', 'b = Node()', 'a.next = b', 'b.next = a'];

export const PRINT_COLLECT: QuestionInput[] = [
  {
    id: 'collect-no-cycle',
    concepts: ['gc-collect', 'refcount'],
    kind: 'print',
    prompt: WHAT,
    program: py('gc.disable()', 'a = []', 'b = [a]', 'del a', 'del b', 'print(gc.collect())'),
    distractors: ['2', '1'],
    explain: {
      en: 'No cycle: `del b` freed both lists by reference counting, so the collector finds nothing.',
      id: 'Tidak ada siklus: `del b` membebaskan kedua list lewat reference counting, jadi collector tidak menemukan apa-apa.',
    },
  },
  {
    id: 'collect-self-loop',
    concepts: ['gc-collect', 'cycles'],
    kind: 'print',
    prompt: WHAT,
    program: py('gc.disable()', 'a = []', 'a.append(a)', 'del a', 'print(gc.collect())'),
    distractors: ['0', '2'],
    explain: {
      en: 'The list still points at itself, so refcounting cannot free it; the collector finds 1 object.',
      id: 'List itu masih menunjuk ke dirinya sendiri, jadi refcounting tidak bisa membebaskannya; collector menemukan 1 objek.',
    },
  },
  {
    id: 'collect-node-pair',
    concepts: ['gc-collect', 'cycles'],
    kind: 'print',
    prompt: WHAT,
    program: py('gc.disable()', ...PAIR, 'del a, b', 'print(gc.collect())'),
    distractors: ['4', '1', '0'],
    explain: {
      en: 'In Python 3.11 a plain instance keeps its attributes inside itself: 2 Nodes count 2. (Python 3.10 printed 4, counting each `__dict__` too.)',
      id: 'Di Python 3.11 instance biasa menyimpan atributnya di dalam dirinya sendiri: 2 Node dihitung 2. (Python 3.10 mencetak 4, karena `__dict__` masing-masing ikut dihitung.)',
    },
  },
  {
    id: 'collect-tail',
    concepts: ['gc-collect', 'cycles', 'containers'],
    kind: 'print',
    prompt: WHAT,
    program: py(
      'gc.disable()',
      'a = []',
      'b = [a]',
      'a.append(b)',
      't = []',
      'a.append(t)',
      'del t',
      'del a, b',
      'print(gc.collect())',
    ),
    distractors: ['2', '1', '0'],
    explain: {
      en: 'The 2-list cycle is garbage, and so is the list `t` that only the cycle holds: 3.',
      id: 'Siklus dua list itu sampah, begitu juga list `t` yang hanya dipegang oleh siklus itu: 3.',
    },
  },
  {
    id: 'collect-reachable-cycle',
    concepts: ['gc-collect', 'cycles'],
    kind: 'print',
    prompt: WHAT,
    program: py('gc.disable()', ...PAIR, 'del b', 'print(gc.collect())'),
    distractors: ['1', '2'],
    explain: {
      en: 'The name `a` still reaches the cycle, so none of it is garbage.',
      id: 'Nama `a` masih bisa mencapai siklus itu, jadi tidak ada bagiannya yang menjadi sampah.',
    },
  },
  {
    id: 'collect-twice',
    concepts: ['gc-collect', 'cycles'],
    kind: 'print',
    prompt: WHAT,
    program: py('gc.disable()', ...PAIR, 'del a, b', 'print(gc.collect())', 'print(gc.collect())'),
    distractors: ['2\n2', '0\n0', '0\n2'],
    explain: {
      en: 'The first collection frees the pair; the second finds nothing left.',
      id: 'Pengumpulan pertama membebaskan pasangan itu; pengumpulan kedua tidak menemukan sisa apa pun.',
    },
  },
  {
    id: 'collect-function-garbage',
    concepts: ['gc-collect', 'frames', 'cycles'],
    kind: 'print',
    prompt: WHAT,
    program: py(
      'gc.disable()',
      'def pair():',
      '    p = Node()',
      '    q = Node()',
      '    p.next = q',
      '    q.next = p',
      'pair()',
      'pair()',
      'print(gc.collect())',
    ),
    distractors: ['0', '2', '8'],
    explain: {
      en: 'Each call leaves a 2-Node cycle behind when its locals die: 2 calls, 4 objects.',
      id: 'Setiap pemanggilan meninggalkan siklus 2 Node saat variabel lokalnya mati: 2 pemanggilan, 4 objek.',
    },
  },
  {
    id: 'collect-returned-ring',
    concepts: ['gc-collect', 'frames'],
    kind: 'print',
    prompt: WHAT,
    program: py(
      'gc.disable()',
      'def ring():',
      '    p = Node()',
      '    q = Node()',
      '    p.next = q',
      '    q.next = p',
      '    return p',
      'r = ring()',
      'print(gc.collect())',
    ),
    distractors: ['2', '1'],
    explain: {
      en: 'The returned Node survives in `r`, and it reaches its partner: nothing is garbage.',
      id: 'Node yang dikembalikan selamat di `r`, dan Node itu mencapai pasangannya: tidak ada sampah.',
    },
  },
  {
    id: 'collect-untracked-dict',
    concepts: ['gc-collect', 'containers'],
    kind: 'print',
    prompt: WHAT,
    program: py(
      'gc.disable()',
      'd = {}',
      'a = []',
      'a.append(a)',
      'a.append(d)',
      'del d',
      'del a',
      'print(gc.collect())',
    ),
    distractors: ['2', '0'],
    explain: {
      en: 'An empty dict is not tracked by the collector. It dies with the cycle but is not counted: only the list counts.',
      id: 'Dict kosong tidak dilacak oleh collector. Dict itu ikut mati bersama siklusnya, tapi tidak dihitung: hanya list-nya yang dihitung.',
    },
  },
];
