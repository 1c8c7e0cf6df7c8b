/**
 * The browser side of /api/challenges (shared/challenges/api.ts): fetch wrappers that turn a 4xx
 * `{ error: { code, message } }` into a ChallengeApiError, and the device token and nickname kept
 * in localStorage. The server computes every score; nothing here claims one.
 */
import type {
  LeaderboardResponse,
  SubmitResponse,
  TodayResponse,
} from '../../shared/challenges/api.ts';
import { DEVICE_TOKEN_KEY } from '../../shared/challenges/api.ts';
import type { KeyValueStore } from '../ui/store.ts';

export const NICKNAME_KEY = 'heap-heroes:nickname';
export const CLASS_CODE_KEY = 'heap-heroes:class-code';

class ChallengeApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ChallengeApiError(0, 'network/offline', 'No connection to the server.');
  }
  const body = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string };
  } | null;
  if (!res.ok)
    throw new ChallengeApiError(
      res.status,
      body?.error?.code ?? 'server/error',
      body?.error?.message ?? res.statusText,
    );
  return body as T;
}

export const fetchToday = (): Promise<TodayResponse> =>
  call<TodayResponse>('/api/challenges/today');

export function submitChallenge(
  id: string,
  body: { nickname: string; deviceToken: string; moves: string[]; classCode?: string },
): Promise<SubmitResponse> {
  return call<SubmitResponse>(`/api/challenges/${encodeURIComponent(id)}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function fetchLeaderboard(
  id: string,
  device: string,
  classCode?: string,
): Promise<LeaderboardResponse> {
  const q = new URLSearchParams({ device });
  if (classCode) q.set('class', classCode);
  return call<LeaderboardResponse>(
    `/api/challenges/${encodeURIComponent(id)}/leaderboard?${q.toString()}`,
  );
}

/** This browser's device token: 22 random base64url characters, created once. */
export function deviceToken(
  store: KeyValueStore,
  random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b),
): string {
  const have = store.getItem(DEVICE_TOKEN_KEY);
  if (have !== null && /^[A-Za-z0-9_-]{16,64}$/.test(have)) return have;
  const bytes = new Uint8Array(new ArrayBuffer(22));
  random(bytes);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const token = [...bytes].map((b) => alphabet[b & 63]).join('');
  store.setItem(DEVICE_TOKEN_KEY, token);
  return token;
}
