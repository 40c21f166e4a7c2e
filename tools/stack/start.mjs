// `pnpm start`: builds what changed since the last build, then runs the launcher's built code under plain node,
// which starts the built services.
import './build.mjs';
import './dist/main.js';
