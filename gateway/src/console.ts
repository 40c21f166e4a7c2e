// Serves the built console (admin-ui/dist) on the gateway's own origin: its files, the history-mode fallback for
// its routes, long-lived caching for the hashed assets, and a Content-Security-Policy the console and its
// GraphiQL playground work under.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type Request } from 'express';
import helmet from 'helmet';

/** Paths the gateway answers itself; the console's fallback never takes them. */
const gatewayPaths = /^\/(graphql|health|metrics|auth|feeds)(\/|$)/;

/** Vite names every built asset after its content, so a file under /assets/ never changes. */
const hashedAssets = /^\/assets\//;

/**
 * What the console may load: only its own origin. Styles inline too, as GraphiQL's editor (Monaco) writes
 * `<style>` elements at run time; its web workers are files of the build; fonts and icons may be data URIs.
 */
const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** Whether a request is a browser navigating to one of the console's pages (not a file, not the graph). */
function isConsolePage(req: Request): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    !gatewayPaths.test(req.path) &&
    !hashedAssets.test(req.path) &&
    req.accepts('html') === 'html'
  );
}

/** Mounts the console built into `dir` (its index.html and assets/) on `app`. */
export function mountConsole(app: Express, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`CONSOLE_DIR ${dir} holds no built console (index.html): run \`pnpm build\` first`);
  }
  // Security headers for the console's responses only: the feeds' HTML is meant to be framed by other sites.
  const headers = helmet({
    contentSecurityPolicy,
    // TLS ends at the county's proxy, which sets HSTS; on http://localhost it would only confuse browsers.
    strictTransportSecurity: false,
  });
  const files = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      res.setHeader(
        'cache-control',
        path.startsWith(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.use((req, res, next) => {
    if (gatewayPaths.test(req.path)) return next();
    headers(req, res, () => {
      files(req, res, () => {
        if (!isConsolePage(req)) return next();
        // history mode: /clients/42 or /public/kurs is index.html, and the console's router takes it from there.
        res.setHeader('cache-control', 'no-cache');
        res.sendFile(index);
      });
    });
  });
}
