import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** The service's own routes: the web app never answers for them, whatever the path looks like. */
const SERVICE_PATHS = /^\/(api|docs|public|health)(\/|$)/;

/**
 * The staff area allows nothing from another origin (staff PCs sit on a closed network) and no
 * inline script or style: the built app needs neither.
 */
export const STAFF_CSP = "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'";

/** dist/web beside the nearest package.json: the repository's from apps/ (tests) or dist/ (built), the image's /app. */
export function defaultWebDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(process.cwd(), 'dist', 'web');
    dir = parent;
  }
  return join(dir, 'dist', 'web');
}

/**
 * Serves the built staff web app at `/`: hashed assets cached for a year, index.html revalidated
 * every time, and index.html for any other page a browser asks for (client-side routes), never
 * for the service's own paths. Serves nothing when the app is not built (returns false).
 */
export function serveStaffWeb(app: INestApplication, webDir: string | null): boolean {
  if (webDir === null || !existsSync(join(webDir, 'index.html'))) return false;
  const staticFiles = express.static(webDir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.includes(`${join(webDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('Content-Security-Policy', STAFF_CSP);
      res.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });
  const indexFile = join(webDir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVICE_PATHS.test(req.path)) return next();
    staticFiles(req, res, () => {
      // A missing asset is a 404, not the app's page; a page the browser navigates to is the app.
      if (req.path.startsWith('/assets/') || !(req.headers.accept ?? '').includes('text/html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Content-Security-Policy', STAFF_CSP);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.sendFile(indexFile);
    });
  });
  return true;
}
