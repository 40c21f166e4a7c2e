// The whole platform on one machine: database, three subgraphs, gateway and console, each in a
// process of its own, as `pnpm start` runs it and as the end-to-end tests start it.
import { type ChildProcess, fork } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
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

/** Each service's internal port (metrics, detailed health): its public port plus 100, or any free one with port 0. */
const internalPortOf = (port: number) => (port === 0 ? 0 : port + 100);

export interface StackOptions {
  ports?: Partial<StackPorts>;
  /** Start the console's development server too (on by default). */
  console?: boolean;
  /** Extra environment for every process, e.g. other database names. */
  env?: Record<string, string>;
  /** Restart a service that dies, with backoff (on by default). */
  supervise?: boolean;
}

/** What the supervisor tells about the services it keeps running. */
export interface StackEvents {
  /** A service's process exited without being asked to; a restart follows after `delayMs`. */
  exited: [name: ServiceName, info: { code: number | null; signal: NodeJS.Signals | null; delayMs: number }];
  /** A service is ready again after a restart, in a new process. */
  restarted: [name: ServiceName, info: { pid: number | undefined; attempts: number }];
}

export interface RunningStack {
  gatewayUrl: string;
  /** The gateway's internal port: /health (every subgraph's state), /metrics. */
  gatewayInternalUrl: string;
  consoleUrl?: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** Each subgraph's internal port: /health (its database), /metrics. */
  subgraphInternalUrls: Record<SubgraphName, string>;
  databaseUrl: string;
  /** Each started process's id, e.g. for reading its CPU time from /proc. */
  pids: Partial<Record<ServiceName, number>>;
  /** Stops one subgraph (SIGTERM) while the rest runs on, e.g. to see the platform without it. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** Starts a stopped subgraph again, on its port and with its environment; resolves once it is ready. */
  startSubgraph(name: SubgraphName): Promise<void>;
  /** The supervisor's news: services that died and came back. */
  events: EventEmitter<StackEvents>;
  /**
   * Stops everything in order: the gateway stops taking requests and finishes those in flight, then
   * the console, then the subgraphs (finishing theirs), and the embedded PostgreSQL last.
   */
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
  /** The service's internal port (the console has none). */
  internalUrl?: string;
}

function isReadyMessage(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as ReadyMessage).type === 'ready';
}

const serviceOf = new WeakMap<ChildProcess, ServiceName>();

export interface ServiceProcess {
  name: ServiceName;
  url: string;
  /** Its internal port: /metrics, /health, /health/ready (none for the console). */
  internalUrl?: string;
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
    // Any free internal port unless told: two services on one machine must not both take the default.
    env: { ...process.env, SERVICE_NAME: name, INTERNAL_PORT: '0', ...env },
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
      resolve({
        name,
        url: message.url,
        ...(message.internalUrl ? { internalUrl: message.internalUrl } : {}),
        child,
        stop: (graceMs) => stopProcess(child, graceMs),
      });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (${signal ?? `exit code ${code}`}); see its log above`));
    });
  });
}

/** Longer than a service's own drain (10 s), so that a stop is not cut short while requests finish. */
const stopGraceMs = 15_000;

function stopProcess(child: ChildProcess, graceMs = stopGraceMs): Promise<void> {
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

/** A service's first restart waits this long; each further one soon after doubles it, up to the cap. */
const restartDelayMs = { first: 250, max: 15_000 };
/** A service that ran this long before it died starts its backoff afresh. */
const stableAfterMs = 60_000;

/** One service the stack keeps running: how to start it again, and its current process. */
interface Supervised {
  name: ServiceName;
  env: Record<string, string>;
  child?: ChildProcess;
  /** False once it is stopped on purpose (`stopSubgraph`, `stop`): its exit is not a fault. */
  wanted: boolean;
  /** Restarts since it last ran for `stableAfterMs`. */
  restarts: number;
  timer?: NodeJS.Timeout;
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const ports = { ...defaultPorts, ...options.ports };
  const children: ChildProcess[] = [];
  const services = new Map<ServiceName, Supervised>();
  const events = new EventEmitter<StackEvents>();
  const pids: RunningStack['pids'] = {};
  let database: DatabaseServer | undefined;
  let stopping = false;
  const running = () => children.filter((child) => child.exitCode === null && child.signalCode === null);
  const stopServices = (names: ServiceName[]) =>
    Promise.all(
      running().flatMap((child) => (names.includes(serviceOf.get(child) as ServiceName) ? [stopProcess(child)] : [])),
    );
  const stop = async () => {
    stopping = true;
    for (const service of services.values()) {
      service.wanted = false;
      clearTimeout(service.timer);
    }
    // The gateway first: it stops taking requests and finishes those in flight, which may still
    // need the subgraphs and the database. The console's proxy only forwards to it.
    await stopServices(['gateway']);
    await stopServices(['console']);
    await stopServices(['county', 'regions', 'partners']);
    await database?.stop();
  };

  /** Forks a service and, once it is ready, watches it: an exit nobody asked for starts it again. */
  const launch = async (service: Supervised): Promise<ServiceProcess> => {
    const started = await startServiceProcess(service.name, {
      env: service.env,
      onFork: (child) => {
        service.child = child;
        // Forget the processes that have ended, so a service that keeps dying does not pile them up.
        children.splice(0, children.length, ...running(), child);
      },
    });
    pids[service.name] = started.child.pid;
    if (options.supervise !== false) watch(service, started.child);
    // Once it listens, a restart must find it where the others know it: on the same ports.
    service.env = {
      ...service.env,
      PORT: new URL(started.url).port,
      ...(started.internalUrl ? { INTERNAL_PORT: new URL(started.internalUrl).port } : {}),
    };
    return started;
  };

  const watch = (service: Supervised, child: ChildProcess) => {
    const since = performance.now();
    child.once('exit', (code, signal) => {
      if (stopping || !service.wanted || service.child !== child) return;
      if (performance.now() - since > stableAfterMs) service.restarts = 0;
      scheduleRestart(service, { code, signal });
    });
  };

  const scheduleRestart = (
    service: Supervised,
    exit: { code: number | null; signal: NodeJS.Signals | null; error?: unknown },
  ) => {
    const delayMs = Math.min(restartDelayMs.first * 2 ** service.restarts, restartDelayMs.max);
    service.restarts += 1;
    logger.error(
      {
        child: service.name,
        code: exit.code,
        signal: exit.signal,
        err: exit.error,
        restartInMs: delayMs,
        restarts: service.restarts,
      },
      exit.error ? 'service did not start again; trying later' : 'service exited; restarting it',
    );
    events.emit('exited', service.name, { code: exit.code, signal: exit.signal, delayMs });
    service.timer = setTimeout(() => void restart(service), delayMs);
  };

  const restart = async (service: Supervised) => {
    service.timer = undefined;
    if (stopping || !service.wanted || running().some((child) => serviceOf.get(child) === service.name)) return;
    try {
      await launch(service);
    } catch (error) {
      if (stopping || !service.wanted) return;
      scheduleRestart(service, {
        code: service.child?.exitCode ?? null,
        signal: service.child?.signalCode ?? null,
        error,
      });
      return;
    }
    logger.info({ child: service.name, pid: pids[service.name], restarts: service.restarts }, 'service restarted');
    events.emit('restarted', service.name, { pid: pids[service.name], attempts: service.restarts });
  };

  const startService = (name: ServiceName, env: Record<string, string>) => {
    const service: Supervised = { name, env, wanted: true, restarts: 0 };
    services.set(name, service);
    return launch(service);
  };

  try {
    database = await databaseServer({
      dataDir: process.env.EMBEDDED_POSTGRES_DIR ?? `${repositoryDataDir}postgres`,
      port: embeddedPort(),
    });
    // The development identity provider: every service verifies with its public key; the
    // gateway's development sign-in signs with the private one.
    const keys = await loadOrCreateDevKeys(`${repositoryDataDir}dev-auth/keys.json`);
    const common = { ...options.env, DATABASE_URL: database.url, AUTH_PUBLIC_KEY: JSON.stringify(keys.publicKey) };
    // Each service that calls a subgraph signs with a key of its own; every subgraph trusts their public keys.
    const serviceKeys = await loadOrCreateServiceKeys(`${repositoryDataDir}service-keys/keys.json`);
    // Partners and regions call each other, so each must know the other's address before it starts.
    // The gateway's detailed health asks each subgraph's readiness on its internal port, so those are fixed too.
    const internalPorts = {} as Record<SubgraphName, number>;
    for (const name of ['county', 'regions', 'partners'] as const) {
      internalPorts[name] = ports[name] === 0 ? await freePort() : internalPortOf(ports[name]);
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
      PORT: String(ports[name]),
      INTERNAL_PORT: String(internalPorts[name]),
    });
    const [county, regions, partners] = await Promise.all(
      (['county', 'regions', 'partners'] as const).map((name) => startService(name, subgraphEnv(name))),
    );
    const subgraphUrls = {
      county: `${county?.url}/graphql`,
      regions: `${regions?.url}/graphql`,
      partners: `${partners?.url}/graphql`,
    };
    const subgraphInternalUrls = {
      county: county?.internalUrl ?? '',
      regions: regions?.internalUrl ?? '',
      partners: partners?.internalUrl ?? '',
    };
    const gateway = await startService('gateway', {
      ...common,
      ...serviceKeyEnvironment(serviceKeys, 'gateway'),
      PORT: String(ports.gateway),
      INTERNAL_PORT: String(internalPortOf(ports.gateway)),
      COUNTY_HEALTH_URL: `${subgraphInternalUrls.county}/health/ready`,
      REGIONS_HEALTH_URL: `${subgraphInternalUrls.regions}/health/ready`,
      PARTNERS_HEALTH_URL: `${subgraphInternalUrls.partners}/health/ready`,
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
    });
    const gatewayUrl = gateway.url;
    const consoleUrl =
      options.console === false
        ? undefined
        : (await startService('console', { ...options.env, PORT: String(ports.console), GATEWAY_URL: gatewayUrl })).url;
    return {
      gatewayUrl,
      gatewayInternalUrl: gateway.internalUrl ?? '',
      ...(consoleUrl ? { consoleUrl } : {}),
      subgraphUrls,
      subgraphInternalUrls,
      databaseUrl: database.url,
      pids,
      events,
      async stopSubgraph(name) {
        const service = services.get(name);
        if (service) {
          service.wanted = false;
          clearTimeout(service.timer);
        }
        await stopServices([name]);
      },
      async startSubgraph(name) {
        const service = services.get(name);
        if (!service || running().some((child) => serviceOf.get(child) === name)) return;
        service.wanted = true;
        service.restarts = 0;
        clearTimeout(service.timer);
        // The port it had, so the gateway finds it where it was.
        await launch(service);
      },
      stop,
    };
  } catch (error) {
    logger.error({ err: error }, 'the platform did not start; stopping what did');
    await stop();
    throw error;
  }
}
