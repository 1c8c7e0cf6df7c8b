/**
 * Room codes are reserved in presence, so two processes never hand out the same one. Runs on
 * Colyseus' LocalPresence always, and on RedisPresence (two connections = two processes) when
 * HH_TEST_REDIS_URL is set.
 */
import { LocalPresence, type Presence } from '@colyseus/core';
import { RedisPresence } from '@colyseus/redis-presence';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isRoomCodeReserved,
  releaseRoomCode,
  reserveRoomCode,
} from '../../server/scale/roomCodes.ts';
import { TEST_REDIS_URL } from './backends.ts';

const notListed = async (): Promise<boolean> => false;
/** Codes from a list, in order (the allocator's random pick, made predictable). */
const sequence = (...codes: string[]): (() => string) => {
  let i = 0;
  return () => codes[Math.min(i++, codes.length - 1)]!;
};
const unique = (): string => String(100_000 + Math.floor(Math.random() * 900_000));

if (!TEST_REDIS_URL)
  console.warn(
    '[test/scale] HH_TEST_REDIS_URL is not set: skipping room codes on RedisPresence (run scripts/ci-services.sh).',
  );

const variants: { name: string; available: boolean; make: () => [Presence, Presence] }[] = [
  {
    name: 'LocalPresence',
    available: true,
    make: () => {
      const p = new LocalPresence();
      return [p, p];
    },
  },
  {
    name: 'RedisPresence',
    available: TEST_REDIS_URL !== '',
    make: () => [new RedisPresence(TEST_REDIS_URL), new RedisPresence(TEST_REDIS_URL)],
  },
];

for (const v of variants) {
  describe.skipIf(!v.available)(`room codes on ${v.name}`, () => {
    const [a, b] = v.available ? v.make() : ([] as unknown as [Presence, Presence]);
    afterAll(() => {
      a.shutdown();
      if (b !== a) b.shutdown();
    });

    it('never gives one code to two processes, and frees it on release', async () => {
      const code = unique();
      const other = unique();
      expect(
        await reserveRoomCode({ presence: a, pick: sequence(code), isListed: notListed }),
      ).toBe(code);
      expect(
        await reserveRoomCode({ presence: b, pick: sequence(code, other), isListed: notListed }),
      ).toBe(other);
      await expect(
        reserveRoomCode({ presence: b, pick: sequence(code), isListed: notListed, attempts: 3 }),
      ).rejects.toThrow('no free room code');
      await releaseRoomCode(code, a);
      expect(await isRoomCodeReserved(code, b)).toBe(false);
      expect(
        await reserveRoomCode({ presence: b, pick: sequence(code), isListed: notListed }),
      ).toBe(code);
      await Promise.all([releaseRoomCode(code, b), releaseRoomCode(other, b)]);
    });

    it('skips a code whose room is still listed in the driver (an expired reservation)', async () => {
      const listed = unique();
      const free = unique();
      const code = await reserveRoomCode({
        presence: a,
        pick: sequence(listed, free),
        isListed: async (c) => c === listed,
      });
      expect(code).toBe(free);
      await Promise.all([releaseRoomCode(listed, a), releaseRoomCode(free, a)]);
    });

    it('hands out distinct codes to concurrent creators on both processes', async () => {
      const pool = Array.from({ length: 5 }, unique);
      const pick = (): string => pool[Math.floor(Math.random() * pool.length)]!;
      const codes = await Promise.all(
        [a, b, a, b, a].map((p) =>
          reserveRoomCode({ presence: p, pick, isListed: notListed, attempts: 200 }),
        ),
      );
      expect(new Set(codes).size).toBe(5);
      await Promise.all(codes.map((c) => releaseRoomCode(c, a)));
    });
  });
}
