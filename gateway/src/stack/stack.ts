// The whole platform on one machine: database, three subgraphs, gateway and console, each in a
// process of its own, as `pnpm start` runs it and as the end-to-end tests start it.
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  type DatabaseServer,
  databaseServer,
  embeddedPort,
  loadOrCreateDevKeys,
  loadOrCreateServiceKeys,
  logger,
  repositoryDataDir,
  serviceKeyEnvironment,
} from '@etablerer/kit';
import type { SubgraphName } from '../composition.js';

export interface StackPorts {
  gateway: number;
  county: number;
  regions: number;
  partners: number;
  console: number;
}

/** The ports of the README; 0 lets the system pick free ones (tests). */
export const defaultPorts: StackPorts = { gateway: 4000, county: 4001, regions: 4002, partners: 4003, console: 5173 };

export interface StackOptions {
  ports?: Partial<StackPorts>;
  /** Start the console's development server too (on by default). */
  console?: boolean;
  /** Extra environment for every process, e.g. other database names. */
  env?: Record<string, string>;
}

export interface RunningStack {
  gatewayUrl: string;
  consoleUrl?: string;
  subgraphUrls: Record<SubgraphName, string>;
  databaseUrl: string;
  /** Each started process's id, e.g. for reading its CPU time from /proc. */
  pids: Partial<Record<ServiceName, number>>;
  /** Stops one subgraph (SIGTERM) while the rest runs on, e.g. to see the platform without it. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** Starts a stopped subgraph again, on its port and with its environment; resolves once it is ready. */
  startSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

const tsxLoader = import.meta.resolve('tsx');
const entries = {
  county: fileURLToPath(import.meta.resolve('@etablerer/county/entry')),
  regions: fileURLToPath(import.meta.resolve('@etablerer/regions/entry')),
  partners: fileURLToPath(import.meta.resolve('@etablerer/partners/entry')),
  gateway: fileURLToPath(new URL('../index.ts', import.meta.url)),
  console: fileURLToPath(new URL('../../../admin-ui/scripts/dev-server.ts', import.meta.url)),
};

export type ServiceName = keyof typeof entries;

interface ReadyMessage {
  type: 'ready';
  url: string;
}

function isReadyMessage(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as ReadyMessage).type === 'ready';
}

const serviceOf = new WeakMap<ChildProcess, ServiceName>();

export interface ServiceProcess {
  name: ServiceName;
  url: string;
  child: ChildProcess;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServiceProcessOptions {
  env: Record<string, string>;
  /** 'inherit' (default) shares this process's output; 'pipe' leaves it on child.stdout/stderr. */
  output?: 'inherit' | 'pipe';
  timeoutMs?: number;
  /** Called with the process as soon as it is forked, before it is ready. */
  onFork?: (child: ChildProcess) => void;
}

/** Forks one service (a subgraph, the gateway or the console) and resolves once it says it listens. */
export function startServiceProcess(
  name: ServiceName,
  { env, output = 'inherit', timeoutMs = 120_000, onFork }: ServiceProcessOptions,
): Promise<ServiceProcess> {
  const child = fork(entries[name], [], {
    execArgv: ['--import', tsxLoader],
    env: { ...process.env, SERVICE_NAME: name, ...env },
    stdio: ['ignore', output, output, 'ipc'],
  });
  serviceOf.set(child, name);
  onFork?.(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('message', (message) => {
      if (!isReadyMessage(message)) return;
      clearTimeout(timer);
      resolve({ name, url: message.url, child, stop: (graceMs) => stopProcess(child, graceMs) });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (${signal ?? `exit code ${code}`}); see its log above`));
    });
  });
}

/** Starts one service of the stack; the stack stops it, also when another one fails to start. */
async function startProcess(name: ServiceName, env: Record<string, string>, children: ChildProcess[]) {
  const service = await startServiceProcess(name, { env, onFork: (child) => children.push(child) });
  return service.url;
}

function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A port free now, for a service that must be told another's address before that one starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const ports = { ...defaultPorts, ...options.ports };
  const children: ChildProcess[] = [];
  let database: DatabaseServer | undefined;
  const stop = async () => {
    await Promise.all(children.map((child) => stopProcess(child)));
    await database?.stop();
  };
  try {
    database = await databaseServer({ dataDir: `${repositoryDataDir}postgres`, port: embeddedPort() });
    // The development identity provider: every service verifies with its public key; the
    // gateway's development sign-in signs with the private one.
    const keys = await loadOrCreateDevKeys(`${repositoryDataDir}dev-auth/keys.json`);
    const common = { ...options.env, DATABASE_URL: database.url, AUTH_PUBLIC_KEY: JSON.stringify(keys.publicKey) };
    // Each service that calls a subgraph signs with a key of its own; every subgraph trusts their public keys.
    const serviceKeys = await loadOrCreateServiceKeys(`${repositoryDataDir}service-keys/keys.json`);
    // Partners and regions call each other, so each must know the other's address before it starts.
    for (const name of ['county', 'regions', 'partners'] as const) {
      if (ports[name] === 0) ports[name] = await freePort();
    }
    const addresses = {
      COUNTY_URL: `http://127.0.0.1:${ports.county}/graphql`,
      REGIONS_URL: `http://127.0.0.1:${ports.regions}/graphql`,
      PARTNERS_URL: `http://127.0.0.1:${ports.partners}/graphql`,
    };
    const subgraphEnv = (name: SubgraphName) => ({
      ...common,
      ...addresses,
      ...serviceKeyEnvironment(serviceKeys, name),
    });
    const running = () => children.filter((child) => child.exitCode === null && child.signalCode === null);
    const [county, regions, partners] = await Promise.all(
      (['county', 'regions', 'partners'] as const).map((name) =>
        startProcess(name, { ...subgraphEnv(name), PORT: String(ports[name]) }, children),
      ),
    );
    const subgraphUrls = {
      county: `${county}/graphql`,
      regions: `${regions}/graphql`,
      partners: `${partners}/graphql`,
    };
    const gatewayUrl = await startProcess(
      'gateway',
      {
        ...common,
        ...serviceKeyEnvironment(serviceKeys, 'gateway'),
        PORT: String(ports.gateway),
        AUTH_DEV_SIGN_IN: 'true',
        AUTH_DEV_PRIVATE_KEY: JSON.stringify(keys.privateKey),
        GRAPHQL_INTROSPECTION: 'true',
        // The feeds' links lead to the console's public website, wherever this stack runs it; with the port
        // left to the system it is not known yet, and the feeds go without links.
        PUBLIC_SITE_URL: options.env?.PUBLIC_SITE_URL ?? (ports.console ? `http://localhost:${ports.console}` : ''),
        // The console's dev server proxies the browser's requests from this machine and says whose
        // they are in X-Forwarded-For; the gateway believes that header from loopback only.
        TRUST_PROXY: 'loopback',
        COUNTY_URL: subgraphUrls.county,
        REGIONS_URL: subgraphUrls.regions,
        PARTNERS_URL: subgraphUrls.partners,
      },
      children,
    );
    const consoleUrl =
      options.console === false
        ? undefined
        : await startProcess(
            'console',
            { ...options.env, PORT: String(ports.console), GATEWAY_URL: gatewayUrl },
            children,
          );
    const pids: RunningStack['pids'] = Object.fromEntries(
      children.flatMap((child) => (child.pid ? [[serviceOf.get(child) as ServiceName, child.pid]] : [])),
    );
    return {
      gatewayUrl,
      ...(consoleUrl ? { consoleUrl } : {}),
      subgraphUrls,
      databaseUrl: database.url,
      pids,
      async stopSubgraph(name) {
        await Promise.all(running().flatMap((child) => (serviceOf.get(child) === name ? [stopProcess(child)] : [])));
      },
      async startSubgraph(name) {
        if (running().some((child) => serviceOf.get(child) === name)) return;
        // The port it had, so the gateway finds it where it was.
        await startProcess(name, { ...subgraphEnv(name), PORT: new URL(subgraphUrls[name]).port }, children);
        const restarted = running().find((child) => serviceOf.get(child) === name);
        if (restarted?.pid) pids[name] = restarted.pid;
      },
      stop,
    };
  } catch (error) {
    logger.error({ err: error }, 'the platform did not start; stopping what did');
    await stop();
    throw error;
  }
}
