// End to end on the built artefacts, as `pnpm start` runs them: every service from its dist/ under plain node
// (no tsx, no sources), and the built console served by the gateway on the graph's own origin, with its caching,
// its Content-Security-Policy and the history-mode fallback for its routes; then the console driven in Debian's
// Chromium through the workflows people use it for, each signed in at the development identity provider.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dropDatabase } from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { type RunningStack, startStack } from '@etablerer/stack';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToConsole } from '../support/console.js';
import { queryAs } from '../support/stack.js';
import {
  adviserWorkflow,
  countyOfficerWorkflow,
  partnerWorkflow,
  publicCalendarWorkflow,
} from '../support/workflows.js';

const databases = {
  COUNTY_DATABASE: uniqueDatabaseName('county'),
  REGIONS_DATABASE: uniqueDatabaseName('regions'),
  PARTNERS_DATABASE: uniqueDatabaseName('partners'),
  // The gateway's own (sessions, signing keys, public rate limits), apart from other runs on the same server.
  GATEWAY_DATABASE: uniqueDatabaseName('gateway'),
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

const query = (body: { query: string; variables?: Record<string, unknown> }, username?: string) =>
  queryAs(stack.gatewayUrl, body, username);

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
    const { json } = await query({ query: 'query Regions { regions { id } }' });
    const body = json as { data?: { regions: { id: string }[] }; errors?: unknown };
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

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium; a newcomer's machine may not have it, and then only this part is skipped.
const haveChromium = existsSync(chromiumPath);
if (!haveChromium && process.env.CI) throw new Error(`CI needs Chromium at ${chromiumPath} (apt-get install chromium)`);

describe.skipIf(!haveChromium)('the built console in Chromium, under its Content-Security-Policy', () => {
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

  it('never scrolls a page sideways, on a desktop (1,440 px) or a phone (375 px), for any person or page', async () => {
    const consoleUrl = stack.consoleUrl ?? '';
    const idOf = async (graphql: string, username: string, variables: Record<string, unknown> = {}) => {
      const { json } = await query({ query: graphql, variables }, username);
      const id = JSON.stringify(json.data ?? null).match(/"id":"([^"]+)"/)?.[1];
      if (!id) throw new Error(`No id in the answer to ${graphql}: ${JSON.stringify(json)}`);
      return id;
    };
    const year = new Date().getFullYear();
    const [agreementId, clientId, courseId] = await Promise.all([
      idOf('{ agreements { id } }', 'county.officer'),
      idOf('query C($first: Int!) { clients(first: $first) { items { id } } }', 'follo.adviser', { first: 1 }),
      idOf('query K($year: Int!) { region(id: "follo") { courses(year: $year) { id } } }', 'follo.adviser', {
        year: year - 1,
      }),
    ]);

    /** Nothing when the page is no wider than its window; else the outermost elements that stick out, to fix. */
    const overflowOf = (page: Page) =>
      page.evaluate(() => {
        const { scrollWidth, clientWidth } = document.documentElement;
        if (scrollWidth <= clientWidth) return [];
        // What a box of its own scrolls (a table in its scroll box) does not widen the page.
        const insideScrollBox = (element: Element) => {
          for (let parent = element.parentElement; parent; parent = parent.parentElement) {
            if (getComputedStyle(parent).overflowX !== 'visible') return true;
          }
          return false;
        };
        return Array.from(document.body.querySelectorAll('*'))
          .filter((element) => element.getBoundingClientRect().right > clientWidth + 1)
          .filter((element) => !insideScrollBox(element))
          .filter(
            (element) =>
              !element.parentElement || element.parentElement.getBoundingClientRect().right <= clientWidth + 1,
          )
          .map(
            (element) =>
              `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')} ${element.getAttribute('data-testid') ?? ''} ${Math.round(element.getBoundingClientRect().right)}px`,
          );
      });
    /** Every page that sticks out at some width, with what sticks out: all of them are listed at the end. */
    const problems: string[] = [];
    const checkWidths = async (page: Page, path: string) => {
      for (const width of [1440, 375]) {
        await page.setViewportSize({ width, height: 900 });
        try {
          await expect.poll(() => overflowOf(page), { timeout: 10_000 }).toEqual([]);
        } catch {
          problems.push(`${path} at ${width} px: ${(await overflowOf(page)).join(', ')}`);
        }
      }
    };
    /** Opens `path` once its data is in (nothing loading, the network quiet), then checks it at both widths. */
    const checkPage = async (page: Page, path: string, shown?: string, screenshot?: string) => {
      await page.goto(`${consoleUrl}${path}`);
      await page.waitForLoadState('networkidle');
      await page.locator('main h1, main h2').first().waitFor({ timeout: 30_000 });
      if (shown) await page.locator(shown).first().waitFor({ timeout: 30_000 });
      await expect
        .poll(() => page.locator('[aria-busy="true"], .state.loading').count(), { timeout: 30_000, message: path })
        .toBe(0);
      await checkWidths(page, path);
      if (screenshot) {
        await page.screenshot({
          path: new URL(`../.artifacts/${screenshot}`, import.meta.url).pathname,
          fullPage: true,
        });
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    };
    const asPerson = async (name: string | null, pages: Array<[path: string, shown?: string, screenshot?: string]>) => {
      const page = await browser.newPage({ locale: 'nb-NO', viewport: { width: 1440, height: 900 } });
      try {
        if (name) await signInToConsole(page, consoleUrl, name);
        for (const [path, shown, screenshot] of pages) await checkPage(page, path, shown, screenshot);
      } finally {
        await page.close();
      }
    };

    // The county officer: the overview with a region's details open, and every page of the county's work.
    const officer = await browser.newPage({ locale: 'nb-NO', viewport: { width: 1440, height: 900 } });
    try {
      await signInToConsole(officer, consoleUrl, 'Kari Nordmann', `/overview?year=${year - 2}`);
      await officer.getByTestId('overview-table').locator('tr[data-region-id]').first().waitFor({ timeout: 30_000 });
      await officer.locator('[data-chart] canvas').first().waitFor();
      await officer.getByTestId('row-details-toggle').first().click();
      await checkWidths(officer, '/overview');
      await officer.screenshot({
        path: new URL('../.artifacts/console-overview-phone.png', import.meta.url).pathname,
        fullPage: true,
      });
      await officer.setViewportSize({ width: 1440, height: 900 });
      for (const [path, shown] of [
        ['/regions'],
        ['/regions/follo'],
        ['/clients', '[data-testid="clients-table"] tbody tr, [data-testid="clients-empty"]'],
        ['/referrals', '[data-testid^="referral-"][data-status], [data-testid="referrals-empty"]'],
        ['/assessments', '[data-testid^="assessment-"][data-status], [data-testid="assessments-empty"]'],
        ['/submissions'],
        ['/funding'],
        ['/agreements'],
        [`/agreements/${agreementId}`],
        ['/population'],
        ['/meetings'],
        ['/groups'],
        ['/evaluations'],
        ['/gatherings'],
        ['/network-events'],
        ['/impact'],
        ['/access'],
        ['/api-clients'],
        ['/notifications'],
        ['/playground'],
      ] as Array<[string, string?]>) {
        await checkPage(officer, path, shown);
      }
    } finally {
      await officer.close();
    }
    // The adviser's CRM, Innovasjon Norge's inbox and the public website (nobody signed in).
    await asPerson('Amira Haddad', [
      ['/clients', '[data-testid="clients-table"] tbody tr'],
      [`/clients/${clientId}`, '[data-testid="client-history"]'],
      ['/clients/new'],
      ['/courses'],
      [`/courses/${courseId}`],
      ['/appointments'],
      ['/website-requests'],
      ['/notifications'],
    ]);
    await asPerson('Sofie Lie', [['/referrals'], ['/assessments'], ['/gatherings']]);
    await asPerson(null, [
      ['/public'],
      [
        '/public/courses',
        '[data-testid="public-courses-list"], [data-testid="public-courses-empty"]',
        'public-courses-phone.png',
      ],
      ['/public/counselling'],
      ['/public/appointments'],
      ['/public/offices'],
      ['/public/privacy'],
    ]);
    expect(problems).toEqual([]);
  }, 300_000);

  // Issue 23's workflows, each at a desktop's and a phone's width: before the walk below, which pays the year's
  // instalments that the county officer's workflow finds blocked.
  it.each([1440, 375])(
    'runs the everyday workflows at %i px: the county officer, an adviser, Innovasjon Norge and a visitor',
    async (width) => {
      const workflowStack = { consoleUrl: stack.consoleUrl ?? '', query };
      await countyOfficerWorkflow(browser, workflowStack, width);
      await adviserWorkflow(browser, workflowStack, width);
      await partnerWorkflow(browser, workflowStack, width);
      await publicCalendarWorkflow(browser, workflowStack, width);
    },
    300_000,
  );

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
