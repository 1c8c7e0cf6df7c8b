/**
 * Process entry: reads the environment, starts the game server, exits on startup errors.
 *   PORT (default 2567), HOST (default all interfaces), DATA_DIR (default ./data),
 *   ALLOWED_ORIGINS (comma-separated origins allowed besides our own, for CORS, state-changing
 *   requests and the WebSocket handshake; default none), CLIENT_DIR (default dist/client),
 *   RECONNECT_SECONDS (how long a dropped client keeps its seat; default 60),
 *   PATCH_MS (state patch interval of the rooms; default 20),
 *   PUBLIC_URL (the origin students' phones open join links on; default this machine's LAN address).
 *   Scale-out (docs/scale.md): DATABASE_URL (PostgreSQL instead of SQLite), REDIS_URL (several
 *   processes share rooms), PUBLIC_ADDRESS (host:port browsers reach this process on).
 */
import { resolve } from 'node:path';
import { createGameServer } from './app.ts';
import { defaultRules } from './game/activeRules.ts';
import { parseOrigins } from './http/cors.ts';
import { joinOrigin } from './live/joinAddress.ts';

const env = process.env;
const port = Number(env.PORT ?? 2567);

try {
  const server = await createGameServer({
    port,
    ...(env.HOST ? { host: env.HOST } : {}),
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    ...(env.CLIENT_DIR ? { clientDir: resolve(env.CLIENT_DIR) } : {}),
    allowedOrigins: parseOrigins(env.ALLOWED_ORIGINS),
    rules: defaultRules,
    handleSignals: true,
    ...(env.RECONNECT_SECONDS ? { reconnectSeconds: Number(env.RECONNECT_SECONDS) } : {}),
    ...(env.PATCH_MS ? { patchMs: Number(env.PATCH_MS) } : {}),
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    publicAddress: env.PUBLIC_ADDRESS,
    publicUrl: env.PUBLIC_URL,
  });
  // Never print DATABASE_URL / REDIS_URL: they may carry passwords.
  const data = env.DATABASE_URL
    ? 'data in PostgreSQL'
    : `data in ${resolve(env.DATA_DIR ?? 'data')}`;
  const scale = env.REDIS_URL
    ? `, scaled out via Redis as ${server.colyseus.options.publicAddress ?? '?'}`
    : '';
  console.log(`Heap Heroes server on ${server.url} (${data}${scale})`);
  const students = joinOrigin(new URL(server.url), {
    publicUrl: env.PUBLIC_URL,
    listenHost: env.HOST,
  });
  console.log(`Students' phones join at ${students} (set PUBLIC_URL or HOST to change it)`);
} catch (err) {
  // A taken port would otherwise leave a hung process (stack NOTES gotcha 13).
  console.error(
    `Heap Heroes server failed to start on port ${port}:`,
    err instanceof Error ? err.message : err,
  );
  process.exit(1);
}
