// The everyday workflows of issue 23, driven in Chromium at a given width: what the coordination group, an
// adviser and a visitor to the public website do most days, each step checked as they would see it. The built
// platform's e2e test runs them on a desktop (1,440 px) and on a phone (375 px).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signInToConsole } from './console.js';

export interface WorkflowStack {
  consoleUrl: string;
  /** POSTs an operation to the gateway as a demo user. */
  query(
    body: { query: string; variables?: Record<string, unknown> },
    username: string,
  ): Promise<{ json: { data?: unknown } }>;
}

const poll = { timeout: 30_000 };

/** Whether the page scrolls sideways: it must not, at any width. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function newPage(browser: Browser, width: number): Promise<Page> {
  return browser.newPage({ locale: 'nb-NO', viewport: { width, height: 900 }, acceptDownloads: true });
}

/**
 * The county officer's day: the overview says how many reports and plans wait for the county's decision and
 * leads to that queue across regions; a region's page opens on the overview's year; the client list has the
 * county's regions, a region column and filter, and its CSV is the whole filtered list, not the page shown; the
 * business assessments come a page at a time.
 */
export async function countyOfficerWorkflow(browser: Browser, stack: WorkflowStack, width: number): Promise<void> {
  const page = await newPage(browser, width);
  await signInToConsole(page, stack.consoleUrl, 'Kari Nordmann', '/overview');

  const overviewYear = await page.getByTestId('overview-year').inputValue();
  const awaiting = page.getByTestId('overview-awaiting');
  await expect.poll(() => awaiting.textContent(), poll).toMatch(/venter på fylkets avgjørelse/);
  const waiting = Number((await awaiting.textContent())?.match(/(\d+)/)?.[1]);
  expect(waiting).toBeGreaterThan(0);
  // The charts put the largest first, with every region's value (read here from the table behind each chart).
  const newClients = page.locator('figure[data-chart]').first();
  await expect.poll(() => newClients.locator('tbody tr').count(), poll).toBeGreaterThan(1);
  const values = (await newClients.locator('tbody td').allTextContents()).map((text) =>
    Number(text.replace(/\D/g, '')),
  );
  expect(values).toEqual([...values].sort((a, b) => b - a));
  await page.getByTestId('overview-awaiting-link').click();
  await page.waitForURL(/\/submissions/);
  const queue = page.getByTestId('submissions-awaiting');
  await expect.poll(() => queue.locator('[data-testid^="awaiting-"]').count(), poll).toBe(waiting);
  expect(await scrollsSideways(page)).toBe(false);

  // A region's page opens on the year the overview opened on.
  await page.goto(`${stack.consoleUrl}/regions/follo`);
  await page.getByTestId('region-title').waitFor(poll);
  expect(await page.getByTestId('region-year').inputValue()).toBe(overviewYear);

  // A year whose instalments wait for a plan or budget names it under that year, and leads to where it is decided.
  const year = new Date().getFullYear();
  const { json } = await stack.query(
    { query: 'query Blocked($year: Int!) { regions { id payments(year: $year) { blocked } } }', variables: { year } },
    'county.officer',
  );
  const blocked = (json.data as { regions: Array<{ id: string; payments: Array<{ blocked: boolean }> }> }).regions.find(
    (region) => region.payments.some((payment) => payment.blocked),
  );
  if (!blocked) throw new Error(`The demo data has no region whose ${year} instalments are blocked`);
  await page.goto(`${stack.consoleUrl}/funding?region=${blocked.id}&year=${year}`);
  const blockers = page.getByTestId('funding-blockers');
  await expect.poll(() => blockers.textContent(), poll).toContain(`Utbetalingene for ${year} venter på`);
  await blockers.getByRole('link').first().click();
  await page.waitForURL(new RegExp(`/submissions\\?.*year=${year - 1}.*#submission-`));
  expect(await scrollsSideways(page)).toBe(false);

  // Every region's clients, with a region column, filtered to one region; the CSV holds all of them.
  // The main menu: a sidebar on a desktop; on a phone (or tablet) behind a button, so that they do not fill the
  // first screen of every page, and gone again once one is followed.
  const clientsLink = page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Klienter', exact: true });
  const menuButton = page.getByTestId('menu-button');
  if (width < 1024) {
    expect(await clientsLink.isVisible()).toBe(false);
    expect((await page.getByRole('banner').boundingBox())?.height).toBeLessThan(250);
    await menuButton.click();
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
  } else {
    expect(await menuButton.isVisible()).toBe(false);
  }
  await clientsLink.click();
  await page.waitForURL(/\/clients$/);
  expect(await clientsLink.isVisible()).toBe(width >= 1024);
  const table = page.getByTestId('clients-table');
  await table.locator('th', { hasText: 'Region' }).waitFor(poll);
  const showing = page.getByTestId('clients-showing');
  const totalOf = async () =>
    Number((await showing.textContent())?.match(/av ([\d\s\u00a0]+)/)?.[1]?.replace(/\D/g, ''));
  await expect.poll(totalOf, poll).toBeGreaterThan(0);
  const everyRegion = await totalOf();
  await page.getByTestId('clients-filter-region').selectOption({ label: 'Follo' });
  await expect.poll(totalOf, poll).toBeLessThan(everyRegion);
  const inFollo = await totalOf();
  await expect
    .poll(async () => new Set(await table.locator('tbody tr td:nth-child(2)').allTextContents()), poll)
    .toEqual(new Set(['Follo']));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Last ned listen som CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path()) ?? '', 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(csv).toHaveLength(inFollo + 1);
  expect(await scrollsSideways(page)).toBe(false);

  // The county's hundreds of business assessments come a page at a time, with how many there are in all.
  await page.goto(`${stack.consoleUrl}/assessments`);
  const pager = page.getByTestId('assessments-pager-showing');
  const shownRange = async () => (await pager.textContent())?.replace(/\s+/g, ' ') ?? '';
  await expect.poll(shownRange, poll).toMatch(/^Viser 1–20 av \d+/);
  expect(await page.locator('[data-testid^="assessment-status-"]').count()).toBe(20);
  await page.getByTestId('assessments-pager-next').click();
  await expect.poll(shownRange, poll).toMatch(/^Viser 21–40 av \d+/);
  expect(await scrollsSideways(page)).toBe(false);
  await page.close();
}

/**
 * The adviser's day: a client's page lists the client's referrals with their status and the client's history as
 * one timeline; logging a session opens a form that takes the focus, Escape closes it and gives the focus back;
 * a field's error goes once it is fixed; the saved message stands beside the action. The requests from the public
 * website come newest first.
 */
export async function adviserWorkflow(browser: Browser, stack: WorkflowStack, width: number): Promise<void> {
  const { json } = await stack.query(
    { query: '{ clients(first: 100) { items { id referrals { id } } } }' },
    'follo.adviser',
  );
  const clients = (json.data as { clients: { items: Array<{ id: string; referrals: Array<{ id: string }> | null }> } })
    .clients.items;
  const referred = clients.find((client) => (client.referrals?.length ?? 0) > 0);
  if (!referred) throw new Error('The demo data has no Follo client with a referral');

  const page = await newPage(browser, width);
  await signInToConsole(page, stack.consoleUrl, 'Amira Haddad', `/clients/${referred.id}`);
  const referrals = page.getByTestId('client-referrals');
  await expect.poll(() => referrals.locator('tbody tr').count(), poll).toBe(referred.referrals?.length);
  expect(await referrals.locator('tbody tr').first().textContent()).toMatch(/Sendt|Mottatt|Akseptert|Avslått|Fullført/);
  await expect.poll(() => page.getByTestId('client-history').locator('li').count(), poll).toBeGreaterThan(1);

  // Referring the client: the day the client consented is today unless the adviser says otherwise.
  await page.getByTestId('refer-open').click();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
  await expect.poll(() => page.getByTestId('refer-consent-date').inputValue(), poll).toBe(today);
  await page.keyboard.press('Escape');
  await page.getByTestId('refer-form').waitFor({ state: 'detached' });

  const opener = page.getByTestId('sessions-log-open');
  await opener.click();
  const form = page.getByTestId('sessions-log-form');
  await expect.poll(() => form.evaluate((element) => element.contains(document.activeElement)), poll).toBe(true);
  await page.keyboard.press('Escape');
  await form.waitFor({ state: 'detached' });
  await expect.poll(() => opener.evaluate((element) => element === document.activeElement), poll).toBe(true);

  await opener.click();
  await page.getByTestId('sessions-save').click();
  const topicError = page.getByTestId('sessions-error-topic');
  await expect.poll(() => topicError.textContent(), poll).not.toBe('');
  await page.getByTestId('sessions-topic').fill('Markedsplan (e2e)');
  await expect.poll(() => topicError.textContent(), poll).toBe('');
  await page.getByTestId('sessions-save').click();
  const notice = page.getByTestId('sessions-notice');
  await expect.poll(() => notice.textContent(), poll).not.toBe('');
  // Beside the action: the message and the button that logs the next session are on screen together.
  await expect.poll(() => notice.isVisible(), poll).toBe(true);
  const [noticeBox, openerBox] = [await notice.boundingBox(), await opener.boundingBox()];
  expect(Math.abs((noticeBox?.y ?? 0) - (openerBox?.y ?? 0))).toBeLessThan(200);
  expect(await scrollsSideways(page)).toBe(false);

  // "Fra nettsiden": newest first.
  await page.goto(`${stack.consoleUrl}/website-requests`);
  await page.getByTestId('website-requests-range').waitFor(poll);
  const received = await page
    .locator('time.received')
    .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
  expect(received.length).toBeGreaterThan(1);
  expect(received).toEqual([...received].sort().reverse());
  await page.close();
}

/** A visitor to the public website narrows the course calendar by region, kind and month. */
export async function publicCalendarWorkflow(browser: Browser, stack: WorkflowStack, width: number): Promise<void> {
  const page = await newPage(browser, width);
  await page.goto(`${stack.consoleUrl}/public/courses`);
  const list = page.getByTestId('public-courses-list');
  const cards = list.locator('li.card');
  await expect.poll(() => cards.count(), poll).toBeGreaterThan(0);
  await page.getByTestId('public-courses-region').selectOption({ label: 'Follo' });
  await expect.poll(() => page.url(), poll).toMatch(/region=follo/);
  await expect
    .poll(async () => (await cards.allTextContents()).every((text) => text.includes('Follo')), poll)
    .toBe(true);
  await page.getByTestId('public-courses-kind').selectOption('BASIC');
  await expect.poll(() => page.url(), poll).toMatch(/kind=BASIC/);
  // The month after this one: every course listed starts in it, or the calendar says there are none.
  const month = page.getByTestId('public-courses-month');
  const chosen = (await month.locator('option').nth(2).getAttribute('value')) ?? '';
  await month.selectOption(chosen);
  await expect.poll(() => new URL(page.url()).searchParams.get('from'), poll).toBe(`${chosen}-01`);
  const startsInMonth = async () => {
    if (await page.getByTestId('public-courses-empty').isVisible()) return true;
    const starts = await cards
      .locator('time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
    return starts.length > 0 && starts.every((start) => start?.startsWith(chosen));
  };
  await expect.poll(startsInMonth, poll).toBe(true);
  expect(await scrollsSideways(page)).toBe(false);
  await page.close();
}

/**
 * Innovasjon Norge's day: the referral inbox narrows to a status and a direction, each card saying both, and the
 * list says how many there are in all.
 */
export async function partnerWorkflow(browser: Browser, stack: WorkflowStack, width: number): Promise<void> {
  const page = await newPage(browser, width);
  await signInToConsole(page, stack.consoleUrl, 'Sofie Lie', '/referrals');
  const range = page.getByTestId('referrals-range');
  await range.waitFor(poll);
  await page.getByTestId('referrals-filter-status').selectOption({ label: 'Fullført' });
  await page.getByTestId('referrals-filter-direction').selectOption({ label: 'Til Innovasjon Norge' });
  const cards = page.locator('li[data-status]');
  const shown = async () => {
    if (await page.getByTestId('referrals-empty').isVisible()) return 'empty';
    const statuses = await cards.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')));
    const texts = await cards.allTextContents();
    return statuses.length > 0 &&
      statuses.every((status) => status === 'COMPLETED') &&
      texts.every((text) => text.includes('Til Innovasjon Norge'))
      ? 'filtered'
      : `${statuses.join()} ${texts.join(' | ')}`;
  };
  await expect.poll(shown, poll).toBe('filtered');
  expect(await scrollsSideways(page)).toBe(false);
  await page.close();
}
