/**
 * Serves the built client (vite → dist/client) with a single-page fallback: any GET outside /api,
 * /matchmake and /healthz that is not a file gets index.html. When the client has not been built,
 * the page says how to build it instead of a bare 404.
 *
 * Thirty phones on school Wi-Fi load the same bundle: responses are compressed (gzip/deflate/br,
 * as the browser accepts), and vite's content-hashed files under /assets/ are cached for a year
 * (`immutable`: a new build has new names), while index.html is revalidated on every load so a
 * new build is picked up at once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express from 'express';

export const HASHED_ASSET = /^\/assets\//;
export const YEAR_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export function createStaticRouter(clientDir: string): express.Router {
  const router = express.Router();
  router.use(compression());
  router.use(
    express.static(clientDir, {
      index: 'index.html',
      setHeaders: (res, path) => {
        const url = path.slice(clientDir.length).replaceAll('\\', '/');
        res.setHeader('Cache-Control', HASHED_ASSET.test(url) ? YEAR_CACHE : REVALIDATE);
      },
    }),
  );
  router.get(/^\/(?!api\/|matchmake\/|healthz).*/, (_req, res) => {
    const index = join(clientDir, 'index.html');
    res.setHeader('Cache-Control', REVALIDATE);
    if (existsSync(index)) return res.sendFile(index);
    res
      .status(503)
      .type('text/plain')
      .send('The client is not built yet: run `npm run build` (npm start does it for you).');
  });
  return router;
}
