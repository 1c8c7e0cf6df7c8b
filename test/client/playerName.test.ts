import { describe, expect, it } from 'vitest';
import { checkPlayerName } from '../../client/challenge/nickname.ts';

describe('daily/weekly nickname, checked before play', () => {
  it('takes what the leaderboard takes', () => {
    expect(checkPlayerName('  Ada L ')).toEqual({ ok: true, nickname: 'Ada L' });
    expect(checkPlayerName('<b>Ada</b>')).toEqual({ ok: true, nickname: '<b>Ada</b>' });
  });

  it('says why before a solve can be lost: empty, longer than 20, or a refused word', () => {
    expect(checkPlayerName('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkPlayerName('x'.repeat(21))).toEqual({ ok: false, reason: 'long' });
    expect(checkPlayerName('fuck')).toEqual({ ok: false, reason: 'words' });
    expect(checkPlayerName('sh1t head')).toEqual({ ok: false, reason: 'words' });
  });
});
