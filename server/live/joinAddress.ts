/**
 * The address a phone types or scans to join: what the teacher's browser used is often
 * `localhost`, which no phone can reach. Order: PUBLIC_URL when set (a proxy or a name on the
 * school network); else, for a teacher on loopback while the server listens on every interface,
 * this machine's LAN IPv4 address on the same port; else the HOST the server listens on; else the
 * address the teacher's browser used (it already reaches the server from the network).
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export interface JoinAddressOptions {
  /** PUBLIC_URL: e.g. `https://heap.school.example` (no trailing slash needed). */
  publicUrl?: string | undefined;
  /** HOST the server listens on (undefined = every interface). */
  listenHost?: string | undefined;
  /** For tests: the machine's interfaces (default os.networkInterfaces()). */
  interfaces?: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;
const EVERY_INTERFACE = new Set([undefined, '', '0.0.0.0', '::', '[::]']);

export const isLoopback = (hostname: string): boolean => LOOPBACK.test(hostname);

/** The first non-internal IPv4 address (Wi-Fi/Ethernet), or null on a machine without one. */
export function lanAddress(
  interfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces,
): string | null {
  for (const list of Object.values(interfaces()))
    for (const info of list ?? [])
      if (info.family === 'IPv4' && !info.internal) return info.address;
  return null;
}

/** `protocol://host[:port]` phones should open, given the origin the teacher's browser used. */
export function joinOrigin(teacherOrigin: URL, options: JoinAddressOptions): string {
  if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
  if (!isLoopback(teacherOrigin.hostname)) return teacherOrigin.origin;
  const port = teacherOrigin.port ? `:${teacherOrigin.port}` : '';
  const listen = options.listenHost;
  if (EVERY_INTERFACE.has(listen)) {
    const lan = lanAddress(options.interfaces);
    return lan ? `${teacherOrigin.protocol}//${lan}${port}` : teacherOrigin.origin;
  }
  if (listen && !isLoopback(listen)) return `${teacherOrigin.protocol}//${listen}${port}`;
  return teacherOrigin.origin; // listening on loopback only: no phone can join anyway
}
