// End to end on the built artefacts, as `pnpm start` runs them: every service from its dist/ under plain node
// (no tsx, no sources), and the built console served by the gateway on the graph's own origin, with its caching,
// its Content-Security-Policy and the history-mode fallback for its routes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dropDatabase } from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { type RunningStack, startStack } from '@etablerer/stack';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToConsole } from '../support/console.js';

const databases = {
  COUNTY_DATABASE: uniqueDatabaseName('county'),
  REGIONS_DATABASE: uniqueDatabaseName('regions'),
  PARTNERS_DATABASE: uniqueDatabaseName('partners'),
};
let stack: RunningStack;

beforeAll(async () => {
  // What `pnpm start` does first: build what changed since the last build (nothing, under `pnpm test`).
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('../../tools/stack/build.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
  expect(build.status).toBe(0);
  stack = await startStack({
    artefacts: 'built',
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
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all(Object.values(databases).map((database) => dropDatabase(testServerUrl(), database)));
});

describe('the built platform', () => {
  it('runs every service from dist/ under plain node', () => {
    for (const pid of Object.values(stack.pids)) {
      const commandLine = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout;
      expect(commandLine).toMatch(/\/dist\/index\.js\s*$/);
      expect(commandLine).not.toContain('tsx');
    }
    expect(Object.keys(stack.pids).sort()).toEqual([
      'county',
      'gateway',
      'identity-provider',
      'mail-catcher',
      'partners',
      'regions',
    ]);
  });

  it('answers the graph through the gateway', async () => {
    const signIn = await fetch(`${stack.gatewayUrl}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'coordination.member' }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const response = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: 'query Regions { regions { id } }' }),
    });
    const body = (await response.json()) as { data?: { regions: { id: string }[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.regions.map((region) => region.id)).toContain('follo');
  });

  it('serves the console on the same origin, index.html uncached and hashed assets for a year', async () => {
    expect(stack.consoleUrl).toBe(stack.gatewayUrl);
    const index = await fetch(`${stack.gatewayUrl}/`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await index.text();
    const script = /<script type="module" crossorigin src="(\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();

    const asset = await fetch(`${stack.gatewayUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    // An asset that is not there is a 404, not the console's page in its place.
    const missing = await fetch(`${stack.gatewayUrl}/assets/index-missing.js`);
    expect(missing.status).toBe(404);
  });

  it("answers a deep console route with the console's page (history mode), and leaves the graph's paths alone", async () => {
    for (const path of ['/clients/0b1c7a4e-0000-4000-8000-000000000000', '/public/kurs', '/playground']) {
      const page = await fetch(`${stack.gatewayUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(page.status, path).toBe(200);
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
      expect(await page.text(), path).toContain('<div id="app"></div>');
    }
    const health = await fetch(`${stack.gatewayUrl}/health/live`, { headers: { accept: 'text/html' } });
    expect(health.headers.get('content-type')).toMatch(/json/);
    // The feeds' HTML is meant to be framed by the municipalities' sites: no console headers on it.
    const feed = await fetch(`${stack.gatewayUrl}/feeds/courses.html`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-security-policy') ?? '').not.toContain("frame-ancestors 'none'");
  });
});

const chromiumPath = '/usr/bin/chromium';

describe.skipIf(!existsSync(chromiumPath))('the built console in Chromium, under its Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => browser?.close());

  it('signs in and runs the playground (GraphiQL, bundled) with nothing refused by the policy', async () => {
    const page = await browser.newPage({ locale: 'nb-NO', viewport: { width: 1280, height: 6000 } });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await signInToConsole(page, stack.consoleUrl ?? '', 'Ola Hansen', '/');

    await page.getByRole('link', { name: 'Utforsker' }).click();
    await page.waitForURL(/\/playground$/);
    await page.locator('.graphiql-query-editor').getByText('CoordinationOverview').first().waitFor();
    await page.getByRole('button', { name: /^Execute query/ }).click();
    const result = page.locator('.result-window');
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain('"Follo"');
    // A reload on a deep route comes back through the history fallback.
    await page.reload();
    await page.locator('.graphiql-query-editor').getByText('CoordinationOverview').first().waitFor();
    expect(refused).toEqual([]);
    await page.close();
  });
});
