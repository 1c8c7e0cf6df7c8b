/**
 * Serves the built client (vite → dist/client) with a single-page fallback: any GET outside /api,
 * /matchmake and /healthz that is not a file gets index.html. When the client has not been built,
 * the page says how to build it instead of a bare 404.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';

export function createStaticRouter(clientDir: string): express.Router {
  const router = express.Router();
  router.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
  router.get(/^\/(?!api\/|matchmake\/|healthz).*/, (_req, res) => {
    const index = join(clientDir, 'index.html');
    if (existsSync(index)) return res.sendFile(index);
    res
      .status(503)
      .type('text/plain')
      .send('The client is not built yet: run `npm run build` (npm start does it for you).');
  });
  return router;
}
