// Vite and Vitest config for the console: Vue, a proxy to the gateway for dev and preview, happy-dom for tests.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const gatewayUrl = process.env.GATEWAY_URL ?? 'http://localhost:4000';

// The console calls the gateway on its own origin, as in production, so no CORS setup is needed anywhere.
// The Host header passes unchanged, so redirects from /auth lead back to the console. X-Forwarded-For
// names the browser's address (`xfwd`), so the gateway (which trusts it from this proxy only, see
// TRUST_PROXY in the stack) limits each visitor on their own rather than all visitors as one.
const proxy = Object.fromEntries(
  ['/graphql', '/health', '/auth', '/feeds'].map((path) => [path, { target: gatewayUrl, xfwd: true }]),
);

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  // No static folder: the console has none, and `/public/…` is the public website's routes, which
  // Vite would otherwise take for that folder's files (and warn on every page).
  publicDir: false,
  define: {
    // vue-i18n's bundler build asks for its feature flags; composition mode only, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { proxy },
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
  },
});
