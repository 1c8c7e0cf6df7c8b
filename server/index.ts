/**
 * Process entry: reads the environment, starts the game server, exits on startup errors.
 *   PORT (default 2567), HOST (default all interfaces), DATA_DIR (default ./data),
 *   ALLOWED_ORIGINS (comma-separated; default none = same-origin only), CLIENT_DIR (default dist/client),
 *   RECONNECT_SECONDS (how long a dropped client keeps its seat; default 60).
 */
import { resolve } from 'node:path';
import { createGameServer } from './app.ts';
import { defaultRules } from './game/activeRules.ts';
import { parseOrigins } from './http/cors.ts';

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
  });
  console.log(`Heap Heroes server on ${server.url} (data in ${resolve(env.DATA_DIR ?? 'data')})`);
} catch (err) {
  // A taken port would otherwise leave a hung process (stack NOTES gotcha 13).
  console.error(`Heap Heroes server failed to start on port ${port}:`, err instanceof Error ? err.message : err);
  process.exit(1);
}
