/** Playground share links: a program and a step survive the round trip; a damaged link is told apart. */
import { describe, expect, it } from 'vitest';
import { linkHash, readLink } from '../../client/playground/link.ts';

describe('Playground links', () => {
  const program = 'x = "héllo ✓"\nprint(x)  # 100% & #hash\n';

  it('round-trips a program and a step through the URL hash', () => {
    const hash = linkHash(program, 7);
    expect(hash).toMatch(/^#pg=1\.7\.[A-Za-z0-9+\-$]+$/);
    expect(readLink(hash)).toEqual({ ok: true, source: program, step: 7 });
  });

  it('says broken for a cut, altered or other-version link, and null for no link', () => {
    const hash = linkHash(program, 2);
    expect(readLink(hash.slice(0, hash.length - 6))).toEqual({ ok: false });
    expect(readLink(hash.replace('#pg=1.', '#pg=2.'))).toEqual({ ok: false });
    expect(readLink('#pg=1.3.not-a-real-program')).toEqual({ ok: false });
    expect(readLink('#pg=')).toEqual({ ok: false });
    expect(readLink('#somewhere')).toBeNull();
    expect(readLink('')).toBeNull();
  });
});
