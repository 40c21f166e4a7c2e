// `pnpm bench`: the platform on the county-scale dataset (`--national`: ten times that), measured through
// the gateway, through Hive Gateway on the same supergraph, and straight at the subgraphs, each scenario's
// variants interleaved in the same run; then the targets of issue 24, and each service's memory under two
// minutes of load. Writes test/bench/results/latest.{json,md}. See the README's "Benchmark" section.
import { execFileSync, spawn, spawn as spawnProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { startGateway } from '@etablerer/gateway/server';
import {
  createServiceSigner,
  databaseServer,
  defaultAudience,
  defaultIssuer,
  embeddedPort,
  loadOrCreateServiceKeys,
  logger,
  repositoryDataDir,
  runSql,
  type ServiceSigner,
  withServiceAssertion,
} from '@etablerer/kit';
import { type RunningStack, startStack } from '@etablerer/stack';
import { decodeProtectedHeader, type JWK } from 'jose';
import { startHiveGateway } from '../../gateway/test/support/hive-gateway.js';
import { closedLoop, type LoadResult, openLoop, percentiles, type Step } from './load.js';
import { prepareNationalScale } from './national.js';
import { type RecordedFetch, replayOf, stagesOf, startRecorder } from './replay.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const quick = process.argv.includes('--quick');
/** `--demo`: the demo data (in databases of the benchmark's own) instead of the county-scale set, e.g. to try the harness. */
const onDemoData = process.argv.includes('--demo');
/** `--national`: ten times the county scale (national.ts), in databases of its own. */
const national = !onDemoData && process.argv.includes('--national');
const dataName = onDemoData ? 'demo' : national ? 'national scale' : 'county scale';
/** Seconds per measured run; each scenario runs its variants interleaved, `rounds` times each. */
const runSeconds = quick ? 2 : 6;
const rounds = quick ? 1 : 2;
const concurrency = 8;
/** Seconds of load at `concurrency` while each service's memory is sampled. */
const memorySeconds = quick ? 20 : 120;

const overview = readFileSync(`${root}schema/operations/coordination-overview.graphql`, 'utf8');
const clientList = `query ClientList($regionId: ID, $search: String, $hasBusiness: Boolean, $registeredFrom: Date, $first: Int!, $offset: Int!) {
  clients(regionId: $regionId, search: $search, hasBusiness: $hasBusiness, registeredFrom: $registeredFrom, first: $first, offset: $offset) {
    totalCount hasNextPage
    items { id name erasedAt registeredOn immigrantBackground municipality { number name } businesses { id } }
  }
}`;
/** The console's client page (admin-ui's ClientDetail and the first page of ClientSessionPage, in one). */
const clientPage = readFileSync(fileURLToPath(new URL('./client-page.graphql', import.meta.url)), 'utf8');
const logSession = `mutation LogSession($input: LogCounsellingSessionInput!) { logCounsellingSession(input: $input) { id } }`;
const typename = '{ __typename }';
const benchmarkTopic = 'Budsjett (benchmark)';

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

/** A subgraph takes requests signed by the gateway only: a request straight to one is signed as the gateway signs it. */
interface AsGateway {
  sign: ServiceSigner;
  subgraph: string;
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  asGateway?: AsGateway,
): Promise<GraphQLAnswer> {
  const body = JSON.stringify({ query, variables });
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(url, {
    method: 'POST',
    headers: asGateway ? await withServiceAssertion(asGateway.sign, asGateway.subgraph, body, headers) : headers,
    body,
  });
  const answer = (await response.json()) as GraphQLAnswer;
  // Every answer is checked: a fast error is not a fast answer.
  if (!response.ok || answer.errors?.length || !answer.data) {
    throw new Error(`${response.status} ${answer.errors?.[0]?.message ?? 'no data'}`);
  }
  return answer;
}

/** The public key, from the stack gateway's JWKS, that signed `token`. */
async function publishedKeyOf(stack: RunningStack, token: string): Promise<JWK> {
  const { kid } = decodeProtectedHeader(token);
  const { keys } = (await (await fetch(`${stack.gatewayInternalUrl}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
  const key = keys.find((candidate) => candidate.kid === kid);
  if (!key) throw new Error(`the gateway's JWKS has no key ${kid}`);
  return key;
}

async function signIn(gatewayUrl: string, username: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / clockTicks;
}
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** The SQL statements a subgraph has sent, from /metrics on its internal port. */
async function sqlStatements(internalUrl: string): Promise<number> {
  const text = await (await fetch(`${internalUrl}/metrics`)).text();
  return Number(/^sql_statements_total(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

type VariantName = 'gateway' | 'hive' | 'direct';

interface Variant {
  name: VariantName;
  step: Step;
}

interface VariantResult {
  throughput: number;
  /** At `concurrency` requests at a time (the closed loop that measures throughput). */
  loaded: { p50: number; p95: number };
  latency: { rate: number; p50: number; p95: number; p99: number };
  errors: number;
  errorSamples: string[];
  /** CPU milliseconds per request, per process. */
  cpuMsPerRequest: Record<string, number>;
  /** SQL statements per request, per subgraph. */
  sqlPerRequest: Record<string, number>;
}

type Pids = Record<string, number>;

async function measure(stack: RunningStack, pids: Pids, run: () => Promise<LoadResult>) {
  const processes = Object.entries(pids);
  const cpuBefore = new Map(processes.map(([name, pid]) => [name, cpuSeconds(pid)]));
  const sqlBefore = new Map(
    await Promise.all(
      Object.entries(stack.subgraphInternalUrls).map(async ([name, url]) => [name, await sqlStatements(url)] as const),
    ),
  );
  const result = await run();
  const cpu = Object.fromEntries(
    processes.map(([name, pid]) => [name, ((cpuSeconds(pid) - (cpuBefore.get(name) ?? 0)) * 1000) / result.requests]),
  );
  const sql = Object.fromEntries(
    await Promise.all(
      Object.entries(stack.subgraphInternalUrls).map(
        async ([name, url]) =>
          [name, ((await sqlStatements(url)) - (sqlBefore.get(name) ?? 0)) / result.requests] as const,
      ),
    ),
  );
  return { result, cpu, sql };
}

function average(values: Record<string, number>[]): Record<string, number> {
  const keys = Object.keys(values[0] ?? {});
  return Object.fromEntries(
    keys.map((key) => [key, values.reduce((sum, v) => sum + (v[key] ?? 0), 0) / values.length]),
  );
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Throughput at a fixed concurrency, then latency at a fixed rate, variants interleaved round by round. */
async function scenario(stack: RunningStack, pids: Pids, name: string, variants: Variant[]) {
  logger.info({ scenario: name }, 'measuring');
  for (const variant of variants) await closedLoop(variant.step, 2, 1); // warm-up: plans cached, JIT warm
  const throughputRuns = new Map<
    string,
    { result: LoadResult; cpu: Record<string, number>; sql: Record<string, number> }[]
  >();
  for (let round = 0; round < rounds; round += 1) {
    for (const variant of variants) {
      const measured = await measure(stack, pids, () => closedLoop(variant.step, concurrency, runSeconds));
      throughputRuns.set(variant.name, [...(throughputRuns.get(variant.name) ?? []), measured]);
    }
  }
  const throughputOf = (variant: string) => {
    const runs = throughputRuns.get(variant) ?? [];
    return runs.reduce((sum, run) => sum + run.result.throughput, 0) / runs.length;
  };
  // Below saturation for every variant: half of the slowest one's throughput.
  const rate = Math.max(1, Math.floor(Math.min(...variants.map((v) => throughputOf(v.name))) / 2));
  const latencyRuns = new Map<string, LoadResult[]>();
  for (let round = 0; round < rounds; round += 1) {
    for (const variant of variants) {
      const { result } = await measure(stack, pids, () => openLoop(variant.step, rate, runSeconds));
      latencyRuns.set(variant.name, [...(latencyRuns.get(variant.name) ?? []), result]);
    }
  }
  const merged = (runs: LoadResult[]) => {
    const histogram = runs[0]?.latency;
    for (const more of runs.slice(1)) histogram?.add(more.latency);
    return histogram ? percentiles(histogram) : { p50: 0, p95: 0, p99: 0 };
  };
  const results: Partial<Record<VariantName, VariantResult>> = {};
  for (const variant of variants) {
    const runs = throughputRuns.get(variant.name) ?? [];
    const latency = latencyRuns.get(variant.name) ?? [];
    const all = [...runs.map((run) => run.result), ...latency];
    const errors = all.reduce((sum, run) => sum + run.errors, 0);
    const errorSamples = all.flatMap((run) => run.errorSamples).slice(0, 3);
    const { p50, p95 } = merged(runs.map((run) => run.result));
    results[variant.name] = {
      throughput: Math.round(throughputOf(variant.name) * 10) / 10,
      loaded: { p50, p95 },
      latency: { rate, ...merged(latency) },
      errors,
      errorSamples,
      cpuMsPerRequest: average(runs.map((run) => run.cpu)),
      sqlPerRequest: average(runs.map((run) => run.sql)),
    };
  }
  const { gateway, direct, hive } = results;
  const ratios =
    gateway && direct
      ? {
          p50: round2(gateway.latency.p50 / direct.latency.p50),
          throughput: round2(direct.throughput / gateway.throughput),
        }
      : undefined;
  const hiveRatios =
    gateway && hive
      ? {
          p50: round2(hive.latency.p50 / gateway.latency.p50),
          routerCpu: round2((hive.cpuMsPerRequest.hive ?? 0) / (gateway.cpuMsPerRequest.gateway ?? 1)),
          totalCpu: round2(
            Object.values(hive.cpuMsPerRequest).reduce((a, b) => a + b, 0) /
              Object.values(gateway.cpuMsPerRequest).reduce((a, b) => a + b, 0),
          ),
        }
      : undefined;
  return { name, variants: results, ratios, hiveRatios };
}

/** A subgraph fetch's entity keys (`representations`), in bytes of JSON; 0 for a fetch without them. */
function entityKeyBytes(fetch: RecordedFetch): number {
  const body = JSON.parse(fetch.body) as { variables?: { representations?: unknown[] } };
  const representations = body.variables?.representations;
  return representations ? Buffer.byteLength(JSON.stringify(representations)) : 0;
}

interface RouterPlan {
  subgraphRequests: number;
  entityKeyBytes: number;
  /** Of the entity keys sent, those sent more than once in the same request (bytes). */
  duplicateEntityKeyBytes: number;
  bySubgraph: Record<string, number>;
}

function planOf(fetches: RecordedFetch[]): RouterPlan {
  const bySubgraph: Record<string, number> = {};
  let duplicate = 0;
  for (const fetch of fetches) {
    bySubgraph[fetch.subgraph] = (bySubgraph[fetch.subgraph] ?? 0) + 1;
    const seen = new Set<string>();
    const representations =
      (JSON.parse(fetch.body) as { variables?: { representations?: unknown[] } }).variables?.representations ?? [];
    for (const representation of representations) {
      const key = JSON.stringify(representation);
      if (seen.has(key)) duplicate += Buffer.byteLength(key);
      seen.add(key);
    }
  }
  return {
    subgraphRequests: fetches.length,
    entityKeyBytes: fetches.reduce((sum, fetch) => sum + entityKeyBytes(fetch), 0),
    duplicateEntityKeyBytes: duplicate,
    bySubgraph,
  };
}

/** Hive Gateway in a process of its own (hive-server.ts), so its CPU time and memory are measured apart. */
async function startHiveProcess(subgraphUrls: Record<string, string>) {
  const child = spawnProcess(
    process.execPath,
    ['--import', 'tsx', '--conditions=development', fileURLToPath(new URL('./hive-server.ts', import.meta.url))],
    {
      cwd: fileURLToPath(new URL('../', import.meta.url)),
      env: { ...process.env, HIVE_SUBGRAPH_URLS: JSON.stringify(subgraphUrls), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`Hive Gateway exited (${code}) before it listened`)));
    lines.on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid: child.pid as number,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Resident memory of a process in MB, from /proc. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Every service's resident memory, sampled each second through `seconds` of `concurrency` requests at a
 * time (the steps in turn), as medians of consecutive 30-s windows; it levels off when the last window's
 * median is within 5 % of the one before.
 */
async function memoryUnderLoad(pids: Pids, steps: Step[], seconds: number) {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(pids).map((name) => [name, []]));
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) samples[name]?.push(rssMb(pid));
  };
  const timer = setInterval(sample, 1000);
  let next = 0;
  const result = await closedLoop(
    () => {
      const step = steps[next % steps.length] as Step;
      next += 1;
      return step();
    },
    concurrency,
    seconds,
  ).finally(() => clearInterval(timer));
  const window = Math.min(30, Math.max(1, Math.floor(seconds / 4)));
  const services = Object.fromEntries(
    Object.entries(samples).map(([name, values]) => {
      const windows: number[] = [];
      for (let start = 0; start + window <= values.length; start += window)
        windows.push(median(values.slice(start, start + window)));
      const growth = (from: number, to: number) => Math.round(((to - from) / from) * 1000) / 10;
      const last = windows.at(-1) ?? Number.NaN;
      const beforeLast = windows.at(-2) ?? last;
      return [
        name,
        {
          windowsMb: windows,
          maxMb: Math.max(...values),
          growthPercent: growth(windows[0] ?? last, last),
          lastWindowGrowthPercent: growth(beforeLast, last),
          levelsOff: growth(beforeLast, last) <= 5,
        },
      ];
    }),
  );
  return { seconds, windowSeconds: window, requests: result.requests, errors: result.errors, services };
}

/** What else the machine was doing: the load average and the busiest processes. */
function machineLoad() {
  const busiest = execFileSync('ps', ['-eo', 'pcpu,rss,args', '--sort=-pcpu', '--no-headers'])
    .toString()
    .split('\n')
    .slice(0, 8)
    .map((line) => line.trim().replace(/\s+/g, ' ').slice(0, 140))
    .filter(Boolean);
  return { loadAverage: loadavg().map((load) => round2(load)), busiest };
}

/** The README's start command on the embedded database, timed to its first answered query. */
async function measureStartUp(): Promise<{ seconds: number | null; note: string }> {
  const busy = await fetch('http://127.0.0.1:4000/health/live').then(
    () => true,
    () => false,
  );
  if (busy) return { seconds: null, note: 'port 4000 is in use: not measured' };
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn('pnpm', ['start'], { cwd: root, env, stdio: 'ignore', detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const running = () => child.exitCode === null && child.signalCode === null;
  try {
    while (performance.now() - started < 120_000) {
      if (!running()) return { seconds: null, note: `pnpm start exited (code ${child.exitCode}) before it answered` };
      const answered = await fetch('http://127.0.0.1:4000/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: typename }),
      }).then(
        async (response) => response.ok && ((await response.json()) as GraphQLAnswer).data?.__typename === 'Query',
        () => false,
      );
      if (answered)
        return {
          seconds: Math.round((performance.now() - started) / 100) / 10,
          note: 'pnpm start, embedded PostgreSQL',
        };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { seconds: null, note: 'no answer within 120 s' };
  } finally {
    // The whole process group: pnpm, the launcher and the services it started.
    if (child.pid && running()) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

async function main() {
  const loadAtStart = machineLoad();
  const startUp = await measureStartUp();
  logger.info(startUp, 'start-up measured');

  if (!onDemoData) {
    logger.info('seeding the county-scale databases (only when empty)');
    execFileSync('pnpm', ['seed:county-scale'], { cwd: root, stdio: 'inherit' });
  }
  if (national) {
    logger.info('making the national-scale databases from the county-scale ones (only when missing)');
    const server = await databaseServer({
      dataDir: process.env.EMBEDDED_POSTGRES_DIR ?? `${repositoryDataDir}postgres`,
      port: embeddedPort(),
    });
    try {
      await prepareNationalScale(server.url);
    } finally {
      await server.stop();
    }
  }
  const suffix = onDemoData ? 'bench_demo' : national ? 'national_scale' : 'county_scale';
  const databases = { county: `county_${suffix}`, regions: `regions_${suffix}`, partners: `partners_${suffix}` };
  const stack = await startStack({
    ports: { gateway: 0, county: 0, regions: 0, partners: 0, identityProvider: 0, mailCatcher: 0, mailCatcherSmtp: 0 },
    console: false,
    env: {
      SEED_DEMO: onDemoData ? 'true' : 'false',
      COUNTY_DATABASE: databases.county,
      REGIONS_DATABASE: databases.regions,
      PARTNERS_DATABASE: databases.partners,
      LOG_LEVEL: 'warn',
    },
  });
  const hive = await startHiveProcess(stack.subgraphUrls);
  try {
    // Fresh statistics and visibility maps after seeding and migrations, as a database in use has them.
    for (const database of Object.values(databases)) await runSql(stack.databaseUrl, database, 'vacuum analyze');
    const pids: Pids = { ...(stack.pids as Pids), hive: hive.pid };
    // The development identity provider and mail catcher are no part of the platform measured.
    delete pids['identity-provider'];
    delete pids['mail-catcher'];
    const graphql = `${stack.gatewayUrl}/graphql`;
    const coordinator = await signIn(stack.gatewayUrl, 'coordination.member');
    const adviser = await signIn(stack.gatewayUrl, 'follo.adviser');
    const year = 2025;

    const clients = await post(
      graphql,
      clientList,
      { regionId: 'follo', hasBusiness: true, registeredFrom: '2024-01-01', first: 50, offset: 0 },
      adviser,
    );
    const [firstClient, secondClient] = (clients.data as { clients: { items: { id: string; name: string }[] } }).clients
      .items;
    if (!firstClient || !secondClient) throw new Error('the data has too few clients in Follo');
    // The client page is read from one client, sessions are logged on another, and the sessions a
    // run logs are deleted before and after it: every run measures the same data.
    const clientId = firstClient.id;
    const sessionClientId = secondClient.id;
    const removeBenchmarkSessions = () =>
      runSql(stack.databaseUrl, databases.regions, `delete from counselling_session where topic = '${benchmarkTopic}'`);
    await removeBenchmarkSessions();
    const listVariables = { regionId: 'follo', hasBusiness: true, registeredFrom: '2024-01-01', first: 50, offset: 50 };
    // An adviser looks a client up by full name, as the console's search field does.
    const searchVariables = { search: firstClient.name, first: 50, offset: 0 };
    let sessionDay = 0;
    const sessionInput = () => {
      sessionDay += 1;
      const date = new Date(Date.UTC(2026, 0, 1) + (sessionDay % 150) * 86_400_000).toISOString().slice(0, 10);
      return {
        input: { clientId: sessionClientId, date, durationMinutes: 45, form: 'MEETING', topic: benchmarkTopic },
      };
    };
    const operations = [
      { name: 'overview (coordination-overview.graphql)', query: overview, variables: { year }, token: coordinator },
      { name: 'client list (50 a page, filtered)', query: clientList, variables: listVariables, token: adviser },
      { name: 'client search (by name)', query: clientList, variables: searchVariables, token: adviser },
      { name: 'client page', query: clientPage, variables: { id: clientId, year }, token: adviser },
    ];

    // The first answers compute what the subgraphs keep (at national scale the key figures take seconds).
    for (const operation of operations) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await post(graphql, operation.query, operation.variables, operation.token);
          break;
        } catch (error) {
          if (attempt >= 3) throw error;
          logger.warn({ operation: operation.name, err: error }, 'warming up: trying again');
        }
      }
    }

    // Each router's plan for each operation, through proxies that record the subgraph fetches: an
    // in-process Apollo gateway (trusting the stack gateway's token key, signing with its service key)
    // and an in-process Hive Gateway. The overview's fetches are also its direct baseline, replayed.
    const signingKey = await publishedKeyOf(stack, coordinator);
    const recorder = await startRecorder(stack.subgraphUrls);
    const gatewayKey = (await loadOrCreateServiceKeys(`${repositoryDataDir}service-keys/keys.json`)).privateKeys
      .gateway;
    if (!gatewayKey) throw new Error('no gateway key in .data/service-keys');
    const recordingGateway = await startGateway({
      port: 0,
      auth: { issuer: defaultIssuer, audience: defaultAudience, publicKey: signingKey },
      serviceKey: gatewayKey,
      subgraphUrls: recorder.urls,
    });
    const recordingHive = await startHiveGateway({
      subgraphUrls: recorder.urls as Parameters<typeof startHiveGateway>[0]['subgraphUrls'],
      gatewayKey,
    });
    const plans: Record<string, { gateway: RouterPlan; hive: RouterPlan; answersEqual: boolean }> = {};
    let overviewFetches: RecordedFetch[] = [];
    for (const operation of operations) {
      recorder.fetches.splice(0);
      const apollo = await post(
        `${recordingGateway.url}/graphql`,
        operation.query,
        operation.variables,
        operation.token,
      );
      const apolloFetches = recorder.fetches.splice(0);
      const hiveAnswer = (await (
        await recordingHive.fetch('http://hive/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${operation.token}` },
          body: JSON.stringify({ query: operation.query, variables: operation.variables }),
        })
      ).json()) as GraphQLAnswer;
      const hiveFetches = recorder.fetches.splice(0);
      if (operation.query === overview) overviewFetches = apolloFetches;
      plans[operation.name] = {
        gateway: planOf(apolloFetches),
        hive: planOf(hiveFetches),
        answersEqual: !hiveAnswer.errors?.length && isDeepStrictEqual(hiveAnswer.data, apollo.data),
      };
    }
    await recordingHive.dispose();
    await recordingGateway.stop();
    await recorder.close();
    const stages = stagesOf(overviewFetches);
    logger.info({ plans }, 'plans recorded');

    const signer: AsGateway = { sign: await createServiceSigner(gatewayKey), subgraph: 'regions' };
    const through =
      (
        url: string,
        query: string,
        variables: () => Record<string, unknown>,
        token: string,
        asGateway?: AsGateway,
      ): Step =>
      async () =>
        void (await post(url, query, variables(), token, asGateway));
    const routed = (query: string, variables: () => Record<string, unknown>, token: string): Variant[] => [
      { name: 'gateway', step: through(graphql, query, variables, token) },
      { name: 'hive', step: through(hive.url, query, variables, token) },
    ];
    const direct = (query: string, variables: () => Record<string, unknown>): Variant => ({
      name: 'direct',
      step: through(stack.subgraphUrls.regions, query, variables, adviser, signer),
    });
    const scenarios = [
      await scenario(stack, pids, 'overview (coordination-overview.graphql)', [
        { name: 'direct', step: replayOf(stages, coordinator, await createServiceSigner(gatewayKey)) },
        ...routed(overview, () => ({ year }), coordinator),
      ]),
      await scenario(stack, pids, 'client list (50 a page, filtered)', [
        direct(clientList, () => listVariables),
        ...routed(clientList, () => listVariables, adviser),
      ]),
      await scenario(stack, pids, 'client search (by name)', [
        direct(clientList, () => searchVariables),
        ...routed(clientList, () => searchVariables, adviser),
      ]),
      await scenario(stack, pids, 'client page', [
        direct(clientPage, () => ({ id: clientId, year })),
        ...routed(clientPage, () => ({ id: clientId, year }), adviser),
      ]),
      await scenario(stack, pids, 'log a counselling session (mutation)', [
        direct(logSession, sessionInput),
        ...routed(logSession, sessionInput, adviser),
      ]),
      await scenario(stack, pids, '{ __typename } (fixed HTTP cost)', [
        direct(typename, () => ({})),
        ...routed(typename, () => ({}), adviser),
      ]),
    ];
    await removeBenchmarkSessions();

    logger.info({ seconds: memorySeconds }, 'memory under load');
    const memory = await memoryUnderLoad(
      pids,
      operations.flatMap((operation) => [
        through(graphql, operation.query, () => operation.variables, operation.token),
        through(hive.url, operation.query, () => operation.variables, operation.token),
      ]),
      memorySeconds,
    );

    const platformServices = Object.entries(memory.services)
      .filter(([name]) => name !== 'hive')
      .map(([, service]) => service);
    const find = (name: string) => scenarios.find((s) => s.name.startsWith(name))?.variants.gateway;
    const overviewResult = find('overview');
    const target = (name: string, limit: string, measured: number | undefined, met: boolean) => ({
      name,
      limit,
      measured: measured ?? null,
      met: measured !== undefined && met,
    });
    const overviewLimit = national ? 100 : 30;
    const targets = [
      target(
        `overview p50 (${dataName}, warm)`,
        `≤ ${overviewLimit} ms`,
        overviewResult?.latency.p50,
        (overviewResult?.latency.p50 ?? Infinity) <= overviewLimit,
      ),
      target(
        'overview p95 at concurrency 8',
        '≤ 2 × its p50',
        overviewResult ? round2(overviewResult.loaded.p95 / overviewResult.loaded.p50) : undefined,
        !!overviewResult && overviewResult.loaded.p95 <= 2 * overviewResult.loaded.p50,
      ),
      target(
        `client search p50${national ? '' : ' (the target is at national scale)'}`,
        '≤ 20 ms',
        find('client search')?.latency.p50,
        (find('client search')?.latency.p50 ?? Infinity) <= 20,
      ),
      target(
        'client page p50',
        '≤ 30 ms',
        find('client page')?.latency.p50,
        (find('client page')?.latency.p50 ?? Infinity) <= 30,
      ),
      target(
        'memory of every service of the platform levels off under load (largest growth over the last window; Hive Gateway, the peer router, is printed below, not judged)',
        '≤ 5 % from the window before',
        Math.max(...platformServices.map((service) => service.lastWindowGrowthPercent)),
        platformServices.every((service) => service.levelsOff),
      ),
      target(
        'Hive Gateway answers as the Apollo gateway',
        'every operation',
        Object.values(plans).filter((plan) => plan.answersEqual).length,
        Object.values(plans).every((plan) => plan.answersEqual),
      ),
    ];

    const report = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      load: { atStart: loadAtStart, atEnd: machineLoad() },
      settings: { runSeconds, rounds, concurrency, memorySeconds, quick, data: dataName },
      startUp,
      // The plan's fetches stage by stage, each with how long it took when recorded.
      overviewPlan: stages.map((stage) =>
        stage.map((fetch) => ({ subgraph: fetch.subgraph, ms: Math.round((fetch.ended - fetch.started) * 10) / 10 })),
      ),
      plans,
      scenarios,
      memory,
      targets,
    };
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(`${resultsDir}latest.json`, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(`${resultsDir}latest.md`, markdown(report));
    console.log(markdown(report));
    const failed = scenarios.flatMap((s) =>
      Object.entries(s.variants)
        .filter(([, v]) => v.errors > 0)
        .map(([v, r]) => `${s.name} ${v}: ${r.errors} errors, e.g. ${r.errorSamples[0]}`),
    );
    if (memory.errors) failed.push(`memory under load: ${memory.errors} errors`);
    if (failed.length) {
      console.error(`Some responses were errors:\n${failed.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await hive.stop();
    await stack.stop();
  }
}

type Report = {
  measuredAt: string;
  machine: { cpus: number; memoryGb: number; node: string };
  load: { atStart: ReturnType<typeof machineLoad>; atEnd: ReturnType<typeof machineLoad> };
  settings: { data: string };
  startUp: { seconds: number | null; note: string };
  plans: Record<string, { gateway: RouterPlan; hive: RouterPlan; answersEqual: boolean }>;
  scenarios: Awaited<ReturnType<typeof scenario>>[];
  memory: Awaited<ReturnType<typeof memoryUnderLoad>>;
  targets: { name: string; limit: string; measured: number | null; met: boolean }[];
};

function markdown(report: Report): string {
  const fixed = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(2));
  const lines = [
    `# Benchmark, ${report.measuredAt} (${report.settings.data})`,
    '',
    `Machine: ${report.machine.cpus} CPUs, ${report.machine.memoryGb} GB, Node ${report.machine.node}. Load average (1, 5, 15 min) ${report.load.atStart.loadAverage.join(' / ')} at the start, ${report.load.atEnd.loadAverage.join(' / ')} at the end.`,
    '',
    `Start-up to the first answered query: ${report.startUp.seconds ?? '–'} s (${report.startUp.note}).`,
    '',
    '## Targets (issue 24)',
    '',
    '| target | limit | measured | met |',
    '| --- | --- | ---: | --- |',
    ...report.targets.map((t) => `| ${t.name} | ${t.limit} | ${t.measured ?? '–'} | ${t.met ? 'yes' : 'no'} |`),
    '',
    '## Scenarios',
    '',
    "gateway: @apollo/gateway (the stack's); hive: Hive Gateway on the committed supergraph; direct: the subgraph (the overview: its plan's fetches replayed).",
    '',
    '| scenario | variant | req/s (8 conc.) | p50 / p95 ms at 8 conc. | rate | p50 ms | p95 ms | p99 ms | CPU ms/req (router, county, regions, partners) | SQL/req (county, regions, partners) | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |',
  ];
  for (const s of report.scenarios) {
    for (const [variant, r] of Object.entries(s.variants)) {
      const router =
        variant === 'hive' ? r.cpuMsPerRequest.hive : variant === 'gateway' ? r.cpuMsPerRequest.gateway : 0;
      const cpu = [fixed(router), ...['county', 'regions', 'partners'].map((p) => fixed(r.cpuMsPerRequest[p]))].join(
        ' / ',
      );
      const sql = ['county', 'regions', 'partners'].map((p) => fixed(r.sqlPerRequest[p])).join(' / ');
      lines.push(
        `| ${s.name} | ${variant} | ${r.throughput} | ${r.loaded.p50} / ${r.loaded.p95} | ${r.latency.rate}/s | ${r.latency.p50} | ${r.latency.p95} | ${r.latency.p99} | ${cpu} | ${sql} | ${r.errors} |`,
      );
    }
    if (s.ratios)
      lines.push(`| ${s.name} | gateway ÷ direct | ${s.ratios.throughput}× slower | | | ${s.ratios.p50}× | | | | | |`);
  }
  lines.push(
    '',
    '## Hive Gateway beside the Apollo gateway',
    '',
    'Per operation: whether the answers are the same, Hive ÷ Apollo for p50 latency (fixed rate) and CPU per request (the router alone, and all processes), and what each router sends the subgraphs for one request.',
    '',
    '| operation | answers equal | p50 ratio | router CPU ratio | total CPU ratio | subgraph requests (Apollo / Hive) | entity-key bytes (Apollo / Hive) | of them duplicate keys (Apollo / Hive) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [name, plan] of Object.entries(report.plans)) {
    const ratios = report.scenarios.find((s) => s.name === name)?.hiveRatios;
    lines.push(
      `| ${name} | ${plan.answersEqual ? 'yes' : 'no'} | ${ratios?.p50 ?? '–'} | ${ratios?.routerCpu ?? '–'} | ${ratios?.totalCpu ?? '–'} | ${plan.gateway.subgraphRequests} / ${plan.hive.subgraphRequests} | ${plan.gateway.entityKeyBytes} / ${plan.hive.entityKeyBytes} | ${plan.gateway.duplicateEntityKeyBytes} / ${plan.hive.duplicateEntityKeyBytes} |`,
    );
  }
  lines.push(
    '',
    `## Memory under ${report.memory.seconds} s of load at concurrency 8 (${report.memory.requests} requests, both routers)`,
    '',
    `Resident memory, median MB of each ${report.memory.windowSeconds} s; it levels off when the last window is within 5 % of the one before.`,
    '',
    '| service | MB by window | max MB | first to last | last two windows | levels off |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...Object.entries(report.memory.services).map(
      ([name, m]) =>
        `| ${name === 'hive' ? 'hive (the peer router: printed, not judged)' : name} | ${m.windowsMb.join(' → ')} | ${m.maxMb} | ${m.growthPercent} % | ${m.lastWindowGrowthPercent} % | ${m.levelsOff ? 'yes' : 'no'} |`,
    ),
    '',
    '## What else the machine was running (at the start, by CPU)',
    '',
    '```',
    ...report.load.atStart.busiest,
    '```',
  );
  return `${lines.join('\n')}\n`;
}

await main();
