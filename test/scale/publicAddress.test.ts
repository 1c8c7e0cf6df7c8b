/** publicAddress: what a process advertises so browsers reach the room's own process. */
import { describe, expect, it } from 'vitest';
import { resolvePublicAddress, scaleServerOptions } from '../../server/scale/redis.ts';

describe('publicAddress', () => {
  it('takes PUBLIC_ADDRESS as given, without a scheme or trailing slash', () => {
    expect(resolvePublicAddress({ publicAddress: 'play.example.org/p1', port: 0 })).toBe(
      'play.example.org/p1',
    );
    expect(
      resolvePublicAddress({ publicAddress: 'https://play.example.org:8443/', port: 2567 }),
    ).toBe('play.example.org:8443');
  });

  it('falls back to HOST:PORT for a concrete host', () => {
    expect(resolvePublicAddress({ host: '10.0.0.7', port: 2568 })).toBe('10.0.0.7:2568');
    expect(resolvePublicAddress({ host: '::1', port: 2568 })).toBe('[::1]:2568');
  });

  it('refuses what other processes could not send a browser to', () => {
    for (const bad of [
      { port: 2567 },
      { host: '0.0.0.0', port: 2567 },
      { host: '::', port: 2567 },
      { host: '127.0.0.1', port: 0 },
    ]) {
      expect(() => resolvePublicAddress(bad)).toThrow('REDIS_URL needs PUBLIC_ADDRESS');
    }
  });

  it('adds nothing without REDIS_URL, and refuses a Redis setup it cannot advertise before connecting', () => {
    expect(scaleServerOptions({ port: 2567 })).toEqual({});
    expect(scaleServerOptions({ port: 0, redisUrl: '' })).toEqual({});
    expect(() => scaleServerOptions({ port: 0, redisUrl: 'redis://127.0.0.1:1' })).toThrow(
      'REDIS_URL needs PUBLIC_ADDRESS',
    );
  });
});
