// `pnpm build` when something changed since the last build (everything on a fresh clone), nothing otherwise:
// `pnpm start`, `pnpm test` and the end-to-end test of the built artefacts run it first. Plain JavaScript: it
// runs before any build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const stampFile = join(root, 'node_modules/.cache/etablerer-build.json');

/** Each built package: what its build reads, and a file its build writes. */
const packages = {
  '@etablerer/kit': { dir: 'subgraphs/kit', inputs: ['src'], output: 'dist/index.js' },
  '@etablerer/county': { dir: 'subgraphs/county', inputs: ['src'], output: 'dist/index.js' },
  '@etablerer/regions': { dir: 'subgraphs/regions', inputs: ['src'], output: 'dist/index.js' },
  '@etablerer/partners': { dir: 'subgraphs/partners', inputs: ['src'], output: 'dist/index.js' },
  '@etablerer/gateway': { dir: 'gateway', inputs: ['src', '../schema/supergraph.graphql'], output: 'dist/index.js' },
  '@etablerer/identity-provider': { dir: 'tools/identity-provider', inputs: ['src'], output: 'dist/index.js' },
  '@etablerer/mail-catcher': { dir: 'tools/mail-catcher', inputs: ['src'], output: 'dist/index.js' },
  '@etablerer/stack': { dir: 'tools/stack', inputs: ['src'], output: 'dist/main.js' },
  '@etablerer/admin-ui': {
    dir: 'admin-ui',
    // The console's build bundles its dependencies: a change of their versions changes it too.
    inputs: ['src', 'index.html', 'vite.config.ts', '../schema/operations', '../pnpm-lock.yaml'],
    output: 'dist/index.html',
  },
};

/** Every file under `path` with its size and modification time: a change to any of them changes the fingerprint. */
function listFiles(path, into) {
  if (!existsSync(path)) return into;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) listFiles(join(path, entry), into);
  } else {
    into.push(`${path}\t${stat.size}\t${stat.mtimeMs}`);
  }
  return into;
}

function fingerprint({ dir, inputs }) {
  const base = join(root, dir);
  const files = [...inputs, 'package.json', 'tsconfig.build.json'].flatMap((input) => listFiles(join(base, input), []));
  return createHash('sha256').update(files.join('\n')).digest('hex');
}

const previous = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : {};
const current = Object.fromEntries(Object.entries(packages).map(([name, spec]) => [name, fingerprint(spec)]));
// `--all` (`pnpm build`) builds every package whatever changed.
const everything = process.argv.includes('--all');
const stale = Object.entries(packages)
  .filter(
    ([name, spec]) => everything || previous[name] !== current[name] || !existsSync(join(root, spec.dir, spec.output)),
  )
  .map(([name]) => name);

if (stale.length === 0) {
  console.log('The build is up to date.');
} else {
  console.log(`Building ${stale.join(', ')} (and what depends on them) …`);
  const started = performance.now();
  // `...name`: the package and every package depending on it, in dependency order.
  const filters = stale.flatMap((name) => ['--filter', `...${name}`]);
  const build = spawnSync('pnpm', ['-r', ...filters, 'run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  writeFileSync(stampFile, JSON.stringify(current, null, 2));
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
