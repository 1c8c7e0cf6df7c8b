import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { joinOrigin, lanAddress } from '../../server/live/joinAddress.ts';

const nic = (address: string, internal: boolean, family: 'IPv4' | 'IPv6' = 'IPv4') =>
  ({ address, internal, family }) as NetworkInterfaceInfo;
const classroomLaptop = () => ({
  lo: [nic('127.0.0.1', true), nic('::1', true, 'IPv6')],
  wlan0: [nic('fe80::1', false, 'IPv6'), nic('192.168.1.20', false)],
});
const offline = () => ({ lo: [nic('127.0.0.1', true)] });
const at = (origin: string) => new URL(origin);

describe('the join address phones open', () => {
  it("replaces the teacher's localhost with the machine's LAN address on the same port", () => {
    for (const teacher of ['http://localhost:2567', 'http://127.0.0.1:2567', 'http://[::1]:2567'])
      expect(joinOrigin(at(teacher), { interfaces: classroomLaptop })).toBe(
        'http://192.168.1.20:2567',
      );
    expect(
      joinOrigin(at('http://localhost:2567'), {
        listenHost: '0.0.0.0',
        interfaces: classroomLaptop,
      }),
    ).toBe('http://192.168.1.20:2567');
  });

  it('PUBLIC_URL wins; HOST names the address when the server listens on one', () => {
    const options = { publicUrl: 'https://heap.school.example/', interfaces: classroomLaptop };
    expect(joinOrigin(at('http://localhost:2567'), options)).toBe('https://heap.school.example');
    expect(
      joinOrigin(at('http://localhost:2567'), {
        listenHost: '10.0.0.5',
        interfaces: classroomLaptop,
      }),
    ).toBe('http://10.0.0.5:2567');
  });

  it('keeps an address the teacher already reached over the network, or loopback when that is all there is', () => {
    expect(joinOrigin(at('http://10.1.2.3:2567'), { interfaces: classroomLaptop })).toBe(
      'http://10.1.2.3:2567',
    );
    expect(joinOrigin(at('http://localhost:2567'), { interfaces: offline })).toBe(
      'http://localhost:2567',
    );
    expect(
      joinOrigin(at('http://127.0.0.1:9000'), {
        listenHost: '127.0.0.1',
        interfaces: classroomLaptop,
      }),
    ).toBe('http://127.0.0.1:9000');
    expect(lanAddress(offline)).toBeNull();
  });
});
