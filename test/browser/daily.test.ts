/**
 * The daily challenge in chromium against the real server: the menu's Daily button, today's
 * puzzle, the leaderboard with another player's verified entry and the histogram; and (once the
 * Puzzle scene takes a session, see docs/leaderboard.md) playing today's puzzle through the
 * console, the server-verified rank, the player on the board, and the share text copied.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  challengeById,
  currentChallengeIds,
  replayChallenge,
} from '../../shared/challenges/index.ts';
import {
  clickTarget,
  extra,
  openGame,
  shot,
  startHarness,
  target,
  waitFor,
  waitScene,
} from './harness.ts';
import type { Harness } from './harness.ts';

const PUZZLE_TAKES_SESSION = readFileSync('client/scenes/Puzzle.ts', 'utf8').includes(
  'acceptsSession',
);

async function waitExtra(page: Page, key: string): Promise<void> {
  await waitFor(
    page,
    `(() => { const x = window.__heapHeroes.extra; return x && x[${JSON.stringify(key)}] != null; })()`,
    20_000,
  );
}

describe('Daily challenge in chromium', () => {
  let h: Harness;
  const today = currentChallengeIds(Date.now()).daily;
  const puzzle = challengeById(today)!.puzzle;
  const verified = replayChallenge(puzzle, puzzle.solution);
  const score = verified.ok ? verified.result.score : -1;

  beforeAll(async () => {
    h = await startHarness();
    const res = await fetch(`${h.server.url}/api/challenges/${today}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        nickname: '<b>Ada</b>',
        deviceToken: 'browser-test-other-device',
        moves: puzzle.solution,
      }),
    });
    expect(res.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it(
    "opens today's challenge from the menu and shows the verified board",
    { timeout: 90_000 },
    async () => {
      const { page, errors } = await openGame(h, 1366, 768);
      await clickTarget(page, 'button:daily');
      await waitScene(page, 'Daily');
      await waitExtra(page, 'challengeId');
      expect((await extra(page)).challengeId).toBe(today);
      await shot(page, 'daily-intro');
      await clickTarget(page, 'button:board');
      await waitScene(page, 'Leaderboard');
      await waitExtra(page, 'entries');
      const x = await extra(page);
      expect(x.entries).toEqual([
        { rank: 1, nickname: '<b>Ada</b>', score: score, moves: puzzle.par, stars: 3, you: false },
      ]);
      expect(x.histogram).toEqual([{ moves: puzzle.par, count: 1 }]);
      await shot(page, 'daily-board');
      expect(errors).toEqual([]);
    },
  );

  it(
    'on a 360×640 touch phone, a nickname the board would refuse is refused before play, beside Play',
    { timeout: 90_000 },
    async () => {
      const { page, errors } = await openGame(h, 360, 640);
      const tap = async (id: string): Promise<void> => {
        const r = await target(page, id);
        await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
      };
      await clickTarget(page, 'button:daily');
      await waitScene(page, 'Daily');
      await waitExtra(page, 'challengeId');
      await page.fill('#daily-nickname', 'fuck you');
      await tap('button:play');
      await waitExtra(page, 'nameProblem');
      const refusal = 'Please choose a friendlier nickname.';
      expect((await extra(page)).nameProblem).toBe(refusal);
      expect(await page.textContent('#daily-message')).toBe(refusal);
      // Play moved down to make room for the reason on the canvas, still on screen.
      const play = await target(page, 'button:play');
      expect(play.y + play.h).toBeLessThan(560);
      await page.waitForTimeout(500);
      expect(await page.evaluate('window.__heapHeroes.active()')).toEqual(['Daily']);
      await shot(page, 'daily-phone-refused-name');
      expect(errors).toEqual([]);
    },
  );

  it.skipIf(!PUZZLE_TAKES_SESSION)(
    'plays today, sees its verified rank on the board and copies the share text',
    { timeout: 120_000 },
    async () => {
      const { page, errors } = await openGame(h, 1366, 768);
      await page
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.server.url });
      await clickTarget(page, 'button:daily');
      await waitScene(page, 'Daily');
      await waitExtra(page, 'challengeId');
      await page.fill('#daily-nickname', '  Grace  ');
      await clickTarget(page, 'button:play');
      await waitScene(page, 'Puzzle');
      for (const move of puzzle.solution) {
        await page.fill('#console-input', move);
        await page.keyboard.press('Enter');
        await waitFor(page, `!window.__heapHeroes.busy`);
        const skip = await page.$('[data-tool="gcSkip"]');
        if (skip) await skip.click();
      }
      await waitScene(page, 'Leaderboard');
      await waitExtra(page, 'entries');
      const x = await extra(page);
      expect(x.rank).toEqual({ rank: 2, of: 2 });
      expect(x.you).toEqual({
        rank: 2,
        nickname: 'Grace',
        score: score,
        moves: puzzle.par,
        stars: 3,
        you: true,
      });
      const shared = `${x.share}\n${h.server.url}/`;
      expect(await page.textContent('#share-text')).toBe(shared);
      await clickTarget(page, 'button:share');
      await waitFor(page, `(document.querySelector('#share-status')?.textContent ?? '') !== ''`);
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(shared);
      await shot(page, 'daily-result');
      expect(errors).toEqual([]);
    },
  );
});
