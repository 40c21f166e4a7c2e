// `pnpm bench`: the platform on the county-scale dataset, measured through the gateway and
// straight at the subgraphs, each scenario interleaved with its baseline in the same run.
// Writes test/bench/results/latest.{json,md}. See the README's "Benchmark" section.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startGateway } from '@etablerer/gateway/server';
import {
  createServiceSigner,
  defaultAudience,
  defaultIssuer,
  loadOrCreateServiceKeys,
  logger,
  repositoryDataDir,
  runSql,
} from '@etablerer/kit';
import { type RunningStack, type ServiceName, startStack } from '@etablerer/stack';
import { decodeProtectedHeader, type JWK } from 'jose';
import { closedLoop, type LoadResult, openLoop, percentiles, type Step } from './load.js';
import { replayOf, stagesOf, startRecorder } from './replay.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const quick = process.argv.includes('--quick');
/** `--demo`: the demo data (in databases of the benchmark's own) instead of the county-scale set, e.g. to try the harness. */
const onDemoData = process.argv.includes('--demo');
/** Seconds per measured run; each scenario runs its variants interleaved, `rounds` times each. */
const runSeconds = quick ? 2 : 6;
const rounds = quick ? 1 : 2;
const concurrency = 8;

const overview = readFileSync(`${root}schema/operations/coordination-overview.graphql`, 'utf8');
const clientList = `query ClientList($regionId: ID, $hasBusiness: Boolean, $registeredFrom: Date, $first: Int!, $offset: Int!) {
  clients(regionId: $regionId, hasBusiness: $hasBusiness, registeredFrom: $registeredFrom, first: $first, offset: $offset) {
    totalCount hasNextPage
    items { id name registeredOn immigrantBackground municipality { number name } businesses { id } }
  }
}`;
const clientPage = `query ClientDetail($id: ID!, $year: Int!) {
  client(id: $id) {
    id name email phone birthYear immigrantBackground registeredOn businessIdea version
    municipality { number name }
    counsellingSessions { id date durationMinutes form topic minutesBeyondFreeLimit adviser { id name } }
    counsellingHours(year: $year) { year total free beyondFreeLimit freeLimit }
    businesses { id name organisationNumber registeredOn }
    milestones { kind reachedOn }
    enrolments { id status waitlistPosition course { id title startsOn } }
  }
}`;
const logSession = `mutation LogSession($input: LogCounsellingSessionInput!) { logCounsellingSession(input: $input) { id } }`;
const typename = '{ __typename }';
const benchmarkTopic = 'Budsjett (benchmark)';

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLAnswer;
  // Every answer is checked: a fast error is not a fast answer.
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${response.status} ${body.errors?.[0]?.message ?? 'no data'}`);
  }
  return body;
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

interface Variant {
  name: 'gateway' | 'direct';
  step: Step;
}

interface VariantResult {
  throughput: number;
  latency: { rate: number; p50: number; p95: number; p99: number };
  errors: number;
  errorSamples: string[];
  /** CPU milliseconds per request, per process. */
  cpuMsPerRequest: Record<string, number>;
  /** SQL statements per request, per subgraph. */
  sqlPerRequest: Record<string, number>;
}

async function measure(stack: RunningStack, run: () => Promise<LoadResult>) {
  const processes = Object.entries(stack.pids) as [ServiceName, number][];
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

/** Throughput at a fixed concurrency, then latency at a fixed rate, variants interleaved round by round. */
async function scenario(stack: RunningStack, name: string, variants: Variant[]) {
  logger.info({ scenario: name }, 'measuring');
  for (const variant of variants) await closedLoop(variant.step, 2, 1); // warm-up: plans cached, JIT warm
  const throughputRuns = new Map<
    string,
    { result: LoadResult; cpu: Record<string, number>; sql: Record<string, number> }[]
  >();
  for (let round = 0; round < rounds; round += 1) {
    for (const variant of variants) {
      const measured = await measure(stack, () => closedLoop(variant.step, concurrency, runSeconds));
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
      const { result } = await measure(stack, () => openLoop(variant.step, rate, runSeconds));
      latencyRuns.set(variant.name, [...(latencyRuns.get(variant.name) ?? []), result]);
    }
  }
  const results: Record<string, VariantResult> = {};
  for (const variant of variants) {
    const runs = throughputRuns.get(variant.name) ?? [];
    const latency = latencyRuns.get(variant.name) ?? [];
    const histogram = latency[0]?.latency;
    for (const more of latency.slice(1)) histogram?.add(more.latency);
    const all = [...runs.map((run) => run.result), ...latency];
    results[variant.name] = {
      throughput: Math.round(throughputOf(variant.name) * 10) / 10,
      latency: { rate, ...(histogram ? percentiles(histogram) : { p50: 0, p95: 0, p99: 0 }) },
      errors: all.reduce((sum, run) => sum + run.errors, 0),
      errorSamples: all.flatMap((run) => run.errorSamples).slice(0, 3),
      cpuMsPerRequest: average(runs.map((run) => run.cpu)),
      sqlPerRequest: average(runs.map((run) => run.sql)),
    };
  }
  const gateway = results.gateway;
  const direct = results.direct;
  const ratios =
    gateway && direct
      ? {
          p50: Math.round((gateway.latency.p50 / direct.latency.p50) * 100) / 100,
          throughput: Math.round((direct.throughput / gateway.throughput) * 100) / 100,
        }
      : undefined;
  return { name, variants: results, ratios };
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
  try {
    while (performance.now() - started < 120_000) {
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
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function main() {
  const startUp = await measureStartUp();
  logger.info(startUp, 'start-up measured');

  if (!onDemoData) {
    logger.info('seeding the county-scale databases (only when empty)');
    execFileSync('pnpm', ['seed:county-scale'], { cwd: root, stdio: 'inherit' });
  }
  const suffix = onDemoData ? 'bench_demo' : 'county_scale';
  const stack = await startStack({
    ports: { gateway: 0, county: 0, regions: 0, partners: 0, identityProvider: 0, mailCatcher: 0, mailCatcherSmtp: 0 },
    console: false,
    env: {
      SEED_DEMO: onDemoData ? 'true' : 'false',
      COUNTY_DATABASE: `county_${suffix}`,
      REGIONS_DATABASE: `regions_${suffix}`,
      PARTNERS_DATABASE: `partners_${suffix}`,
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const graphql = `${stack.gatewayUrl}/graphql`;
    const coordinator = await signIn(stack.gatewayUrl, 'coordination.member');
    const adviser = await signIn(stack.gatewayUrl, 'follo.adviser');
    const year = 2025;

    // The overview's baseline: record the plan's fetches once through an in-process gateway.
    // The stack's gateway signed the coordinator's token: the recording gateway trusts that key.
    const signingKey = await publishedKeyOf(stack, coordinator);
    const recorder = await startRecorder(stack.subgraphUrls);
    // The stack's own gateway key: the subgraphs behind the recorder (and the replay) trust it.
    const gatewayKey = (await loadOrCreateServiceKeys(`${repositoryDataDir}service-keys/keys.json`)).privateKeys
      .gateway;
    if (!gatewayKey) throw new Error('no gateway key in .data/service-keys');
    const recordingGateway = await startGateway({
      port: 0,
      auth: { issuer: defaultIssuer, audience: defaultAudience, publicKey: signingKey },
      // The stack's own gateway key: the subgraphs behind the recorder trust it.
      serviceKey: gatewayKey,
      subgraphUrls: recorder.urls,
    });
    await post(`${recordingGateway.url}/graphql`, overview, { year }, coordinator);
    await recordingGateway.stop();
    await recorder.close();
    const stages = stagesOf(recorder.fetches);
    logger.info(
      { stages: stages.map((stage) => stage.map((f) => `${f.subgraph} ${Math.round(f.ended - f.started)} ms`)) },
      'overview plan recorded',
    );

    const clients = await post(
      graphql,
      clientList,
      { regionId: 'follo', hasBusiness: true, registeredFrom: '2024-01-01', first: 50, offset: 0 },
      adviser,
    );
    const [firstClient, secondClient] = (clients.data as { clients: { items: { id: string }[] } }).clients.items;
    if (!firstClient || !secondClient) throw new Error('the data has too few clients in Follo');
    // The client page is read from one client, sessions are logged on another, and the sessions a
    // run logs are deleted before and after it: every run measures the same data.
    const clientId = firstClient.id;
    const sessionClientId = secondClient.id;
    const removeBenchmarkSessions = () =>
      runSql(
        stack.databaseUrl,
        `regions_${suffix}`,
        `delete from counselling_session where topic = '${benchmarkTopic}'`,
      );
    await removeBenchmarkSessions();
    const listVariables = { regionId: 'follo', hasBusiness: true, registeredFrom: '2024-01-01', first: 50, offset: 50 };
    let sessionDay = 0;
    const sessionInput = () => {
      sessionDay += 1;
      const date = new Date(Date.UTC(2026, 0, 1) + (sessionDay % 150) * 86_400_000).toISOString().slice(0, 10);
      return {
        input: { clientId: sessionClientId, date, durationMinutes: 45, form: 'MEETING', topic: benchmarkTopic },
      };
    };

    const scenarios = [
      await scenario(stack, 'overview (coordination-overview.graphql)', [
        { name: 'direct', step: replayOf(stages, coordinator, await createServiceSigner(gatewayKey)) },
        { name: 'gateway', step: async () => void (await post(graphql, overview, { year }, coordinator)) },
      ]),
      await scenario(stack, 'client list (50 a page, filtered)', [
        {
          name: 'direct',
          step: async () => void (await post(stack.subgraphUrls.regions, clientList, listVariables, adviser)),
        },
        { name: 'gateway', step: async () => void (await post(graphql, clientList, listVariables, adviser)) },
      ]),
      await scenario(stack, 'client page', [
        {
          name: 'direct',
          step: async () => void (await post(stack.subgraphUrls.regions, clientPage, { id: clientId, year }, adviser)),
        },
        { name: 'gateway', step: async () => void (await post(graphql, clientPage, { id: clientId, year }, adviser)) },
      ]),
      await scenario(stack, 'log a counselling session (mutation)', [
        {
          name: 'direct',
          step: async () => void (await post(stack.subgraphUrls.regions, logSession, sessionInput(), adviser)),
        },
        { name: 'gateway', step: async () => void (await post(graphql, logSession, sessionInput(), adviser)) },
      ]),
      await scenario(stack, '{ __typename } (fixed HTTP cost)', [
        { name: 'direct', step: async () => void (await post(stack.subgraphUrls.regions, typename, {}, adviser)) },
        { name: 'gateway', step: async () => void (await post(graphql, typename, {}, adviser)) },
      ]),
    ];

    await removeBenchmarkSessions();
    const report = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      settings: { runSeconds, rounds, concurrency, quick, data: onDemoData ? 'demo' : 'county scale' },
      startUp,
      // The plan's fetches stage by stage, each with how long it took when recorded.
      overviewPlan: stages.map((stage) =>
        stage.map((fetch) => ({ subgraph: fetch.subgraph, ms: Math.round((fetch.ended - fetch.started) * 10) / 10 })),
      ),
      scenarios,
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
    if (failed.length) {
      console.error(`Some responses were errors:\n${failed.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await stack.stop();
  }
}

type Report = {
  measuredAt: string;
  startUp: { seconds: number | null; note: string };
  scenarios: Awaited<ReturnType<typeof scenario>>[];
};

function markdown(report: Report): string {
  const lines = [
    `# Benchmark, ${report.measuredAt}`,
    '',
    `Start-up to the first answered query: ${report.startUp.seconds ?? '–'} s (${report.startUp.note}).`,
    '',
    '| scenario | variant | req/s (8 conc.) | rate | p50 ms | p95 ms | p99 ms | CPU ms/req (gw, county, regions, partners) | SQL/req (county, regions, partners) | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |',
  ];
  const fixed = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(2));
  for (const s of report.scenarios) {
    for (const [variant, r] of Object.entries(s.variants)) {
      const cpu = ['gateway', 'county', 'regions', 'partners'].map((p) => fixed(r.cpuMsPerRequest[p])).join(' / ');
      const sql = ['county', 'regions', 'partners'].map((p) => fixed(r.sqlPerRequest[p])).join(' / ');
      lines.push(
        `| ${s.name} | ${variant} | ${r.throughput} | ${r.latency.rate}/s | ${r.latency.p50} | ${r.latency.p95} | ${r.latency.p99} | ${cpu} | ${sql} | ${r.errors} |`,
      );
    }
    if (s.ratios)
      lines.push(`| ${s.name} | gateway ÷ direct | ${s.ratios.throughput}× slower | | ${s.ratios.p50}× | | | | | |`);
  }
  return `${lines.join('\n')}\n`;
}

await main();
