// End to end: the README's start path (the same stack `pnpm start` runs) with every process on
// a port of its own choosing, queried over HTTP, and the console driven in Debian's Chromium.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase, queryRows } from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { type RunningStack, startStack } from '@etablerer/stack';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToConsole } from '../support/console.js';

const databases = {
  COUNTY_DATABASE: uniqueDatabaseName('county'),
  REGIONS_DATABASE: uniqueDatabaseName('regions'),
  PARTNERS_DATABASE: uniqueDatabaseName('partners'),
  // The gateway's own (its public rate limits), apart from other runs on the same server.
  GATEWAY_DATABASE: uniqueDatabaseName('gateway'),
};
let stack: RunningStack;

beforeAll(async () => {
  stack = await startStack({
    ports: {
      gateway: 0,
      county: 0,
      regions: 0,
      partners: 0,
      console: 0,
      identityProvider: 0,
      mailCatcher: 0,
      mailCatcherSmtp: 0,
    },
    env: { ...databases, LOG_LEVEL: 'warn' },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all(Object.values(databases).map((database) => dropDatabase(testServerUrl(), database)));
});

/** Signs in on the development sign-in, as a person trying the platform would. */
async function signIn(username: string): Promise<string> {
  const response = await fetch(`${stack.gatewayUrl}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function query(body: { query: string; variables?: Record<string, unknown> }, username = 'coordination.member') {
  const response = await fetch(`${stack.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await signIn(username)}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { data?: unknown; errors?: unknown } };
}

/** This machine's first address that is not loopback, to send from as a visitor on the network would. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && !entry.internal && entry.family === 'IPv4')?.address;

/** POSTs an operation without a token from `localAddress`, optionally with an X-Forwarded-For of its own. */
function postFrom(
  localAddress: string,
  url: string,
  body: unknown,
  forwardedFor?: string,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/** The points each client address has taken of the public mutations' limit, as the regions subgraph holds them. */
async function pointsTaken(): Promise<Record<string, number>> {
  const rows = await queryRows<{ key: string; points: number }>(
    stack.databaseUrl,
    databases.REGIONS_DATABASE,
    'select key, points from rate_limit_window order by key',
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.points]));
}

describe('the platform as `pnpm start` runs it', () => {
  it('answers a query spanning the three subgraphs through the gateway, from freshly seeded databases', async () => {
    const { status, json } = await query({
      query: `query Overview($year: Int!) {
        regions { name municipalities { name population } }
        gatherings(year: $year) { title }
      }`,
      variables: { year: 2024 },
    });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    const data = json.data as {
      regions: { name: string; municipalities: { name: string; population: number }[] }[];
      gatherings: { title: string }[];
    };
    expect(data.regions.map((r) => r.name)).toEqual([
      'Asker og Bærum',
      'Drammensregionen',
      'Follo',
      'Halden',
      'Hallingdal',
      'Indre Østfold',
      'Kongsbergregionen',
      'Midt-Buskerud',
      'Mosseregionen',
      'Nedre Glomma',
      'Nedre Romerike',
      'Ringerike og Hadeland',
      'Øvre Romerike',
    ]);
    expect(data.regions.find((r) => r.name === 'Hallingdal')?.municipalities).toEqual([
      { name: 'Flå', population: 1000 },
      { name: 'Nesbyen', population: 3300 },
      { name: 'Gol', population: 4600 },
      { name: 'Hemsedal', population: 2500 },
      { name: 'Ål', population: 4700 },
      { name: 'Hol', population: 4400 },
    ]);
    expect(data.gatherings).toHaveLength(2);
  });

  // A visitor on the network, not on this machine: the console's proxy must say who they are,
  // and the gateway must believe that from the proxy only. Needs an address besides loopback.
  it.skipIf(!networkAddress)(
    'keys the public limits by the visitor behind the console’s proxy, and ignores X-Forwarded-For from anyone else',
    async () => {
      const visitor = networkAddress as string;
      const ask = {
        query: `mutation Ask($input: CounsellingRequestInput!) { requestCounselling(input: $input) { reference } }`,
        variables: {
          input: {
            person: {
              name: 'Nora Nett',
              email: 'nora.nett@example.no',
              municipalityNumber: '3021',
              consentToProcessing: true,
            },
            message: 'Hjelp med forretningsplan',
          },
        },
      };
      const viaConsole = await postFrom(visitor, `${stack.consoleUrl}/graphql`, ask);
      expect(viaConsole).toMatchObject({
        status: 200,
        body: { data: { requestCounselling: { reference: expect.any(String) } } },
      });
      expect(await pointsTaken()).toEqual({ [`public-mutations:${visitor}`]: 1 });
      // Straight at the gateway, the visitor's own X-Forwarded-For is a claim anyone could make.
      const forged = await postFrom(visitor, `${stack.gatewayUrl}/graphql`, ask, '198.51.100.9');
      expect(forged.status).toBe(200);
      expect(await pointsTaken()).toEqual({ [`public-mutations:${visitor}`]: 2 });
    },
  );

  it('reports every subgraph up on the health endpoint (internal port), and only liveness on the public one', async () => {
    expect((await fetch(`${stack.gatewayUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${stack.gatewayUrl}/health`)).status).toBe(404);
    const response = await fetch(`${stack.gatewayInternalUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      subgraphs: { county: { status: 'up' }, regions: { status: 'up' }, partners: { status: 'up' } },
    });
  });

  it("refuses a subgraph called straight with a user's token: only what the gateway signed gets in", async () => {
    const token = await signIn('follo.adviser');
    for (const url of Object.values(stack.subgraphUrls)) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'query Q { __typename }' }),
      });
      expect(response.status, url).toBe(401);
      expect(
        ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
      ).toBe('UNAUTHENTICATED');
    }
  });

  it('lets partners ask regions whose client an id is, with the keys the stack made', async () => {
    // A Follo client of the demo data: Drammen may not refer them, and regions said so to partners.
    const clients = await query({ query: 'query C { clients(first: 1) { items { id } } }' }, 'follo.adviser');
    const clientId = (clients.json.data as { clients: { items: { id: string }[] } }).clients.items[0]?.id;
    const refer = (username: string) =>
      query(
        {
          query: 'mutation S($input: SendReferralInput!) { sendReferral(input: $input) { id } }',
          variables: {
            input: {
              clientId,
              direction: 'TO_INNOVASJON_NORGE',
              programme: 'STARTUP_LOAN',
              consentGivenOn: '2026-01-05',
              sharedClientData: { name: 'E2e' },
            },
          },
        },
        username,
      );
    const refused = await refer('drammen.adviser');
    expect((refused.json.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await refer('follo.adviser')).json.errors).toBeUndefined();
  });
});

/** One GET with the path sent exactly as written: fetch would resolve `..` and re-encode before sending. */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('latin1');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('partner systems with client credentials (private_key_jwt)', () => {
  /** The token endpoint, as the platform's metadata names it (an assertion's audience). */
  const tokenEndpoint = async () => {
    const metadata = await fetch(`${stack.gatewayUrl}/.well-known/oauth-authorization-server`);
    return ((await metadata.json()) as { token_endpoint: string }).token_endpoint;
  };
  /** A client assertion as a partner system signs it: iss = sub = its client id, for the token endpoint. */
  const assertion = async (clientId: string, key: CryptoKey, kid: string) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(await tokenEndpoint())
      .setIssuedAt()
      .setExpirationTime('60s')
      .setJti(randomUUID())
      .sign(key);
  const requestToken = async (clientAssertion: string) => {
    const response = await fetch(`${stack.gatewayUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: clientAssertion,
        scope: 'aggregates:read',
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const figures = {
    query: 'query Figures($year: Int!) { regions { id statistics(year: $year) { newClients } } }',
    variables: { year: 2024 },
  };

  it('gets a token with a key the county registered, reads the aggregates with it, and none once the key is revoked', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    // Akershus registers the partner's public key on the demo's client.
    const added = await query(
      {
        query: `mutation AddKey($input: AddApiClientKeyInput!) {
          addApiClientKey(input: $input) { clientId keys { kid revokedAt } }
        }`,
        variables: { input: { clientId: 'reporting.demo', publicKey: JSON.stringify(publicJwk) } },
      },
      'county.officer',
    );
    expect(added.json.errors).toBeUndefined();
    const kid = (
      added.json.data as { addApiClientKey: { keys: { kid: string; revokedAt: string | null }[] } }
    ).addApiClientKey.keys.find((key) => key.revokedAt === null)?.kid;
    expect(kid).toBeTruthy();

    const granted = await requestToken(await assertion('reporting.demo', privateKey, kid ?? ''));
    expect(granted).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'aggregates:read' } });
    const read = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${granted.body.access_token}` },
      body: JSON.stringify(figures),
    });
    const answer = (await read.json()) as {
      data?: { regions: { statistics: { newClients: number } }[] };
      errors?: unknown;
    };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.regions.length).toBeGreaterThan(0);

    const revoked = await query(
      {
        query: `mutation Revoke($input: RevokeApiClientKeyInput!) { revokeApiClientKey(input: $input) { clientId } }`,
        variables: { input: { clientId: 'reporting.demo', kid } },
      },
      'county.officer',
    );
    expect(revoked.json.errors).toBeUndefined();
    expect(await requestToken(await assertion('reporting.demo', privateKey, kid ?? ''))).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
  });
});

describe("the console's development server", () => {
  const repository = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
  // Under `pnpm start` PostgreSQL keeps its files in .data/postgres; the tests use the machine's server instead,
  // so a file of our own stands in for them beside it, with content that must never come back.
  const canary = `canary ${randomUUID()}`;
  const canaryFile = `/.data/postgres-e2e-${randomUUID()}/base/1/16384`;
  beforeAll(() => {
    mkdirSync(dirname(`${repository}${canaryFile}`), { recursive: true });
    writeFileSync(`${repository}${canaryFile}`, canary);
  });
  afterAll(() => rmSync(`${repository}${canaryFile.split('/base/')[0]}`, { recursive: true, force: true }));
  const variants = ['', '?raw', '?import', '?import&raw', '?raw??', '?url', '?inline', '?worker_file&type=module'];
  const files = [
    '/.data/service-keys/keys.json',
    '/.data/identity-provider/client.json',
    canaryFile,
    '/package.json',
    '/pnpm-workspace.yaml',
    '/schema/supergraph.graphql',
    '/gateway/src/server.ts',
    '/subgraphs/kit/src/dev-tokens.ts',
    '/node_modules/.modules.yaml',
    '/node_modules/.pnpm/node_modules/@etablerer/gateway/src/server.ts',
  ];
  const tricks = (file: string) => [
    `/@fs${repository}${file}`,
    `/@fs/${repository}${file}`,
    `/@fs${repository}/admin-ui/..${file}`,
    `/@fs${repository}/admin-ui/src/../..${file}`,
    `/@fs${repository}/admin-ui/%2e%2e${file}`,
    `/@fs${repository}/admin-ui/%2E%2E${file}`,
    `/@fs${repository}/admin-ui/..%2f${file.slice(1).replaceAll('/', '%2f')}`,
    `/@fs${repository}/admin-ui/..%5c${file.slice(1)}`,
    `/@fs${repository}${file.replaceAll('/', '\\')}`,
    `/..${file}`,
    `/%2e%2e${file}`,
    `/..%2f${file.slice(1)}`,
  ];

  it('serves no file of the repository outside the console and its dependencies, however the path is written', async () => {
    const consoleUrl = stack.consoleUrl ?? '';
    // What must never come back: the gateway's service key, the console's client secret at the identity
    // provider, PostgreSQL's files, the repository's own files.
    const serviceKeys = JSON.parse(readFileSync(`${repository}/.data/service-keys/keys.json`, 'utf8')) as {
      privateKeys: { gateway: { d: string } };
    };
    const client = JSON.parse(readFileSync(`${repository}/.data/identity-provider/client.json`, 'utf8')) as {
      client_secret: string;
    };
    const secrets = [
      serviceKeys.privateKeys.gateway.d,
      client.client_secret,
      canary,
      '"packageManager"',
      'packages:',
      'export function gatewayOptionsFromEnvironment',
    ];
    const served: string[] = [];
    for (const file of files) {
      for (const path of tricks(file)) {
        for (const variant of variants) {
          const { status, body } = await rawGet(consoleUrl, `${path}${variant}`);
          if (![403, 404].includes(status) || secrets.some((secret) => body.includes(secret))) {
            served.push(`${status} ${path}${variant}`);
          }
        }
      }
    }
    expect(served).toEqual([]);
  });

  it('still serves every module the console loads, from its entry through its views and their dependencies', async () => {
    const consoleUrl = stack.consoleUrl ?? '';
    // What a browser does (and what runs where Chromium is missing): follow every static and lazy import.
    const seen = new Set(['/src/main.ts', '/@vite/client']);
    const queue = [...seen];
    const failed: string[] = [];
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const { status, body } = await rawGet(consoleUrl, url);
      if (status !== 200) failed.push(`${status} ${url}`);
      for (const [, imported] of body.matchAll(/(?:from|import)\s*\(?\s*["'](\/[^"']+)["']/g)) {
        if (imported && !seen.has(imported)) {
          seen.add(imported);
          queue.push(imported);
        }
      }
    }
    expect(failed).toEqual([]);
    // The playground's preloaded operation lives outside admin-ui, and is one of them.
    expect([...seen].some((url) => url.includes('/schema/operations/coordination-overview.graphql'))).toBe(true);
    expect([...seen].some((url) => url.includes('graphiql'))).toBe(true);
  });
});

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium; a newcomer's machine may not have it, and then only this part is skipped.
const haveChromium = existsSync(chromiumPath);
if (!haveChromium && process.env.CI) throw new Error(`CI needs Chromium at ${chromiumPath} (apt-get install chromium)`);

describe.skipIf(!haveChromium)('the console in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(() => browser?.close());

  it('signs a coordination member in to the overview, then shows the regions with demo figures labelled approximate', async () => {
    const page = await browser.newPage({ locale: 'nb-NO' });
    await signInToConsole(page, stack.consoleUrl ?? '', 'Ola Hansen', '/');

    // The coordination group starts on the overview: every region's funding and figures for a year.
    await page.waitForURL(/\/overview/);
    await page.getByLabel('År').selectOption('2024');
    const overview = page.getByTestId('overview-table');
    const follo = overview.locator('tr[data-region-id="follo"]');
    await expect.poll(() => follo.textContent(), { timeout: 30_000 }).toMatch(/1\s096\s500,00/);
    await page.getByRole('img', { name: 'Nye klienter per region i 2024' }).waitFor();
    await page.screenshot({
      path: new URL('../.artifacts/console-overview.png', import.meta.url).pathname,
      fullPage: true,
    });

    await page.getByRole('link', { name: 'Regioner' }).click();
    const table = page.getByRole('table', { name: 'Regioner i etablerertjenesten' });
    await table.locator('[data-region-id="follo"]').waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Nordre Follo' }).count()).toBeGreaterThan(0);
    await page.getByTestId('approximate-figures-note').waitFor();
    await page.screenshot({
      path: new URL('../.artifacts/console-regions.png', import.meta.url).pathname,
      fullPage: true,
    });

    // Signing out ends the console's session and, at its confirmation, the identity provider's.
    await page.getByRole('banner').getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.identityProviderUrl));
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/signed-out$/);
    await page.getByRole('heading', { name: 'Du er logget ut' }).waitFor();
    // Back in the console, nobody is signed in: it sends the browser to the identity provider again.
    await page.goto(`${stack.consoleUrl}/overview`);
    await page.waitForURL((url) => url.href.startsWith(stack.identityProviderUrl));
    await page.close();
  });

  it('walks an agreement from renewal to a paid instalment: renew, sign, plan and budget approved, payment recorded and confirmed', async () => {
    // The stack has no fixed "today": the year the walk pays is the current one in Norway. It must
    // lie in the renewed period (Halden's 2022–2025 agreement renews for 2026–2029), so the walk
    // holds from 2026 through 2029; from 2030 the renewal no longer covers today and it fails on that.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
    const year = Number(today.slice(0, 4));
    const norwegian = (date: string) => date.split('-').reverse().join('.');

    // What the graph holds: the ended agreement's last day and population date, and the inhabitants
    // of Halden's municipalities on it (the demo's approximate figures).
    const facts = await query(
      {
        query: `query Halden {
          agreement(id: "halden-2022") { lastDay populationDate }
          region(id: "halden") { municipalities { number population } }
        }`,
      },
      'ostfold.officer',
    );
    expect(facts.json.errors).toBeUndefined();
    const { agreement: ended, region: halden } = facts.json.data as {
      agreement: { lastDay: string; populationDate: string };
      region: { municipalities: { number: string; population: number }[] };
    };
    // A renewal runs from the day after the last day to 31 December three years on.
    const validFrom = new Date(`${ended.lastDay}T00:00:00Z`);
    validFrom.setUTCDate(validFrom.getUTCDate() + 1);
    const from = validFrom.toISOString().slice(0, 10);
    const to = `${validFrom.getUTCFullYear() + 3}-12-31`;
    const renewedId = `halden-${from.slice(0, 4)}`;
    expect(today >= from && today <= to, `today ${today} lies in the renewed period ${from}..${to}`).toBe(true);
    // The funding's population figures are those of 1 July 2021, which `population` gives (§6).
    expect(ended.populationDate).toBe('2021-07-01');
    const inhabitants = halden.municipalities.reduce((sum, municipality) => sum + municipality.population, 0);
    expect(inhabitants).toBeGreaterThan(0);
    // Halden's county rate is the minimum, NOK 5.50 (550 øre), and the renewal keeps it. January's
    // instalment is half the year's county amount; an odd øre goes to January (§7).
    const yearOre = 550 * inhabitants;
    const januaryOre = yearOre - Math.floor(yearOre / 2);
    const januaryNok = `${Math.floor(januaryOre / 100).toLocaleString('nb-NO')},${String(januaryOre % 100).padStart(2, '0')}`;

    const signInAs = async (name: string) => {
      const page = await browser.newPage({ locale: 'nb-NO' });
      await signInToConsole(page, stack.consoleUrl ?? '', name);
      return page;
    };
    const waitFor = { timeout: 20_000 };

    // Halden answers to Østfold since 2024: Hilde Solberg, Østfold's officer, renews its ended agreement.
    const officer = await signInAs('Hilde Solberg');
    await officer.getByTestId('nav-agreements').click();
    await officer.getByRole('button', { name: 'Forny halden-2022' }).click();
    await officer.waitForURL(new RegExp(`/agreements/${renewedId}$`));
    await expect.poll(() => officer.getByTestId('agreement-status').textContent(), waitFor).toBe('Utkast');
    expect(await officer.getByTestId('agreement-period').textContent()).toBe(`${norwegian(from)}–${norwegian(to)}`);

    // Every party signs; the last signature makes it active.
    const signingParties = [
      ['Halden kommune', '3001'],
      ['Østfold fylkeskommune', 'ostfold'],
      ['Innovasjon Norge Oslo, Viken og Innlandet', 'innovasjon-norge'],
      ['NAV Øst-Viken', 'nav-ost-viken'],
    ] as const;
    for (const [party, organisationId] of signingParties) {
      await officer.getByRole('button', { name: `Registrer signatur for ${party}` }).click();
      await officer.getByLabel('Signert av (navn og stilling)').fill(`Signatar for ${party}`);
      await officer.getByRole('button', { name: 'Registrer signatur', exact: true }).click();
      await expect
        .poll(() => officer.getByTestId(`party-${organisationId}`).textContent(), waitFor)
        .toContain(`Signatar for ${party}`);
    }
    await expect.poll(() => officer.getByTestId('agreement-status').textContent(), waitFor).toBe('Aktiv');
    await officer.getByTestId('agreement-notice').getByText('Alle parter har signert. Avtalen er aktiv.').waitFor();
    expect(await officer.getByTestId('agreement-history').textContent()).toContain(
      'Alle parter har signert: avtalen er inngått',
    );

    // Nothing is paid before the year's plan and budget are approved.
    const fundingPage = `${stack.consoleUrl}/funding?region=halden&year=${year}`;
    await officer.goto(fundingPage);
    const january = officer.getByTestId('funding-payment-status-JANUARY');
    await expect.poll(() => january.getAttribute('data-blocked'), waitFor).toBe('true');

    // Siri Halvorsen, the officer of Halden (the contract municipality), submits the year's activity
    // plan and budget; they fall due the year before, so they are on that year's page.
    const municipality = await signInAs('Siri Halvorsen');
    await municipality.goto(`${stack.consoleUrl}/submissions?year=${year - 1}`);
    await municipality.getByTestId(`submit-ACTIVITY_PLAN-${year}`).click();
    await municipality.locator('#submission-documentReference').fill(`aktivitetsplan-${year}.pdf`);
    for (const figure of [
      'newClients',
      'clientsWithImmigrantBackground',
      'coursesHeld',
      'counsellingHours',
      'businessesStarted',
    ]) {
      await municipality.getByTestId(`figure-${figure}`).fill('12');
    }
    await municipality.getByTestId('submission-send').click();
    await expect
      .poll(() => municipality.getByTestId(`submission-status-ACTIVITY_PLAN-${year}`).textContent(), waitFor)
      .toMatch(/Til behandling/);
    await municipality.getByTestId(`submit-BUDGET-${year}`).click();
    await municipality.locator('#submission-documentReference').fill(`budsjett-${year}.pdf`);
    await municipality.locator('#submission-totalAmount').fill('540 000,00');
    await municipality.getByTestId('submission-send').click();
    await expect
      .poll(() => municipality.getByTestId(`submission-status-BUDGET-${year}`).textContent(), waitFor)
      .toMatch(/Til behandling/);
    await municipality.close();

    // The Østfold officer approves both, then records the January instalment, paid today.
    await officer.goto(`${stack.consoleUrl}/submissions?region=halden&year=${year - 1}`);
    for (const kind of ['ACTIVITY_PLAN', 'BUDGET']) {
      await officer.getByTestId(`approve-${kind}-${year}`).click();
      await expect
        .poll(() => officer.getByTestId(`submission-status-${kind}-${year}`).textContent(), waitFor)
        .toMatch(/Godkjent/);
    }
    await officer.screenshot({
      path: new URL('../.artifacts/console-submissions.png', import.meta.url).pathname,
      fullPage: true,
    });
    await officer.goto(fundingPage);
    await expect.poll(() => january.getAttribute('data-blocked'), waitFor).toBe('false');
    await officer.getByTestId('record-payment-JANUARY').click();
    expect(await officer.locator('#payment-paid-on').inputValue()).toBe(today);
    await officer.locator('#payment-reference').fill(`UTB-${year}-halden-1`);
    await officer.getByTestId('payment-send').click();
    await expect
      .poll(() => officer.getByTestId('funding-payment-recorded-JANUARY').textContent(), waitFor)
      .toMatch(/Hilde Solberg/);
    // Recorded is not paid, and the officer who recorded it is not offered to confirm it.
    expect(await january.getAttribute('data-status')).not.toBe('PAID');
    expect(await officer.getByTestId('confirm-payment-JANUARY').count()).toBe(0);
    await officer.close();

    // A second Østfold officer checks the voucher and confirms it: only now is it paid.
    const controller = await signInAs('Mona Berg');
    await controller.goto(fundingPage);
    await controller.getByTestId('confirm-payment-JANUARY').click();
    await controller.locator('#payment-reference').fill(`UTB-${year}-halden-1`);
    await controller.getByTestId('payment-send').click();
    await expect
      .poll(() => controller.getByTestId('funding-payment-status-JANUARY').getAttribute('data-status'), waitFor)
      .toBe('PAID');
    expect(await controller.getByTestId('funding-payment-confirmed-JANUARY').textContent()).toMatch(/Mona Berg/);
    const amount = await controller.getByTestId('funding-payment-amount-JANUARY').textContent();
    expect(amount?.replace(/\s+/g, ' ').trim()).toBe(`${januaryNok} kr`.replace(/\s+/g, ' '));
    await controller.screenshot({
      path: new URL('../.artifacts/console-funding.png', import.meta.url).pathname,
      fullPage: true,
    });
    await controller.close();
  });

  it('lets an adviser open a client from the list and log a counselling session', async () => {
    const page = await browser.newPage({ locale: 'nb-NO' });
    await signInToConsole(page, stack.consoleUrl ?? '', 'Amira Haddad');

    await page.getByTestId('nav-clients').click();
    await page.getByTestId('clients-table').waitFor();
    await page.getByTestId('client-link').first().click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    // The client's sessions are paged ("1–10 av 12"); a client without any shows none.
    await page.locator('[data-session-page-row]').first().or(page.getByTestId('sessions-empty')).waitFor();
    const totalSessions = async () => {
      if ((await page.getByTestId('sessions-range').count()) === 0) return 0;
      return Number(/(\d+)$/.exec((await page.getByTestId('sessions-range').textContent()) ?? '')?.[1]);
    };
    const sessionsBefore = await totalSessions();
    await page.getByTestId('sessions-log-open').click();
    await page.getByTestId('sessions-duration').selectOption('90');
    await page.getByTestId('sessions-preparation').selectOption('30');
    await page.getByTestId('sessions-topic').fill('Likviditetsbudsjett for første år');
    await page.getByTestId('sessions-save').click();
    await expect.poll(totalSessions, { timeout: 20_000 }).toBe(sessionsBefore + 1);
    await page.getByText('Likviditetsbudsjett for første år').first().waitFor();
    // The client's history (with its referrals from the partners service, through the gateway) has it too.
    await page.getByTestId('client-referrals-section').waitFor();
    await page.getByTestId('client-history').getByText('Likviditetsbudsjett for første år').first().waitFor();
    await page.close();
  });

  it('lets Innovasjon Norge mark a referral an adviser just sent it as received', async () => {
    const clients = await query(
      { query: 'query Clients($first: Int!) { clients(first: $first) { items { id } } }', variables: { first: 1 } },
      'follo.adviser',
    );
    const clientId = (clients.json.data as { clients: { items: { id: string }[] } }).clients.items[0]?.id;
    const { json } = await query(
      {
        query: `mutation Send($input: SendReferralInput!) { sendReferral(input: $input) { id } }`,
        variables: {
          input: {
            clientId,
            direction: 'TO_INNOVASJON_NORGE',
            programme: 'STARTUP_GRANT_PHASE_1',
            consentGivenOn: '2026-11-01',
            sharedClientData: { name: 'Testklient Henvist', email: 'henvist@example.org' },
          },
        },
      },
      'follo.adviser',
    );
    const id = (json.data as { sendReferral: { id: string } }).sendReferral.id;

    const page = await browser.newPage({ locale: 'nb-NO' });
    await signInToConsole(page, stack.consoleUrl ?? '', 'Sofie Lie');

    // The referral reached Innovasjon Norge's notifications (the partners' outbox, then the county's inbox).
    const notified = async () => {
      const { json: answer } = await query(
        { query: 'query Unread { notifications(unreadOnly: true) { items { title link } } }' },
        'innovasjonnorge.officer',
      );
      return (answer.data as { notifications: { items: { title: string; link: string | null }[] } }).notifications
        .items;
    };
    await expect
      .poll(notified, { timeout: 30_000 })
      .toContainEqual({ title: 'Ny henvisning fra etablerertjenesten', link: '/referrals' });
    await page.getByTestId('notification-bell').click();
    await page.waitForURL(/\/notifications$/);
    await page.getByTestId('notifications-list').getByText('Ny henvisning fra etablerertjenesten').first().waitFor();

    await page.goto(`${stack.consoleUrl}/referrals`);
    const row = page.getByTestId(`referral-${id}`);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('SENT');
    await page.getByTestId(`referral-step-${id}-RECEIVED`).click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('RECEIVED');
    await page.close();
  });

  it('takes a sign-up on the public website, without signing in, into the region’s CRM where its adviser finds the person', async () => {
    // A phone-sized visitor: the public website must work there.
    const visitor = await browser.newPage({ locale: 'nb-NO', viewport: { width: 375, height: 800 } });
    await visitor.goto(`${stack.consoleUrl}/public/courses?region=follo&kind=BASIC`);
    const firstCourse = visitor.locator('[data-testid^="public-course-sign-up-"]').first();
    await firstCourse.waitFor({ timeout: 30_000 });
    // Every public page names who is responsible for the service.
    await visitor.getByRole('contentinfo').getByText('Innovasjon Norge').first().waitFor();
    await firstCourse.click();
    await visitor.waitForURL(/\/public\/courses\/[0-9a-f-]{36}\/sign-up/);
    await visitor.getByTestId('public-name').fill('Eline Testesen');
    await visitor.getByTestId('public-email').fill('eline.testesen@example.no');
    await visitor.getByTestId('public-municipality').selectOption('3021');
    await visitor.getByTestId('public-business-idea').fill('Keramikkverksted med kurs');
    // Without consent nothing is sent.
    await visitor.getByTestId('public-sign-up-submit').click();
    await visitor.getByTestId('public-error-person.consentToProcessing').waitFor();
    await visitor.getByTestId('public-consent').check();
    await visitor.getByTestId('public-sign-up-submit').click();
    const receipt = visitor.getByTestId('public-receipt');
    await receipt.waitFor({ timeout: 20_000 });
    const reference = (await visitor.getByTestId('public-receipt-reference').textContent())?.match(
      /ET-[2-9A-Z]{6}/,
    )?.[0];
    expect(reference).toBeTruthy();
    // The receipt also reaches the person by e-mail (the development mail catcher, shown through the gateway),
    // with the reference and a link to cancel.
    const receiptMail = async () => {
      const caught = (await (await fetch(`${stack.gatewayUrl}/dev/mail/messages`)).json()) as {
        messages: { to: string[]; text: string }[];
      };
      return caught.messages.find((message) => message.to.includes('eline.testesen@example.no'))?.text ?? '';
    };
    await expect.poll(receiptMail, { timeout: 30_000 }).toContain(reference ?? 'no reference');
    expect(await receiptMail()).toMatch(/\/public\/cancel\/\S+/);
    // The receipt shows nothing of what the person typed.
    expect(await receipt.textContent()).not.toContain('Eline');
    expect(await receipt.textContent()).not.toContain('eline.testesen');
    await visitor.screenshot({
      path: new URL('../.artifacts/public-sign-up.png', import.meta.url).pathname,
      fullPage: true,
    });
    await visitor.close();

    const adviser = await browser.newPage({ locale: 'nb-NO' });
    await signInToConsole(adviser, stack.consoleUrl ?? '', 'Amira Haddad');
    await adviser.getByTestId('nav-clients').click();
    await adviser.getByTestId('clients-search').fill('Eline Testesen');
    await adviser.getByTestId('client-link').filter({ hasText: 'Eline Testesen' }).first().click();
    await adviser.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await adviser.getByText('Grunnleggende etablererkurs').first().waitFor();
    await adviser.close();
  });

  it('runs the preloaded coordination overview in the playground as the signed-in user', async () => {
    // Monaco draws only the lines in view; a tall window lets the result pane show Follo, the third region.
    const page = await browser.newPage({ locale: 'nb-NO', viewport: { width: 1280, height: 6000 } });
    await signInToConsole(page, stack.consoleUrl ?? '', 'Ola Hansen', '/');

    await page.getByRole('link', { name: 'Utforsker' }).click();
    await page.waitForURL(/\/playground$/);
    const run = page.getByRole('button', { name: /^Execute query/ });
    // The query editor holds the coordination overview once Monaco has started; running earlier would run nothing.
    await page.locator('.graphiql-query-editor').getByText('CoordinationOverview').first().waitFor();
    await run.click();

    const result = page.locator('.result-window');
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain('"Follo"');
    expect(await result.textContent()).toContain('"regions"');
    await page.close();
  });

  it('shows the overview without the partners service, saying so, and in full once it is back', async () => {
    const page = await browser.newPage({ locale: 'nb-NO' });
    try {
      await signInToConsole(page, stack.consoleUrl ?? '', 'Ola Hansen', '/');
      await page.waitForURL(/\/overview/);

      await stack.stopSubgraph('partners');
      await page.getByLabel('År').selectOption('2023');
      const banner = page.getByRole('status').filter({ hasText: 'Partnertjenesten (Innovasjon Norge og NAV)' });
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.textContent()).toContain('svarer ikke akkurat nå');
      // The regions' own figures are there; their referrals and the gatherings are marked missing.
      const follo = page.getByTestId('overview-table').locator('tr[data-region-id="follo"]');
      await expect.poll(() => follo.textContent(), { timeout: 30_000 }).toContain('Nordre Follo');
      await follo.locator('[data-unavailable="referrals"]').waitFor();
      await page.getByTestId('overview-gatherings-unavailable').waitFor();
      await page.screenshot({
        path: new URL('../.artifacts/console-overview-partners-down.png', import.meta.url).pathname,
        fullPage: true,
      });

      await stack.startSubgraph('partners');
      await page.getByLabel('År').selectOption('2024');
      await page.getByTestId('overview-gatherings-verdict').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('overview-gatherings-unavailable').count()).toBe(0);
      expect(await follo.locator('[data-unavailable="referrals"]').count()).toBe(0);
      expect(await page.getByTestId('service-status').textContent()).toBe('');
    } finally {
      await stack.startSubgraph('partners');
      await page.close();
    }
  });

  it("lets a county officer end a colleague's access, which refuses their next sign-in, and give it back", async () => {
    const officer = await browser.newPage({ locale: 'nb-NO' });
    await signInToConsole(officer, stack.consoleUrl ?? '', 'Kari Nordmann');
    await officer.getByTestId('nav-access').click();
    await officer.getByRole('button', { name: 'Avslutt tilgangen til Eirik Strand' }).click();
    await officer.getByTestId('end-reason').fill('Har sluttet i fylkeskommunen');
    await officer.getByTestId('end-confirm').click();
    await officer.getByTestId('access-ended').waitFor();

    // Eirik still has an account at the identity provider, but no role on the platform.
    const colleague = await browser.newPage({ locale: 'nb-NO' });
    await colleague.goto(`${stack.consoleUrl}/sign-in`);
    await colleague.getByRole('button', { name: 'Eirik Strand', exact: true }).click();
    await colleague.waitForURL(/\/sign-in\?error=no_access/);
    expect(await colleague.getByTestId('sign-in-reason').textContent()).toContain('ingen tilgang');
    await colleague.close();

    // The history keeps who ended it and why; a new assignment by e-mail lets Eirik in again.
    await officer.getByTestId('access-show-ended').check();
    await officer.getByText('Har sluttet i fylkeskommunen').waitFor();
    await officer.getByTestId('assign-email').fill('akershus.officer@demo.etablerer.no');
    await officer.getByTestId('assign-name').fill('Eirik Strand');
    await officer.getByTestId('assign-role').selectOption('COUNTY_OFFICER');
    await officer.getByTestId('assign-submit').click();
    await officer.getByTestId('assign-done').waitFor();
    await officer.close();

    const back = await browser.newPage({ locale: 'nb-NO' });
    await signInToConsole(back, stack.consoleUrl ?? '', 'Eirik Strand');
    await back.close();
  });
});
