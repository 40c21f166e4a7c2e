// The whole platform on one machine: database, three subgraphs, gateway, console, the development identity
// provider and the development mail catcher, each in a process of its own, as `pnpm start` runs it and as the end-to-end tests start it.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  type DatabaseServer,
  databaseServer,
  type EmbeddedOptions,
  embeddedPort,
  freePort,
  loadOrCreateSecretJson,
  logger,
  repositoryDataDir,
  type ServiceProcess,
  type ServiceProcessOptions,
  startEmbeddedPostgres,
  startServiceProcess,
  stopProcess,
} from '@etablerer/kit/launcher';

export type SubgraphName = 'county' | 'regions' | 'partners';

export interface StackPorts {
  gateway: number;
  county: number;
  regions: number;
  partners: number;
  console: number;
  /** The development identity provider, where people sign in. */
  identityProvider: number;
  /** The development mail catcher's HTTP API (what was sent; the gateway's /dev/mail proxies it). */
  mailCatcher: number;
  /** The development mail catcher's SMTP port: every subgraph's SMTP_URL. */
  mailCatcherSmtp: number;
}

/** The ports of the README; 0 lets the system pick free ones (tests). */
export const defaultPorts: StackPorts = {
  gateway: 4000,
  county: 4001,
  regions: 4002,
  partners: 4003,
  console: 5173,
  identityProvider: 4004,
  mailCatcher: 1080,
  mailCatcherSmtp: 1025,
};

/** Each service's internal port (metrics, detailed health): its public port plus 100, or any free one with port 0. */
const internalPortOf = (port: number) => (port === 0 ? 0 : port + 100);

export interface StackOptions {
  ports?: Partial<StackPorts>;
  /** Start the console's development server too (on by default). */
  console?: boolean;
  /** Extra environment for every process, e.g. other database names. */
  env?: Record<string, string>;
  /** Run the built services or their sources; by default as the launcher itself runs (see defaultArtefacts). */
  artefacts?: Artefacts;
  /** Restart a service that dies, with backoff (on by default). */
  supervise?: boolean;
  /**
   * An embedded PostgreSQL of the caller's own (its folder and port), even where DATABASE_URL names
   * a server: e.g. a test that kills PostgreSQL. Left out: DATABASE_URL, else `.data/postgres`.
   */
  database?: EmbeddedOptions;
  /**
   * 'inherit' (default) shares this process's output; 'pipe' passes each service's output to the
   * `output` event instead (e.g. a test that waits for a line a service logs).
   */
  output?: 'inherit' | 'pipe';
}

/** What the supervisor tells about the services it keeps running. */
export interface StackEvents {
  /** A service's process exited without being asked to; a restart follows after `delayMs`. */
  exited: [name: ServiceName, info: { code: number | null; signal: NodeJS.Signals | null; delayMs: number }];
  /** A service is ready again after a restart, in a new process. */
  restarted: [name: ServiceName, info: { pid: number | undefined; attempts: number }];
  /** What a service wrote to its standard output or error, with `output: 'pipe'`. */
  output: [name: ServiceName, text: string];
}

export interface RunningStack {
  gatewayUrl: string;
  /** The gateway's internal port: /health (every subgraph's state), /metrics. */
  gatewayInternalUrl: string;
  consoleUrl?: string;
  /** The development identity provider's issuer (people sign in there; the gateway's OIDC_ISSUER). */
  identityProviderUrl: string;
  /** The development mail catcher's HTTP API: GET /messages lists what the subgraphs' outboxes sent. */
  mailCatcherUrl: string;
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
   * the console and the identity provider, then the subgraphs (finishing theirs and the e-mail they are
   * sending), the mail catcher, and the embedded PostgreSQL last.
   */
  stop(): Promise<void>;
}

/** The repository's root: the launcher runs the workspace's packages where they are (from `src/` or `dist/`). */
const root = new URL('../../../', import.meta.url);

/**
 * Which artefacts the services run from: `built` is each package's `dist/` under plain Node (`pnpm start`),
 * `source` its TypeScript through tsx and the console's Vite dev server (`pnpm dev`, the tests).
 */
export type Artefacts = 'built' | 'source';

/** The launcher's own kind: run from `dist/` it starts the built services, run through tsx their sources. */
export const defaultArtefacts: Artefacts = import.meta.url.endsWith('.ts') ? 'source' : 'built';

const serviceNames = [
  'county',
  'regions',
  'partners',
  'gateway',
  'console',
  'identity-provider',
  'mail-catcher',
] as const;
export type ServiceName = (typeof serviceNames)[number];

/** Where a service's entry point is. The built console is no process of its own: the gateway serves it. */
export function serviceEntry(name: ServiceName, artefacts: Artefacts): string {
  const path = {
    county: 'subgraphs/county/src/index.ts',
    regions: 'subgraphs/regions/src/index.ts',
    partners: 'subgraphs/partners/src/index.ts',
    gateway: 'gateway/src/index.ts',
    console: 'admin-ui/scripts/dev-server.ts',
    'identity-provider': 'tools/identity-provider/src/index.ts',
    'mail-catcher': 'tools/mail-catcher/src/index.ts',
  }[name];
  const built = path.replace('/src/', '/dist/').replace(/\.ts$/, '.js');
  return fileURLToPath(new URL(artefacts === 'built' ? built : path, root));
}

/** The built console's files, which the gateway serves on its own origin under `pnpm start`. */
export const builtConsoleDir = fileURLToPath(new URL('admin-ui/dist/', root));

const serviceOf = new WeakMap<ChildProcess, ServiceName>();

/** Forks one service (a subgraph, the gateway, the console, the identity provider or the mail catcher) and resolves once it says it listens. */
export function startService(
  name: ServiceName,
  options: ServiceProcessOptions & { artefacts?: Artefacts },
): Promise<ServiceProcess<ServiceName>> {
  return startServiceProcess(name, serviceEntry(name, options.artefacts ?? defaultArtefacts), {
    ...options,
    onFork: (child) => {
      serviceOf.set(child, name);
      options.onFork?.(child);
    },
  });
}

/** The console's client at the development identity provider (the gateway signs people in for it). */
export const consoleClientId = 'etablerer-console';

export interface ConsoleClient {
  client_id: string;
  client_secret: string;
}

/** The console's client: its id, and a secret made once and kept (mode 0600) in `file`, under the ignored .data/. */
export async function loadOrCreateConsoleClient(file: string): Promise<ConsoleClient> {
  const { client_id, client_secret } = await loadOrCreateSecretJson<Partial<ConsoleClient>>(
    file,
    () => ({ client_id: consoleClientId, client_secret: randomBytes(32).toString('base64url') }),
    (saved) =>
      saved.client_id === consoleClientId &&
      typeof saved.client_secret === 'string' &&
      saved.client_secret.length >= 32,
  );
  return { client_id: client_id as string, client_secret: client_secret as string };
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
  const artefacts = options.artefacts ?? defaultArtefacts;
  const children: ChildProcess[] = [];
  const services = new Map<ServiceName, Supervised>();
  const events = new EventEmitter<StackEvents>();
  const pids: RunningStack['pids'] = {};
  const internalUrls: Partial<Record<ServiceName, string>> = {};
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
    // The gateway's sign-ins in progress are over once it has stopped: the identity provider may go too.
    await stopServices(['console', 'identity-provider']);
    await stopServices(['county', 'regions', 'partners']);
    // After the subgraphs: their outboxes finish the e-mail they were sending.
    await stopServices(['mail-catcher']);
    await database?.stop();
  };

  /** Forks a service and, once it is ready, watches it: an exit nobody asked for starts it again. */
  const launch = async (service: Supervised): Promise<string> => {
    const started = await startService(service.name, {
      artefacts,
      env: service.env,
      output: options.output ?? 'inherit',
      onFork: (child) => {
        service.child = child;
        for (const stream of [child.stdout, child.stderr]) {
          // Read as it comes, so a chatty log never fills the pipe and stalls the service.
          stream?.on('data', (chunk: Buffer) => events.emit('output', service.name, chunk.toString()));
        }
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
    if (started.internalUrl) internalUrls[service.name] = started.internalUrl;
    return started.url;
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

  const superviseService = (name: ServiceName, env: Record<string, string>) => {
    const service: Supervised = { name, env, wanted: true, restarts: 0 };
    services.set(name, service);
    return launch(service);
  };

  try {
    // The keys' code (jose, and the kit at large) loads while PostgreSQL starts.
    const [server, { loadOrCreateServiceKeys, serviceKeyEnvironment }, { demoRoleMap }] = await Promise.all([
      (options.database
        ? startEmbeddedPostgres(options.database)
        : databaseServer({
            dataDir: process.env.EMBEDDED_POSTGRES_DIR ?? `${repositoryDataDir}postgres`,
            port: embeddedPort(),
          })
      ).then((started) => {
        // Known at once, so a failure of the rest still stops it.
        database = started;
        return started;
      }),
      import('@etablerer/kit'),
      import('@etablerer/identity-provider/demo'),
    ]);
    const common = { ...options.env, DATABASE_URL: server.url };
    // Each service that calls a subgraph signs with a key of its own; every subgraph trusts their public keys.
    const serviceKeys = await loadOrCreateServiceKeys(`${repositoryDataDir}service-keys/keys.json`);
    // Partners and regions call each other, so each must know the other's address before it starts.
    // The gateway's detailed health asks each subgraph's readiness on its internal port, so those are fixed too.
    const internalPorts = {} as Record<SubgraphName | 'gateway', number>;
    for (const name of ['county', 'regions', 'partners', 'gateway'] as const) {
      internalPorts[name] = ports[name] === 0 ? await freePort() : internalPortOf(ports[name]);
      if (ports[name] === 0) ports[name] = await freePort();
    }
    // The gateway is told where people sign in before either starts; the console's dev server must be where the
    // identity provider sends people back to (its redirect URIs), so with port 0 its port is chosen here too.
    if (ports.identityProvider === 0) ports.identityProvider = await freePort();
    // The subgraphs are told where to send e-mail, and the gateway where to read it, before the catcher starts.
    if (ports.mailCatcher === 0) ports.mailCatcher = await freePort();
    if (ports.mailCatcherSmtp === 0) ports.mailCatcherSmtp = await freePort();
    const sourceConsole = artefacts === 'source' && options.console !== false;
    if (sourceConsole && ports.console === 0) ports.console = await freePort();
    const addresses = {
      COUNTY_URL: `http://127.0.0.1:${ports.county}/graphql`,
      REGIONS_URL: `http://127.0.0.1:${ports.regions}/graphql`,
      PARTNERS_URL: `http://127.0.0.1:${ports.partners}/graphql`,
    };
    // The gateway plans over its static supergraph and needs no subgraph to start: all four start at once.
    const builtConsole = artefacts === 'built' && options.console !== false;
    const ownUrl = `http://localhost:${ports.gateway}`;
    // The feeds' and e-mails' links lead to the console's public website, wherever this stack runs it; with the
    // port left to the system it is not known yet, and the feeds go without links.
    const publicSiteUrl =
      options.env?.PUBLIC_SITE_URL ??
      (builtConsole ? ownUrl : ports.console ? `http://localhost:${ports.console}` : '');
    const mailCatcherUrl = `http://127.0.0.1:${ports.mailCatcher}`;
    const subgraphEnv = (name: SubgraphName) => ({
      ...common,
      ...addresses,
      ...serviceKeyEnvironment(serviceKeys, name),
      PORT: String(ports[name]),
      INTERNAL_PORT: String(internalPorts[name]),
      // The platform's tokens are the gateway's, signed with its rotating keys: verified against its JWKS.
      AUTH_JWKS_URL: `http://127.0.0.1:${internalPorts.gateway}/.well-known/jwks.json`,
      // Their outboxes send e-mail to the development mail catcher, which keeps it for /dev/mail.
      SMTP_URL: options.env?.SMTP_URL ?? `smtp://127.0.0.1:${ports.mailCatcherSmtp}`,
      ...(publicSiteUrl ? { PUBLIC_SITE_URL: publicSiteUrl } : {}),
    });
    const readiness = (name: SubgraphName) => `http://127.0.0.1:${internalPorts[name]}/health/ready`;
    // The origin people use, where the gateway's /auth/* is: the gateway's own when it serves the built console,
    // Vite's (which proxies /auth to the gateway) when the console runs from source.
    const publicUrl = options.env?.PUBLIC_URL ?? (sourceConsole ? `http://localhost:${ports.console}` : ownUrl);
    // People reach the gateway's own origin too (its /auth/login works there): both are the client's.
    const clientOrigins = [...new Set([publicUrl, ownUrl])];
    const identityProviderIssuer = `http://localhost:${ports.identityProvider}`;
    const consoleClient = await loadOrCreateConsoleClient(`${repositoryDataDir}identity-provider/client.json`);
    const [county, regions, partners, gatewayUrl, identityProviderUrl, mailCatcherStarted] = (await Promise.all([
      ...(['county', 'regions', 'partners'] as const).map((name) => superviseService(name, subgraphEnv(name))),
      superviseService('gateway', {
        ...common,
        ...serviceKeyEnvironment(serviceKeys, 'gateway'),
        PORT: String(ports.gateway),
        INTERNAL_PORT: String(internalPorts.gateway),
        COUNTY_HEALTH_URL: readiness('county'),
        REGIONS_HEALTH_URL: readiness('regions'),
        PARTNERS_HEALTH_URL: readiness('partners'),
        AUTH_DEV_SIGN_IN: 'true',
        GRAPHQL_INTROSPECTION: 'true',
        // Built, the console is the gateway's own (same origin as the graph); from source, Vite's dev server runs it.
        ...(builtConsole ? { CONSOLE_DIR: builtConsoleDir } : {}),
        PUBLIC_SITE_URL: publicSiteUrl,
        // What the subgraphs sent, for the console's /dev/mail (development only).
        MAIL_CATCHER_URL: mailCatcherUrl,
        // The console's dev server proxies the browser's requests from this machine and says whose
        // they are in X-Forwarded-For; the gateway believes that header from loopback only.
        TRUST_PROXY: 'loopback',
        COUNTY_URL: addresses.COUNTY_URL,
        REGIONS_URL: addresses.REGIONS_URL,
        PARTNERS_URL: addresses.PARTNERS_URL,
        // People sign in at the development identity provider (the gateway's OIDC sign-in, design of issue 20).
        PUBLIC_URL: publicUrl,
        OIDC_ISSUER: identityProviderIssuer,
        OIDC_CLIENT_ID: consoleClient.client_id,
        OIDC_CLIENT_SECRET: consoleClient.client_secret,
        // The partners' staff get their role from the provider's `roles` claim, not from a role assignment.
        OIDC_ROLE_MAP: JSON.stringify(demoRoleMap()),
      }),
      superviseService('identity-provider', {
        ...options.env,
        PORT: String(ports.identityProvider),
        IDP_ISSUER: identityProviderIssuer,
        IDP_CLIENTS: JSON.stringify([
          {
            ...consoleClient,
            client_name: 'Etablerertjenesten',
            redirect_uris: clientOrigins.map((origin) => `${origin}/auth/callback`),
            post_logout_redirect_uris: clientOrigins.map((origin) => `${origin}/signed-out`),
          },
        ]),
      }),
      superviseService('mail-catcher', {
        ...options.env,
        PORT: String(ports.mailCatcher),
        PORT_SMTP: String(ports.mailCatcherSmtp),
      }),
    ])) as [string, string, string, string, string, string];
    const subgraphUrls = {
      county: `${county}/graphql`,
      regions: `${regions}/graphql`,
      partners: `${partners}/graphql`,
    };
    const consoleUrl =
      options.console === false
        ? undefined
        : builtConsole
          ? gatewayUrl
          : await superviseService('console', { ...options.env, PORT: String(ports.console), GATEWAY_URL: gatewayUrl });
    return {
      gatewayUrl,
      gatewayInternalUrl: internalUrls.gateway ?? '',
      ...(consoleUrl ? { consoleUrl } : {}),
      identityProviderUrl,
      mailCatcherUrl: mailCatcherStarted,
      subgraphUrls,
      subgraphInternalUrls: {
        county: internalUrls.county ?? '',
        regions: internalUrls.regions ?? '',
        partners: internalUrls.partners ?? '',
      },
      databaseUrl: server.url,
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
