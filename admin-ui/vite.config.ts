// Vite and Vitest config for the console: Vue, a proxy to the gateway for dev and preview, happy-dom for tests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import type { Plugin, ProxyOptions } from 'vite';
import { defineConfig } from 'vitest/config';

const gatewayUrl = process.env.GATEWAY_URL ?? 'http://localhost:4000';
const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * What the dev server may serve under `/@fs/`. Vite's default is the whole workspace, i.e. the repository with its
 * `.data/` (PostgreSQL's data files, the development signing key): so only the console itself, pnpm's store of its
 * dependencies (pnpm keeps them at the repository root, not under admin-ui/node_modules), and the shared operations
 * the playground preloads.
 */
const servedFiles = {
  strict: true,
  allow: [consoleRoot, `${repositoryRoot}node_modules/.pnpm`, `${repositoryRoot}schema/operations`],
  deny: [
    // Vite's defaults, which a deny list of our own would otherwise replace.
    '.env',
    '.env.*',
    '*.{crt,pem,key,p12,pfx,cer,der}',
    '.npmrc',
    '.yarnrc.yml',
    '**/.git/**',
    // The platform's local state, wherever a path may lead to it.
    '**/.data/**',
    'keys.json',
    // pnpm links every workspace package into its store: the server code, which the console never imports.
    '**/node_modules/.pnpm/node_modules/@etablerer/**',
  ],
};

/**
 * What the dev server's file watcher may report: the console's own files, and the shared operations the playground
 * imports. Anything else Vite is asked to watch (a tsconfig it extends from the repository root, a file reached through
 * `/@fs/`) would put a watch on a folder beside `.data/`, whose PostgreSQL pages change all the time: every such write
 * became a change event and reloaded every open tab. Ignoring by a function also covers paths added after start.
 */
const watchedRoots = [consoleRoot, `${repositoryRoot}schema/operations/`];
const unwatchedInConsole = [`${consoleRoot}node_modules/`, `${consoleRoot}dist/`];
export function isConsoleSource(path: string): boolean {
  const file = path.replaceAll('\\', '/');
  const withSlash = file.endsWith('/') ? file : `${file}/`;
  // The folders above a watched root are walked through, not reported.
  if (watchedRoots.some((root) => root.startsWith(withSlash))) return true;
  if (!watchedRoots.some((root) => withSlash.startsWith(root))) return false;
  return !unwatchedInConsole.some((folder) => withSlash.startsWith(folder));
}

// The console calls the gateway on its own origin, as in production, so no CORS setup is needed anywhere.
// The Host header passes unchanged, so redirects from /auth lead back to the console. X-Forwarded-For
// names the browser's address (`xfwd`), so the gateway (which trusts it from this proxy only, see
// TRUST_PROXY in the stack) limits each visitor on their own rather than all visitors as one.
// All of /auth goes through: the sign-in's full-page steps (/auth/login's redirect to the identity provider,
// /auth/callback's redirect back with the session cookie) as the gateway answers them, so the redirects are
// passed on as they are (no following, no rewriting of Location) and Set-Cookie is kept (no domain or path
// rewriting); and /.well-known (the platform's JWKS and token-service metadata) for partners trying the dev stack.
// /dev/mail/messages: what the development mail catcher caught (the console's /dev/mail page itself is the console's).
const proxiedPaths = ['/graphql', '/health', '/auth', '/feeds', '/.well-known', '/dev/mail/messages'];
const proxyOptions: ProxyOptions = {
  target: gatewayUrl,
  xfwd: true,
  followRedirects: false,
  autoRewrite: false,
  cookieDomainRewrite: false,
};
const proxy = Object.fromEntries(proxiedPaths.map((path) => [path, proxyOptions]));

/**
 * Answers 404 to a path that climbs out of where it points (`..`, or a dot, slash or backslash written encoded):
 * the console's own URLs never do, so `server.fs` should not be the only thing between such a path and the
 * repository. Before Vite's own middleware, in the dev server and in preview.
 */
function refusePathTraversal(): Plugin {
  const refuse = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      decoded = '..';
    }
    if (/%2e|%2f|%5c|\\/i.test(path) || decoded.split(/[/\\]/).includes('..')) {
      response.statusCode = 404;
      response.end();
      return;
    }
    next();
  };
  return {
    name: 'etablerer:refuse-path-traversal',
    configureServer: (server) => void server.middlewares.use(refuse),
    configurePreviewServer: (server) => void server.middlewares.use(refuse),
  };
}

export default defineConfig({
  root: consoleRoot,
  plugins: [refusePathTraversal(), vue()],
  // No static folder: the console has none, and `/public/…` is the public website's routes, which
  // Vite would otherwise take for that folder's files (and warn on every page).
  publicDir: false,
  define: {
    // vue-i18n's bundler build asks for its feature flags; composition mode only, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { proxy, fs: servedFiles, watch: { ignored: (path: string) => !isConsoleSource(path) } },
  preview: { proxy },
  optimizeDeps: {
    // The dev server's dependency pre-bundling cannot follow the `?worker` imports that start Monaco's web workers;
    // served as it is, the module goes through Vite's worker plugin as in the production build.
    exclude: ['graphiql/setup-workers/vite'],
  },
  build: {
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's React dependencies mark their modules "use client" / "use no memo" for server-component
        // bundlers; in a plain browser bundle those directives mean nothing, and a hundred warnings would hide real ones.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // A condition is waited for, never a fixed time: this only stops a wait that would go on forever
    // (vi.waitFor's own default, a second, is passed to it in each test: `pnpm test` runs two packages at once).
    expect: { poll: { timeout: 30_000 } },
  },
});
