// What an image runs, without building one: each service's `pnpm deploy --prod` folder (the Dockerfile's
// build stage, the console copied in beside the gateway's as the Dockerfile does), started with plain
// node from a folder outside the repository, in production mode, with the environment compose and the
// Kubernetes manifests give it. The subgraphs' migration step runs first from their deployed folders.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  dropDatabase,
  freePort,
  generateServiceKeys,
  queryRows,
  type ServiceProcess,
  serviceKeyEnvironment,
  startServiceProcess,
} from '@etablerer/kit';
import { demoUsers, generateDevKeys, signDemoToken } from '@etablerer/kit/demo';
import { serveJwks, type TestJwksServer, testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const subgraphs = ['county', 'regions', 'partners'] as const;
const services = [...subgraphs, 'gateway'] as const;
type Service = (typeof services)[number];

const databases = {
  COUNTY_DATABASE: uniqueDatabaseName('county'),
  REGIONS_DATABASE: uniqueDatabaseName('regions'),
  PARTNERS_DATABASE: uniqueDatabaseName('partners'),
  GATEWAY_DATABASE: uniqueDatabaseName('gateway'),
};
const folder = mkdtempSync(join(tmpdir(), 'etablerer-deploy-'));
const deployed = (service: Service) => join(folder, service);
const running: ServiceProcess[] = [];
const ports = {} as Record<Service, { public: number; internal: number }>;
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
/** Where the gateway's image has the console, inside its deployed folder (/service). */
const consoleFolder = /CONSOLE_DIR=\/service\/([\w-]+)/.exec(dockerfile)?.[1] ?? 'the Dockerfile sets no CONSOLE_DIR';
let userKey: Awaited<ReturnType<typeof generateDevKeys>>['privateKey'];
/** The token issuer's JWKS: in production the services verify against one, never a fixed key. */
let jwks: TestJwksServer | undefined;
/** What each subgraph's migration step left in its database, before any service started. */
const migrated: Record<string, string[]> = {};

/** `node <args>` in a deployed folder, as the image's command does; its output is kept for the assertion. */
function nodeIn(service: Service, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, args, { cwd: deployed(service), env, encoding: 'utf8' });
}

/** Polls a URL until it answers 200: a service that becomes ready, whatever the machine's load. */
async function untilOk(url: string): Promise<Response> {
  for (;;) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  // The build `pnpm test` runs first (nothing to do then); on its own, this file builds what changed.
  const build = spawnSync(process.execPath, [join(root, 'tools/stack/build.mjs')], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  for (const service of services) {
    const deploy = spawnSync(
      'pnpm',
      ['--filter', `@etablerer/${service}`, 'deploy', '--prod', '--offline', deployed(service)],
      { cwd: root, encoding: 'utf8' },
    );
    expect(deploy.status, `${deploy.stdout}${deploy.stderr}`).toBe(0);
  }
  // The Dockerfile's gateway image: the built console copied into the deployed folder, CONSOLE_DIR naming it.
  expect(dockerfile).toContain(`cp -R admin-ui/dist /service/${consoleFolder}`);
  cpSync(join(root, 'admin-ui/dist'), join(deployed('gateway'), consoleFolder), { recursive: true });

  const [serviceKeys, userKeys] = await Promise.all([generateServiceKeys(), generateDevKeys()]);
  userKey = userKeys.privateKey;
  jwks = await serveJwks([userKeys.publicKey]);
  for (const service of services) ports[service] = { public: await freePort(), internal: await freePort() };
  const common: Record<string, string> = {
    // The migration step runs with this alone; the services' processes also inherit this test's environment
    // (startServiceProcess), whose other variables none of them reads.
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: testServerUrl(),
    ...databases,
    AUTH_JWKS_URL: jwks.url,
    ...Object.fromEntries(
      subgraphs.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name].public}/graphql`]),
    ),
  };
  const environment = (service: Service): Record<string, string> => ({
    ...common,
    ...serviceKeyEnvironment(serviceKeys, service),
    HOST: '127.0.0.1',
    PORT: String(ports[service].public),
    INTERNAL_HOST: '127.0.0.1',
    INTERNAL_PORT: String(ports[service].internal),
    ...(service === 'gateway' ? { CONSOLE_DIR: join(deployed('gateway'), consoleFolder) } : {}),
  });

  for (const name of subgraphs) {
    // compose's migrate-<subgraph> services and the Kubernetes Job: `node dist/cli.js migrate`, before any start.
    const migration = nodeIn(name, ['dist/cli.js', 'migrate'], environment(name));
    expect(migration.status, `${name}: ${migration.stdout}${migration.stderr}`).toBe(0);
    const database = databases[`${name.toUpperCase()}_DATABASE` as keyof typeof databases];
    const rows = await queryRows<{ name: string }>(testServerUrl(), database, 'select name from mikro_orm_migrations');
    migrated[name] = rows.map((row) => row.name);
    // The demo data the query below reads, from the deployed folder too (`docker compose run <subgraph> node
    // dist/cli.js seed`): a production start never seeds it.
    const seed = nodeIn(name, ['dist/cli.js', 'seed'], environment(name));
    expect(seed.status, `${name}: ${seed.stdout}${seed.stderr}`).toBe(0);
  }
  // Each kept as soon as it runs, so that one failing to start leaves none of the others behind.
  await Promise.all(
    services.map(async (service) => {
      running.push(
        await startServiceProcess(service, join(deployed(service), 'dist/index.js'), { env: environment(service) }),
      );
    }),
  );
}, 300_000);

afterAll(async () => {
  await Promise.all(running.map((service) => service.stop()));
  await jwks?.stop();
  await Promise.all(Object.values(databases).map((database) => dropDatabase(testServerUrl(), database)));
  rmSync(folder, { recursive: true, force: true });
});

describe("each service's pnpm deploy folder", () => {
  it('holds its dist/ and production dependencies, not the sources, tests nor development tools', () => {
    for (const service of services) {
      const top = readdirSync(deployed(service)).filter((entry) => !entry.startsWith('pnpm-'));
      const expected = ['dist', 'node_modules', 'package.json', ...(service === 'gateway' ? [consoleFolder] : [])];
      expect(top.sort(), service).toEqual(expected.sort());
      const modules = readdirSync(join(deployed(service), 'node_modules/.pnpm'));
      for (const tool of ['typescript@', 'tsx@', 'vitest@', 'vite@', '@graphql-codegen+cli@', 'fast-check@']) {
        expect(
          modules.filter((name) => name.startsWith(tool)),
          `${service}: ${tool}`,
        ).toEqual([]);
      }
      const kit = join(deployed(service), 'node_modules/@etablerer/kit');
      expect(readdirSync(kit).sort(), service).toEqual(['data', 'dist', 'node_modules', 'package.json']);
    }
  });

  it("migrates each subgraph's database from its deployed folder, every migration the subgraph has", () => {
    for (const name of subgraphs) {
      const files = readdirSync(join(deployed(name), 'dist/migrations')).filter((file) =>
        /^Migration.*\.js$/.test(file),
      );
      expect(files.length, name).toBeGreaterThan(0);
      expect(migrated[name]?.sort(), name).toEqual(files.map((file) => file.replace(/\.js$/, '')).sort());
    }
  });

  it('starts every service from its deployed folder, ready on its internal port', async () => {
    for (const service of services) {
      const ready = await untilOk(`http://127.0.0.1:${ports[service].internal}/health/ready`);
      expect(ready.status, service).toBe(200);
    }
  });

  it('answers the contract operation through the gateway from the three deployed subgraphs', async () => {
    const user = demoUsers.find((candidate) => candidate.username === 'coordination.member');
    if (!user) throw new Error('no coordination.member among the demo users');
    const response = await fetch(`http://127.0.0.1:${ports.gateway.public}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signDemoToken(userKey, user)}` },
      body: JSON.stringify({
        query: readFileSync(join(root, 'schema/operations/coordination-overview.graphql'), 'utf8'),
        variables: { year: 2024 },
      }),
    });
    const body = (await response.json()) as {
      data?: {
        regions: { id: string; agreement: { status: string } | null }[];
        gatherings: unknown[];
      };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    const follo = body.data?.regions.find((region) => region.id === 'follo');
    // regions' own fields, county's agreement and partners' gatherings: each from its deployed subgraph.
    expect(follo?.agreement?.status).toMatch(/^[A-Z]+$/);
    expect(body.data?.gatherings).toHaveLength(2);
  });

  it("serves the console's index from the gateway image's console folder", async () => {
    const index = await fetch(`http://127.0.0.1:${ports.gateway.public}/`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="app"></div>');
  });
});
