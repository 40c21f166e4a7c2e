// The platform the gateway tests run against: the three subgraphs on throw-away databases, each on
// HTTP port 0 (in this process, or as a child process where a test stops and starts one), the real
// gateway over them, and tokens of the demo users signed with keys made for the run.

import { countySubgraph } from '@etablerer/county';
import {
  type AuthConfig,
  dropDatabase,
  generateServiceKeys,
  type RunningService,
  type ServiceKeys,
  type SubgraphContext,
  type SubgraphDefinition,
  serviceKeyEnvironment,
  startSubgraph,
} from '@etablerer/kit';
import { type DevKeys, demoUser, generateDevKeys, signDemoToken } from '@etablerer/kit/demo';
import { signedHeaders, testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { partnersSubgraph } from '@etablerer/partners';
import { regionsSubgraph } from '@etablerer/regions';
import type { JWK } from 'jose';
import { afterAll, beforeAll } from 'vitest';
import { signingKeysInMemory } from '../../src/auth/signing-keys.js';
import { type SubgraphName, subgraphNames } from '../../src/composition.js';
import { type GatewayOptions, startGateway } from '../../src/server.js';
import { type ServiceProcess, startSourceProcess } from './processes.js';

// Each with its own context type; the plugins a definition brings make those types invariant.
export const subgraphDefinitions = {
  county: countySubgraph,
  regions: regionsSubgraph,
  partners: partnersSubgraph,
} as unknown as Record<SubgraphName, SubgraphDefinition<SubgraphContext>>;

/** A running subgraph, in this process or in a child process. */
export interface TestSubgraph {
  url: string;
  /** Its internal port: /metrics, /health, /health/ready. */
  internalUrl?: string;
  stop(): Promise<void>;
}

export interface GraphQLAnswer<Data = unknown> {
  data?: Data | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface RequestOptions {
  /** The bearer token; null sends none; a county officer's when left out. */
  token?: string | null;
  /** A whole Authorization header in place of the token (any scheme); null sends none. */
  authorization?: string | null;
  /** The endpoint: the gateway's /graphql when left out. */
  url?: string;
  /**
   * Sent to a subgraph, the request is signed as this service (the gateway when left out), as
   * the gateway signs what it sends; null sends it unsigned, as someone past the gateway would.
   */
  service?: string | null;
  /** Extra headers, e.g. a forged service assertion. */
  headers?: Record<string, string>;
}

/** What is running before the gateway starts. */
export interface TestSubgraphs {
  keys: DevKeys;
  /** The calling services' keys (the gateway's, partners', regions'), made for the run. */
  serviceKeys: ServiceKeys;
  auth: AuthConfig;
  /** Each subgraph's throw-away database on the test server. */
  databases: Record<SubgraphName, string>;
  subgraphs: Record<SubgraphName, TestSubgraph>;
  /** The subgraphs run as child processes, by name (see `processes` in the options). */
  processes: Partial<Record<SubgraphName, ServiceProcess>>;
  /** Each subgraph's /graphql. */
  subgraphUrls: Record<SubgraphName, string>;
}

export interface TestPlatform extends TestSubgraphs {
  gateway: RunningService;
  tokenFor(username: string, options?: Parameters<typeof signDemoToken>[2]): Promise<string>;
  /** POSTs a body as it is; the answer's text unparsed. */
  send(body: string, options?: RequestOptions): Promise<{ status: number; text: string }>;
  /** POSTs an operation; the answer parsed as JSON (an answer that is not JSON fails). */
  post<Data = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<{ status: number; text: string; body: GraphQLAnswer<Data> }>;
  /** Another gateway over the same subgraphs with the same keys, and only these options; the caller stops it. */
  startGateway(options?: Partial<Omit<GatewayOptions, 'auth'>>): Promise<RunningService>;
  /** Starts a subgraph run as a child process again, on the port it had, after a test stopped it. */
  restartProcess(name: SubgraphName): Promise<ServiceProcess>;
  /** Stops the gateway and the subgraphs and drops their databases. */
  stop(): Promise<void>;
}

export interface TestPlatformOptions {
  /** Demo data in the subgraphs' databases; SEED_DEMO decides when left out (on unless it is 'false'). */
  seedDemo?: boolean;
  /** Subgraphs to run as child processes (as in production) rather than in this process. */
  processes?: SubgraphName[];
  /** Gateway options beyond its port, keys and the subgraphs' addresses. */
  gateway?: Partial<Omit<GatewayOptions, 'port' | 'auth' | 'serviceKey' | 'subgraphUrls'>>;
  /** The gateway's development sign-in, signing with the run's key. */
  devSignIn?: boolean;
  /** Runs once the subgraphs listen, before the gateway starts (which takes the global fetch then). */
  beforeGateway?: (running: TestSubgraphs) => void | Promise<void>;
}

function startProcess(
  name: SubgraphName,
  port: number,
  internalPort: number,
  {
    keys,
    auth,
    databases,
    serviceKeys,
    subgraphUrls,
  }: Pick<TestSubgraphs, 'keys' | 'auth' | 'databases' | 'serviceKeys' | 'subgraphUrls'>,
  seedDemo: boolean | undefined,
): Promise<ServiceProcess> {
  return startSourceProcess(name, {
    env: {
      DATABASE_URL: testServerUrl(),
      [`${name.toUpperCase()}_DATABASE`]: databases[name],
      PORT: String(port),
      INTERNAL_PORT: String(internalPort),
      AUTH_ISSUER: auth.issuer,
      AUTH_AUDIENCE: auth.audience,
      AUTH_PUBLIC_KEY: JSON.stringify(keys.publicKey),
      ...serviceKeyEnvironment(serviceKeys, name),
      // The subgraphs it calls (partners asks regions): started before it, see below.
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([other, url]) => [`${other.toUpperCase()}_URL`, url])),
      LOG_LEVEL: 'warn',
      ...(seedDemo === undefined ? {} : { SEED_DEMO: String(seedDemo) }),
    },
    output: 'pipe',
    onFork: (child) => {
      // Drained, so a chatty log never fills the pipe and stalls the process.
      child.stdout?.resume();
      child.stderr?.resume();
    },
  });
}

/** Starts the platform; on failure it stops what it started and drops the databases. */
export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  // Requests from the test go out with this fetch, so a hook that wraps the global one sees only the gateway's.
  const fetch = globalThis.fetch;
  const server = testServerUrl();
  const keys = await generateDevKeys();
  const serviceKeys = await generateServiceKeys();
  const auth: AuthConfig = { issuer: 'test-issuer', audience: 'test-audience', publicKey: keys.publicKey };
  const databases = Object.fromEntries(subgraphNames.map((name) => [name, uniqueDatabaseName(name)])) as Record<
    SubgraphName,
    string
  >;
  const subgraphs = {} as Record<SubgraphName, TestSubgraph>;
  const processes: Partial<Record<SubgraphName, ServiceProcess>> = {};
  const subgraphUrls = {} as Record<SubgraphName, string>;
  const running: TestSubgraphs = { keys, serviceKeys, auth, databases, subgraphs, processes, subgraphUrls };
  let gateway: RunningService | undefined;

  const stop = async () => {
    await gateway?.stop();
    await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop()));
    await Promise.all(Object.values(databases).map((database) => dropDatabase(server, database)));
  };

  const startAnotherGateway = ({ subgraphUrls: urls, ...gatewayOptions }: Partial<Omit<GatewayOptions, 'auth'>> = {}) =>
    startGateway({
      port: 0,
      auth,
      serviceKey: serviceKeys.privateKeys.gateway as JWK,
      // Each subgraph's readiness on its internal port, as the stack configures it.
      subgraphHealthUrls: Object.fromEntries(
        subgraphNames.flatMap((name) =>
          subgraphs[name]?.internalUrl && !urls?.[name] ? [[name, `${subgraphs[name].internalUrl}/health/ready`]] : [],
        ),
      ),
      ...gatewayOptions,
      subgraphUrls: { ...subgraphUrls, ...urls },
    });

  const tokenFor: TestPlatform['tokenFor'] = async (username, signOptions = {}) => {
    const user = demoUser(username);
    if (!user) throw new Error(username);
    return signDemoToken(keys.privateKey, user, { issuer: auth.issuer, audience: auth.audience, ...signOptions });
  };

  const authorizationOf = async ({ token, authorization }: RequestOptions) => {
    if (authorization !== undefined) return authorization;
    const bearer = token === undefined ? await tokenFor('county.officer') : token;
    return bearer ? `Bearer ${bearer}` : null;
  };

  const send: TestPlatform['send'] = async (body, requestOptions = {}) => {
    const header = await authorizationOf(requestOptions);
    const url = requestOptions.url ?? `${gateway?.url}/graphql`;
    let headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(header ? { authorization: header } : {}),
      ...requestOptions.headers,
    };
    const subgraph = subgraphNames.find(
      (name) => subgraphUrls[name] === url || `${subgraphs[name]?.url}/graphql` === url,
    );
    const service = requestOptions.service === undefined ? 'gateway' : requestOptions.service;
    if (subgraph && service) {
      headers = await signedHeaders(serviceKeys, service, subgraph, body, headers);
    }
    const response = await fetch(url, { method: 'POST', headers, body });
    return { status: response.status, text: await response.text() };
  };

  try {
    const startOne = async (name: SubgraphName) => {
      if (options.processes?.includes(name)) {
        const serviceProcess = await startProcess(name, 0, 0, running, options.seedDemo);
        processes[name] = serviceProcess;
        subgraphs[name] = serviceProcess;
      } else {
        subgraphs[name] = await startSubgraph(subgraphDefinitions[name], {
          server,
          database: databases[name],
          port: 0,
          auth,
          serviceKeys: serviceKeys.jwks.keys,
          servicePrivateKey: serviceKeys.privateKeys[name] as JWK,
          // Asked at call time: the subgraph it calls may start after it.
          subgraphUrl: (other) => subgraphUrls[other as SubgraphName],
          ...(options.seedDemo === undefined ? {} : { seedDemo: options.seedDemo }),
        });
      }
      subgraphUrls[name] = `${subgraphs[name].url}/graphql`;
    };
    // Regions first: a partners process is told its address when it starts. Settled, all of
    // them, so a failure stops only once nothing is still starting.
    const started: PromiseSettledResult<void>[][] = [await Promise.allSettled([startOne('regions')])];
    started.push(await Promise.allSettled(subgraphNames.filter((name) => name !== 'regions').map(startOne)));
    for (const result of started.flat()) if (result.status === 'rejected') throw result.reason;
    await options.beforeGateway?.(running);
    gateway = await startAnotherGateway({
      ...options.gateway,
      // The development sign-in signs with the gateway's keys; here its one key is the run's, which the subgraphs know.
      ...(options.devSignIn
        ? {
            signIn: {
              ...options.gateway?.signIn,
              devSignIn: true,
              signingKeyStorage: signingKeysInMemory([
                {
                  kid: keys.privateKey.kid as string,
                  privateJwk: keys.privateKey,
                  publicJwk: keys.publicKey,
                  createdAt: new Date(),
                  activeFrom: new Date(),
                },
              ]),
            },
          }
        : {}),
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    ...running,
    gateway,
    tokenFor,
    send,
    post: async (query, variables, requestOptions) => {
      const { status, text } = await send(JSON.stringify({ query, variables }), requestOptions);
      return { status, text, body: JSON.parse(text) };
    },
    startGateway: startAnotherGateway,
    restartProcess: async (name) => {
      const url = subgraphs[name]?.url;
      const internalUrl = subgraphs[name]?.internalUrl;
      if (!processes[name] || !url || !internalUrl) throw new Error(`${name} does not run as a process`);
      // On the ports it had: the gateway finds it, and its readiness, where they were.
      const restarted = await startProcess(
        name,
        Number(new URL(url).port),
        Number(new URL(internalUrl).port),
        running,
        options.seedDemo,
      );
      processes[name] = restarted;
      subgraphs[name] = restarted;
      return restarted;
    },
    stop,
  };
}

export interface UseTestPlatformOptions extends TestPlatformOptions {
  /** How long the start may take, when longer than the hook timeout. */
  timeoutMs?: number;
}

/**
 * The platform for a test file: started before its tests (hooks the file adds after this call run
 * after the start and before the stop), stopped after them. Its methods may be taken apart at the
 * top of the file; the rest is there once it has started.
 */
export function useTestPlatform({ timeoutMs, ...options }: UseTestPlatformOptions = {}): TestPlatform {
  let started: TestPlatform | undefined;
  const platform = () => {
    if (!started) throw new Error('The test platform runs only inside tests and hooks');
    return started;
  };
  beforeAll(async () => {
    started = await startTestPlatform(options);
  }, timeoutMs);
  afterAll(async () => {
    await started?.stop();
  });
  const methods: Omit<TestPlatform, keyof TestSubgraphs | 'gateway'> = {
    tokenFor: (...args) => platform().tokenFor(...args),
    send: (...args) => platform().send(...args),
    post: (...args) => platform().post(...args),
    startGateway: (...args) => platform().startGateway(...args),
    restartProcess: (...args) => platform().restartProcess(...args),
    stop: () => platform().stop(),
  };
  const parts: (keyof TestSubgraphs | 'gateway')[] = [
    'keys',
    'serviceKeys',
    'auth',
    'databases',
    'subgraphs',
    'processes',
    'subgraphUrls',
    'gateway',
  ];
  return Object.defineProperties(
    methods,
    Object.fromEntries(parts.map((part) => [part, { get: () => platform()[part], enumerable: true }])),
  ) as TestPlatform;
}
