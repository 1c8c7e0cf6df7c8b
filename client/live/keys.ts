/** localStorage keys of the live class this device is in (the seat token itself is under seatStorageKey). */
export const LIVE_KEYS = {
  host: 'heap-heroes:live-host',
  student: 'heap-heroes:live-student',
} as const;
