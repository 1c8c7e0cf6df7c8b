/** How a concept reads in the report's summary ("most of the class misses <text>"), en / id. */
import type { Concept, Text } from '../puzzles/format.ts';

export const CONCEPT_TEXT: Record<Concept, Text> = {
  'stack-heap': {
    en: 'names (frames) versus objects (heap)',
    id: 'nama (frame) versus objek (heap)',
  },
  refcount: { en: 'reference counts', id: 'jumlah referensi (refcount)' },
  del: { en: 'what `del` removes', id: 'apa yang dihapus oleh `del`' },
  'rebind-none': { en: 'rebinding a name to None', id: 'mengikat ulang nama ke None' },
  containers: {
    en: 'references held by lists, dicts and attributes',
    id: 'referensi di dalam list, dict dan atribut',
  },
  cycles: { en: 'cycles held by a live name', id: 'siklus yang masih dipegang nama hidup' },
  'gc-collect': {
    en: 'what gc.collect() frees and returns',
    id: 'apa yang dibebaskan dan dikembalikan gc.collect()',
  },
  'gc-thresholds': {
    en: 'automatic collection and its thresholds',
    id: 'koleksi otomatis dan ambangnya',
  },
  weakref: { en: 'weak references', id: 'referensi lemah (weakref)' },
  frames: {
    en: 'locals dying when a function returns',
    id: 'variabel lokal yang mati saat fungsi kembali',
  },
  globals: { en: 'module-level (global) names', id: 'nama tingkat modul (global)' },
  interning: { en: 'shared small ints', id: 'bilangan bulat kecil yang dibagi' },
  'sizes-slots': { en: 'object sizes and __slots__', id: 'ukuran objek dan __slots__' },
  'heap-meter': { en: 'how heap bytes grow and shrink', id: 'naik turunnya byte heap' },
};
