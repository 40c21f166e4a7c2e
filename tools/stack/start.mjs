// `pnpm start`: builds what changed since the last build, then runs the launcher's built code under plain node,
// which starts the built services. Imported dynamically: a static import of dist/ would be resolved before the
// build that writes it.
await import('./build.mjs');
await import('./dist/main.js');
