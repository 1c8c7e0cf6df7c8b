/**
 * The game server: one HTTP server on one port carrying Express (built client, /healthz, /api)
 * and Colyseus 0.18 (matchmaking under /matchmake, WebSocket rooms).
 *
 * `createGameServer` is what index.ts runs and what tests start on port 0. Colyseus' matchmaker
 * is process-global: run one game server per process (vitest gives each test file its own).
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { defineRoom, defineServer, type Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { Encoder } from '@colyseus/schema';
import type { Rules } from './game/rules.ts';
import { createChallengeRouter, type ChallengeOptions } from './challenges/router.ts';
import { createApiRouter, healthHandler } from './http/api.ts';
import { applyCorsPolicy } from './http/cors.ts';
import { createStaticRouter } from './http/static.ts';
import { installHttpHardening } from './http/security.ts';
import { installMatchmakeGuard } from './http/matchmakeGuard.ts';
import { cpuBudget, requestBudget } from './http/budget.ts';
import { Limits, type Budgets } from './http/limits.ts';
import { jsonErrors } from './http/errors.ts';
import { VerifyPool } from './http/verifyPool.ts';
import { defaultRules } from './game/activeRules.ts';
import { ORIGIN_REFUSED, originAllowed } from './http/origin.ts';
import { quietLogger } from './http/quietLogger.ts';
import { createLiveRouter } from './live/http.ts';
import { ClassroomRoom } from './rooms/ClassroomRoom.ts';
import type { RoomDeps } from './rooms/deps.ts';
import { TeamRoom } from './rooms/TeamRoom.ts';
import { releaseCodeOnDispose } from './scale/roomCodes.ts';
import { scaleServerOptions } from './scale/redis.ts';
import { openStore } from './store/open.ts';
import type { Store } from './store/Store.ts';
import { ROOMS } from '../shared/protocol.ts';

export interface GameServerOptions {
  /** 0 = any free port (tests). */
  port: number;
  /** Directory of the SQLite file. */
  dataDir: string;
  /** PostgreSQL instead of SQLite (DATABASE_URL; docs/scale.md). */
  databaseUrl?: string | undefined;
  /** Redis presence + driver, so several processes serve one deployment (REDIS_URL). */
  redisUrl?: string | undefined;
  /** host:port browsers reach this process on (PUBLIC_ADDRESS; default host:port with Redis). */
  publicAddress?: string | undefined;
  /** PUBLIC_URL: the origin students' phones open join links on (server/live/joinAddress.ts). */
  publicUrl?: string | undefined;
  host?: string;
  rules: Rules;
  /** Built client; defaults to dist/client under the working directory. */
  clientDir?: string;
  /**
   * Origins (besides this server's own) allowed cross-origin reads and state-changing requests,
   * WebSocket handshakes included (ALLOWED_ORIGINS; default none: same-origin only).
   */
  allowedOrigins?: readonly string[];
  /** Install SIGINT/SIGTERM handlers that shut down gracefully (off in tests). */
  handleSignals?: boolean;
  /** Clock and rate limits of /api/challenges (defaults: Date.now, DEFAULT_LIMITS). */
  challenges?: ChallengeOptions;
  /** Seconds a dropped client keeps its seat (default LIMITS.reconnectSeconds = 60). */
  reconnectSeconds?: number;
  /** State patch interval of the rooms in ms (default PATCH_MS = 20). */
  patchMs?: number;
  /** Per-address and per-process budgets of the public endpoints (http/limits.ts DEFAULT_BUDGETS). */
  budgets?: Budgets;
  /** The rooms' wall clock (kick cooldown); default Date.now. Tests pin and move it. */
  roomClock?: () => number;
}

export interface GameServer {
  readonly port: number;
  /** http://host:port */
  readonly url: string;
  readonly store: Store;
  readonly colyseus: Server;
  close(): Promise<void>;
}

/**
 * A teacher's full state holds every student's board (250 of them): well past schema's default
 * encode buffer, which otherwise grows with a warning on every join (stack NOTES gotcha 18).
 */
Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 512 * 1024);

export async function createGameServer(options: GameServerOptions): Promise<GameServer> {
  const storage = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const { store, liveReports } = storage;
  const deps: RoomDeps = {
    rules: options.rules,
    store,
    liveReports,
    ...(options.reconnectSeconds === undefined
      ? {}
      : { reconnectSeconds: options.reconnectSeconds }),
    ...(options.patchMs === undefined ? {} : { patchMs: options.patchMs }),
    ...(options.roomClock === undefined ? {} : { now: options.roomClock }),
  };
  const http = createServer();
  const allowedOrigins = options.allowedOrigins ?? [];
  const limits = new Limits(options.budgets, options.redisUrl);
  installHttpHardening(http, allowedOrigins, (peer) => limits.blocked(peer));
  http.on('connection', (socket: Socket) => {
    if (limits.flooding(socket.remoteAddress ?? 'unknown')) socket.destroy();
  });
  applyCorsPolicy(allowedOrigins);
  installMatchmakeGuard(limits);
  const cpu = cpuBudget(limits);
  const verifier = options.rules === defaultRules ? new VerifyPool().warm() : null;
  const colyseus = defineServer({
    rooms: {
      [ROOMS.classroom]: releaseCodeOnDispose(defineRoom(bindDeps(ClassroomRoom, deps))),
      [ROOMS.team]: releaseCodeOnDispose(defineRoom(bindDeps(TeamRoom, deps))),
    },
    ...scaleServerOptions(options),
    transport: new WebSocketTransport({
      server: http,
      beforeUpgrade: (request) => refuseForeignOrigin(request, new Set(allowedOrigins)),
    }),
    gracefullyShutdown: options.handleSignals ?? false,
    greet: false,
    // Malformed client messages are logged with a stack each: cap them (http/quietLogger.ts).
    logger: quietLogger(),
    express: (app) => {
      app.disable('x-powered-by');
      app.get('/healthz', healthHandler);
      app.use('/api', requestBudget(limits));
      // Bounded before they start: replay, puzzle generation, QR drawing (http/budget.ts).
      app.post('/api/verify', cpu);
      app.get('/api/challenges/:id', cpu);
      app.post('/api/challenges/:id/submit', cpu);
      app.get('/api/live/join/:code', cpu);
      app.get('/api/live/join/:code/qr.svg', cpu);
      app.use('/api/challenges', createChallengeRouter(store, options.challenges));
      app.use(
        '/api/live',
        createLiveRouter(liveReports, { publicUrl: options.publicUrl, listenHost: options.host }),
      );
      app.use(
        '/api',
        createApiRouter({ rules: options.rules, ...(verifier ? { verify: verifier.verify } : {}) }),
      );
      app.use(createStaticRouter(options.clientDir ?? join(process.cwd(), 'dist', 'client')));
      app.use(jsonErrors);
    },
  });
  colyseus.onShutdown(() => storage.close());
  colyseus.onShutdown(() => limits.close());
  colyseus.onShutdown(() => verifier?.close());
  await listen(colyseus, http, options.port, options.host);
  const port = (http.address() as AddressInfo).port;
  const shownHost =
    options.host === undefined || options.host === '0.0.0.0' ? 'localhost' : options.host;
  return {
    port,
    url: `http://${shownHost}:${port}`,
    store,
    colyseus,
    close: async () => {
      await colyseus.gracefullyShutdown(false);
      await storage.close();
      limits.close();
      await verifier?.close();
    },
  };
}

/** WebSocket handshakes from a foreign page are refused (browsers always send Origin there). */
function refuseForeignOrigin(request: Request, allowed: ReadonlySet<string>): Response | undefined {
  const h = request.headers;
  if (originAllowed({ origin: h.get('origin'), host: h.get('host') }, allowed)) return undefined;
  return Response.json({ error: ORIGIN_REFUSED }, { status: 403 });
}

/** A subclass carrying `deps`, because Colyseus constructs rooms without arguments. */
function bindDeps<C extends typeof ClassroomRoom | typeof TeamRoom>(room: C, deps: RoomDeps): C {
  const bound = class extends (room as typeof ClassroomRoom) {};
  bound.deps = deps;
  Object.defineProperty(bound, 'name', { value: room.name });
  return bound as unknown as C;
}

/**
 * Colyseus' listen() never settles when the port is taken (stack NOTES gotcha 13): race it with
 * the HTTP server's own 'error' event so the caller gets a rejection it can exit on.
 */
function listen(
  colyseus: Server,
  http: HttpServer,
  port: number,
  host: string | undefined,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    http.once('error', onError);
    colyseus.listen(port, host).then(() => {
      http.off('error', onError);
      resolve();
    }, reject);
  });
}
