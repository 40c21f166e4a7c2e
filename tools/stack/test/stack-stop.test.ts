// `pnpm start`'s launcher as a real process, on its own embedded PostgreSQL (a cluster of the
// test's own, on a free port) and ports the system picks: PostgreSQL killed outright is noticed
// and started again, and SIGTERM stops the platform in order: a request in flight completes,
// the services stop, PostgreSQL stops last, then the launcher exits 0.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort, nodeArgumentsFor, repositoryDataDir, withDatabaseClient } from '@etablerer/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dataDir = `${repositoryDataDir}postgres-stack-test`;
const launcherEntry = fileURLToPath(new URL('../src/main.ts', import.meta.url));

interface LogLine {
  text: string;
  json?: { service?: string; msg?: string; [key: string]: unknown };
}

let launcher: ChildProcess;
let exited: Promise<number | null>;
let gatewayUrl: string;
let postgresPort: number;
const lines: LogLine[] = [];
const waiters = new Set<() => void>();

/** Resolves with the first line (already seen or still to come) that `matches`. */
function waitForLine(matches: (line: LogLine) => boolean): Promise<LogLine> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = lines.find(matches);
      if (found) {
        waiters.delete(check);
        resolve(found);
      } else if (launcher.exitCode !== null || launcher.signalCode !== null) {
        waiters.delete(check);
        reject(new Error('the launcher exited before the line came'));
      }
    };
    waiters.add(check);
    check();
  });
}

const logged = (service: string, message: RegExp) => (line: LogLine) =>
  line.json?.service === service && message.test(line.json.msg ?? '');
const indexOf = (matches: (line: LogLine) => boolean) => lines.findIndex(matches);

beforeAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  postgresPort = await freePort();
  const { DATABASE_URL: _machineServer, VITEST: _vitest, ...environment } = process.env;
  launcher = spawn(process.execPath, [...nodeArgumentsFor(launcherEntry), launcherEntry], {
    env: {
      ...environment,
      EMBEDDED_POSTGRES_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      STACK_PORTS: '0',
      STACK_CONSOLE: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) => launcher.once('exit', (code) => resolve(code)));
  launcher.once('exit', () => {
    for (const waiter of [...waiters]) waiter();
  });
  for (const stream of [launcher.stdout, launcher.stderr]) {
    createInterface({ input: stream as NodeJS.ReadableStream }).on('line', (text) => {
      let json: LogLine['json'];
      try {
        json = JSON.parse(text) as LogLine['json'];
      } catch {
        json = undefined;
      }
      lines.push({ text, json });
      for (const waiter of [...waiters]) waiter();
    });
  }
  const banner = await waitForLine((line) => /Gateway\s+http:\/\/localhost:\d+\/graphql/.test(line.text));
  gatewayUrl = `http://127.0.0.1:${/localhost:(\d+)/.exec(banner.text)?.[1]}`;
}, 300_000);

afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    launcher.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function askRegions() {
  const signIn = await fetch(`${gatewayUrl}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'coordination.member' }),
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ query: 'query Regions { regions { id name } }' }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: { regions: unknown[] } | null; errors?: unknown },
  };
}

describe("the launcher's embedded PostgreSQL", () => {
  it('is started again after a SIGKILL, and the services reconnect by themselves', async () => {
    const before = await askRegions();
    expect(before.body.errors).toBeUndefined();
    const pid = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    const seen = lines.length;
    process.kill(pid, 'SIGKILL');
    await waitForLine((line) => lines.indexOf(line) >= seen && line.json?.msg === 'embedded PostgreSQL restarted');
    expect(indexOf((line) => line.json?.msg === 'embedded PostgreSQL exited; restarting it')).toBeGreaterThanOrEqual(
      seen,
    );
    const newPid = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    expect(newPid).not.toBe(pid);
    // The pools drop the connections the old server had; a request or two may still meet one.
    let answer = await askRegions();
    for (let attempt = 0; attempt < 50 && answer.body.errors; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      answer = await askRegions();
    }
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.regions).toHaveLength(13);
  }, 120_000);
});

describe('SIGTERM to the launcher', () => {
  it('lets a request in flight complete, stops the services, then PostgreSQL, then exits 0', async () => {
    // A lock on the regions table holds the request in the regions subgraph's database query.
    const inFlight = await withDatabaseClient(
      `postgres://postgres:postgres@127.0.0.1:${postgresPort}`,
      'regions',
      async (blocker) => {
        await blocker.query('begin');
        await blocker.query('lock table region in access exclusive mode');
        const request = askRegions();
        for (;;) {
          const { rows } = await blocker.query(
            `select 1 from pg_stat_activity where datname = 'regions' and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
          );
          if (rows.length > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        launcher.kill('SIGTERM');
        await waitForLine(logged('gateway', /finishing requests in flight/));
        await blocker.query('commit');
        return { request };
      },
    );

    const { status, body } = await inFlight.request;
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.regions).toHaveLength(13);
    expect(await exited).toBe(0);

    // In the order the lines say they were written: the services write to the launcher's output and
    // error streams themselves, and the two streams arrive here interleaved as they come.
    const timeOf = (matches: (line: LogLine) => boolean) => {
      const time = Date.parse(String(lines.find(matches)?.json?.time));
      expect(time, 'a line that should be in the log').not.toBeNaN();
      return time;
    };
    const gatewayStopped = timeOf(logged('gateway', /stopped$/));
    const subgraphsStopped = ['county', 'regions', 'partners'].map((name) => timeOf(logged(name, /stopped$/)));
    const postgresStopped = timeOf((line) => line.json?.msg === 'embedded PostgreSQL stopped');
    const platformStopped = timeOf((line) => line.json?.msg === 'the platform stopped');
    for (const time of subgraphsStopped) {
      expect(time).toBeGreaterThanOrEqual(gatewayStopped);
      expect(time).toBeLessThanOrEqual(postgresStopped);
    }
    expect(postgresStopped).toBeLessThanOrEqual(platformStopped);
    // Nothing restarted a service while it was being stopped.
    expect(lines.filter((line) => line.json?.msg === 'service exited; restarting it')).toEqual([]);
  }, 120_000);
});
