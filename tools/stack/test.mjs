// `pnpm test`'s last step: every package's tests, two packages at a time. One package's tests keep
// about one core busy (most of their time is spent waiting for PostgreSQL, the services they start
// and Chromium), so on a 2-core machine a second package runs in the time the first leaves idle.
// Each package's output is printed whole when it ends, with its time; failures are repeated last.
// Without DATABASE_URL one embedded PostgreSQL serves them all (each package's global set-up would
// otherwise start its own in the same folder). Plain JavaScript, run after the build.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const concurrency = Math.max(1, Number(process.env.TEST_CONCURRENCY ?? 2));

/**
 * The order they start in: the longest first, so that the short ones fill the end (the end-to-end
 * tests take about a quarter of the whole). Packages not named here start last.
 */
const longestFirst = [
  '@etablerer/test',
  '@etablerer/regions',
  '@etablerer/gateway',
  '@etablerer/admin-ui',
  '@etablerer/partners',
  '@etablerer/county',
  '@etablerer/stack',
  '@etablerer/identity-provider',
  '@etablerer/kit',
  '@etablerer/mail-catcher',
];

/** The workspace's packages that have tests, in the order they start. */
async function workspacePackages() {
  const listed = JSON.parse(await outputOf('pnpm', ['-r', 'ls', '--json', '--depth', '-1']));
  return listed
    .filter((entry) => entry.path !== root.replace(/\/$/, ''))
    .map((entry) => ({ name: entry.name, dir: entry.path }))
    .filter(({ dir }) => Boolean(JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')).scripts?.test))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

function rank(name) {
  const index = longestFirst.indexOf(name);
  return index === -1 ? longestFirst.length : index;
}

function outputOf(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`${command} ${args.join(' ')}: ${code}`)),
    );
  });
}

/** Runs one package's `test` script; resolves with its exit code, its output and its time. */
function runTests({ name, dir }, env) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['run', 'test'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) =>
      resolve({
        name,
        code: code ?? (signal ? 1 : 0),
        output: Buffer.concat(output).toString(),
        seconds: (performance.now() - started) / 1000,
      }),
    );
  });
}

async function main() {
  const packages = await workspacePackages();
  const env = { ...process.env };
  let stopDatabase = async () => {};
  if (!env.DATABASE_URL) {
    const { databaseServer, repositoryDataDir } = await import('@etablerer/kit/launcher');
    const server = await databaseServer({
      dataDir: `${repositoryDataDir}postgres-test`,
      port: Number(env.EMBEDDED_POSTGRES_TEST_PORT ?? 54330),
    });
    env.DATABASE_URL = server.url;
    stopDatabase = server.stop;
  }
  const started = performance.now();
  console.log(
    `Testing ${packages.length} packages, ${concurrency} at a time: ${packages.map((p) => p.name).join(', ')}`,
  );
  const results = [];
  const queue = [...packages];
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const result = await runTests(next, env);
      results.push(result);
      process.stdout.write(
        `\n━━━ ${result.name}: ${result.code === 0 ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(0)} s ━━━\n`,
      );
      process.stdout.write(result.output);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, lane));
  } finally {
    await stopDatabase();
  }
  const failed = results.filter((result) => result.code !== 0);
  for (const result of failed) {
    process.stdout.write(`\n━━━ again, the output of ${result.name}, which FAILED ━━━\n${result.output}`);
  }
  console.log(`\nTests of every package in ${((performance.now() - started) / 1000).toFixed(0)} s:`);
  for (const result of results) {
    console.log(
      `  ${result.code === 0 ? 'passed' : 'FAILED'}  ${result.seconds.toFixed(0).padStart(4)} s  ${result.name}`,
    );
  }
  process.exitCode = failed.length > 0 ? 1 : 0;
}

await main();
