/** Sessions: module-level Python run chunk by chunk, each chunk all-or-nothing. */
import { describe, expect, it } from 'vitest';
import { createSession, runChunk } from '../../shared/python/index.ts';

describe('runChunk', () => {
  it('keeps names, functions and classes across chunks', () => {
    const s = createSession();
    expect(runChunk(s, 'import gc, sys\nclass Node:\n    pass\ndef f(p):\n    return p\n').ok).toBe(
      true,
    );
    const r = runChunk(s, 'a = Node()\nb = f(a)\nprint(sys.getrefcount(a))\n');
    expect(r).toMatchObject({ ok: true, stdout: '3\n', failure: null });
    expect(r.actions.map((a) => a.type)).toEqual(['new', 'call', 'return']);
  });

  it('leaves the session unchanged when a chunk fails, and numbers lines across chunks', () => {
    const s = createSession();
    runChunk(s, 'import sys\na = []\n');
    const before = s.rt.state;
    const r = runChunk(s, 'b = a\nprint(sys.getrefcount(a))\nc = a[5]\n');
    expect(r.ok).toBe(false);
    expect(r.failure).toBe('runtime');
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'line 5, in <module>\n    c = a[5]\nIndexError: list index out of range',
    );
    expect(s.rt.state).toBe(before);
    expect(runChunk(s, 'print(sys.getrefcount(a))\n').stdout).toBe('2\n');
    expect(runChunk(s, 'x = a +').failure).toBe('compile');
  });
});
