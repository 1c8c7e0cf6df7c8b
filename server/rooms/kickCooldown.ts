/**
 * A kicked student who clears their browser storage loses the seat token that keeps them out
 * (`join/kicked`) and could join again at once under a new name. So a kick also spends the
 * kicked seat's network address for that class: for `ms` afterwards no new student seat is
 * given to a join from that address. Seats already held (a token join) and teachers are not
 * affected; other classes are not affected.
 *
 * Nothing but the address the matchmaker saw (the TCP peer, server/http/matchmakeGuard.ts) is
 * used, and only in memory for the life of the class: no fingerprint, nothing stored. Students
 * behind one NAT share an address, so a late joiner there waits too: the window is short, and a
 * teacher who wants nobody new locks the class instead.
 */

export class KickCooldown {
  private readonly ms: number;
  private readonly now: () => number;
  /** Address each student seat joined from (only seats that came through the matchmaker). */
  private readonly addressOfSeat = new Map<string, string>();
  /** Address → time its cooldown ends. */
  private readonly until = new Map<string, number>();

  constructor(ms: number, now: () => number) {
    this.ms = ms;
    this.now = now;
  }

  seated(seatId: string, address: string | undefined): void {
    if (address !== undefined) this.addressOfSeat.set(seatId, address);
  }

  /** The seat was removed: a kick starts its address's cooldown, an eviction only forgets it. */
  removed(seatId: string, kicked: boolean): void {
    const address = this.addressOfSeat.get(seatId);
    this.addressOfSeat.delete(seatId);
    if (kicked && address !== undefined) this.until.set(address, this.now() + this.ms);
  }

  /** Whole seconds before `address` may take a new seat (0: now). */
  wait(address: string | undefined): number {
    const end = address === undefined ? undefined : this.until.get(address);
    if (end === undefined) return 0;
    const left = end - this.now();
    if (left > 0) return Math.ceil(left / 1000);
    this.until.delete(address!);
    return 0;
  }
}
