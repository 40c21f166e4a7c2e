// Impact records (issue 22): advisers record jobs, capital and revenue of a client's business;
// the client confirms them (in person, on a form, or through a one-time link by e-mail); only
// confirmed figures count in the key figures, suppressed below 5 clients, per region and county.
// Also the counselling session's preparation time, funding source and paged list.
import { publicWebsiteActor } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { eraseClients } from '../src/personal-data.js';
import { regionsSubgraph } from '../src/server.js';

const site = 'https://etablerer.example.no';
let subgraph: TestSubgraph<Context>;
const siteBefore = process.env.PUBLIC_SITE_URL;
beforeAll(async () => {
  process.env.PUBLIC_SITE_URL = site;
  subgraph = await createTestSubgraph(regionsSubgraph);
});
afterAll(async () => {
  if (siteBefore === undefined) delete process.env.PUBLIC_SITE_URL;
  else process.env.PUBLIC_SITE_URL = siteBefore;
  await subgraph?.close();
});

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const code = (result: Result) => result.errors?.[0]?.extensions?.code;
const field = (result: Result) => result.errors?.[0]?.extensions?.field;
const adviser = { as: 'follo.adviser' };
const anonymous = { as: null };

async function ok<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  options: { as?: string | null } = adviser,
): Promise<Data> {
  const result = await subgraph.execute<Data>(query, variables, options);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as Data;
}

let serial = 0;
async function newClient(overrides: Record<string, unknown> = {}, as = 'follo.adviser') {
  serial++;
  const data = await ok<{ registerClient: { id: string } }>(
    `mutation R($input: RegisterClientInput!) { registerClient(input: $input) { id } }`,
    {
      input: {
        regionId: as === 'follo.adviser' ? 'follo' : 'drammensregionen',
        municipalityNumber: as === 'follo.adviser' ? '3020' : '3005',
        name: `Effektklient Nummer${serial}`,
        birthYear: 1970 + serial,
        immigrantBackground: 'NO',
        surveyConsent: false,
        confirmedNotDuplicate: true,
        ...overrides,
      },
    },
    { as },
  );
  return data.registerClient.id;
}

const recordImpact = `mutation R($input: RecordImpactInput!) {
  recordImpact(input: $input) { id kind recordedFor fte amount capitalSource note confirmedAt confirmedVia version adviser { region { id } } }
}`;
const correct = `mutation C($id: ID!, $version: Int!, $input: CorrectImpactInput!) {
  correctImpact(id: $id, version: $version, input: $input) { id fte amount recordedFor note version }
}`;
const confirmByAdviser = `mutation K($id: ID!, $via: ImpactConfirmationMethod!) {
  recordImpactConfirmation(id: $id, via: $via) { id confirmedAt confirmedVia }
}`;
const requestConfirmation = `mutation Q($id: ID!) { requestImpactConfirmation(id: $id) { id confirmationRequestedAt } }`;
const confirmImpact = `mutation P($token: String!) { confirmImpact(token: $token) }`;
const deleteImpact = `mutation D($id: ID!) { deleteImpact(id: $id) }`;
const linkQuery = `query L($token: String!) { publicLink(token: $token) { kind title valid } }`;

interface Recorded {
  id: string;
  version: number;
}
async function record(input: Record<string, unknown>, as = 'follo.adviser'): Promise<Recorded> {
  return (await ok<{ recordImpact: Recorded }>(recordImpact, { input }, { as })).recordImpact;
}

/** The token of the impact confirmation link in the last e-mail to the address. */
async function tokenSentTo(email: string): Promise<string> {
  const [mail] = await subgraph.orm.em
    .fork()
    .execute<{ text_body: string }[]>(
      `select text_body from outbox_message where recipient_email = ? order by created_at desc, id desc limit 1`,
      [email],
    );
  const match = mail?.text_body.match(/\/public\/impact\/([A-Za-z0-9_-]{43})/);
  if (!match?.[1]) throw new Error(`no impact link in ${mail?.text_body}`);
  return match[1];
}

describe('recording impact', () => {
  it('records each kind with its own fields, by the adviser, unconfirmed', async () => {
    const clientId = await newClient();
    const jobs = await ok(recordImpact, {
      input: { clientId, kind: 'JOBS_CREATED', recordedFor: '2026-03-01', fte: 2.5, note: 'To deltidsansatte' },
    });
    expect(jobs).toEqual({
      recordImpact: {
        id: expect.any(String),
        kind: 'JOBS_CREATED',
        recordedFor: '2026-03-01',
        fte: 2.5,
        amount: null,
        capitalSource: null,
        note: 'To deltidsansatte',
        confirmedAt: null,
        confirmedVia: null,
        version: 1,
        adviser: { region: { id: 'follo' } },
      },
    });
    await record({
      clientId,
      kind: 'CAPITAL_RAISED',
      recordedFor: '2026-04-01',
      amount: '1500000.00',
      capitalSource: 'LOAN',
    });
    await record({ clientId, kind: 'REVENUE', recordedFor: '2026-05-01', amount: '812345.50' });
    const { client } = await ok<{ client: { impactRecords: unknown[] } }>(
      `query C($id: ID!) { client(id: $id) { impactRecords { kind recordedFor fte amount capitalSource } } }`,
      { id: clientId },
    );
    expect(client.impactRecords).toEqual([
      { kind: 'REVENUE', recordedFor: '2026-05-01', fte: null, amount: '812345.50', capitalSource: null },
      { kind: 'CAPITAL_RAISED', recordedFor: '2026-04-01', fte: null, amount: '1500000.00', capitalSource: 'LOAN' },
      { kind: 'JOBS_CREATED', recordedFor: '2026-03-01', fte: 2.5, amount: null, capitalSource: null },
    ]);
  });

  it('refuses fields of another kind, missing fields and bad values, naming the field', async () => {
    const clientId = await newClient();
    const attempt = (input: Record<string, unknown>) =>
      subgraph.execute(recordImpact, { input: { clientId, recordedFor: '2026-03-01', ...input } }, adviser);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'JOBS_CREATED' }, 'input.fte'],
      [{ kind: 'JOBS_RETAINED', fte: 1, amount: '100.00' }, 'input.amount'],
      [{ kind: 'CAPITAL_RAISED', amount: '100.00' }, 'input.capitalSource'],
      [{ kind: 'REVENUE', amount: '100.00', capitalSource: 'GRANT' }, 'input.capitalSource'],
      [{ kind: 'JOBS_CREATED', fte: 2.55 }, 'input.fte'],
      [{ kind: 'JOBS_CREATED', fte: 0 }, 'input.fte'],
      [{ kind: 'REVENUE', amount: '0.00' }, 'input.amount'],
      [{ kind: 'REVENUE', amount: '100.00', recordedFor: '2999-01-01' }, 'input.recordedFor'],
    ];
    for (const [input, name] of cases) {
      const result = await attempt(input);
      expect([code(result), field(result)], JSON.stringify(input)).toEqual(['BAD_USER_INPUT', name]);
    }
  });

  it("is the client's region's advisers' alone", async () => {
    const clientId = await newClient();
    const input = { clientId, kind: 'JOBS_CREATED', recordedFor: '2026-03-01', fte: 1 };
    expect(code(await subgraph.execute(recordImpact, { input }, { as: 'drammen.adviser' }))).toBe('FORBIDDEN');
    expect(code(await subgraph.execute(recordImpact, { input }, { as: 'county.officer' }))).toBe('FORBIDDEN');
    const { id, version } = await record(input);
    expect(code(await subgraph.execute(correct, { id, version, input: { fte: 2 } }, { as: 'drammen.adviser' }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await subgraph.execute(deleteImpact, { id }, { as: 'drammen.adviser' }))).toBe('FORBIDDEN');
    expect(code(await subgraph.execute(confirmByAdviser, { id, via: 'IN_PERSON' }, { as: 'drammen.adviser' }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await subgraph.execute(requestConfirmation, { id }, { as: 'drammen.adviser' }))).toBe('FORBIDDEN');
  });

  it('is refused by the database when a kind has fields not its own', async () => {
    const clientId = await newClient();
    const { id } = await record({ clientId, kind: 'JOBS_CREATED', recordedFor: '2026-03-01', fte: 1 });
    await expect(
      subgraph.orm.em.fork().execute(`update impact_record set amount_ore = 100 where id = ?`, [id]),
    ).rejects.toThrow(/impact_record_fields_of_kind/);
  });
});

describe('correcting, deleting and confirming', () => {
  it('corrects and deletes while unconfirmed, and neither once the client confirmed', async () => {
    const clientId = await newClient();
    const first = await record({ clientId, kind: 'JOBS_RETAINED', recordedFor: '2026-02-01', fte: 3 });
    const corrected = await ok<{ correctImpact: Recorded }>(correct, {
      id: first.id,
      version: first.version,
      input: { fte: 3.5, note: 'Rettet' },
    });
    expect(corrected.correctImpact).toEqual({
      id: first.id,
      fte: 3.5,
      amount: null,
      recordedFor: '2026-02-01',
      note: 'Rettet',
      version: 2,
    });
    // An edit based on what another adviser has since changed.
    expect(code(await subgraph.execute(correct, { id: first.id, version: 1, input: { fte: 4 } }, adviser))).toBe(
      'CONFLICT',
    );
    expect(code(await subgraph.execute(confirmByAdviser, { id: first.id, via: 'CLIENT_LINK' }, adviser))).toBe(
      'BAD_USER_INPUT',
    );
    const confirmed = await ok<{ recordImpactConfirmation: { confirmedVia: string; confirmedAt: string } }>(
      confirmByAdviser,
      { id: first.id, via: 'SIGNED_FORM' },
    );
    expect(confirmed.recordImpactConfirmation).toMatchObject({
      confirmedVia: 'SIGNED_FORM',
      confirmedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(code(await subgraph.execute(correct, { id: first.id, version: 2, input: { fte: 4 } }, adviser))).toBe(
      'CONFLICT',
    );
    expect(code(await subgraph.execute(deleteImpact, { id: first.id }, adviser))).toBe('CONFLICT');
    expect(code(await subgraph.execute(confirmByAdviser, { id: first.id, via: 'IN_PERSON' }, adviser))).toBe(
      'CONFLICT',
    );

    const second = await record({ clientId, kind: 'REVENUE', recordedFor: '2026-02-01', amount: '10.00' });
    expect(await ok(deleteImpact, { id: second.id })).toEqual({ deleteImpact: true });
    const { client } = await ok<{ client: { impactRecords: { id: string }[] } }>(
      `query C($id: ID!) { client(id: $id) { impactRecords { id } } }`,
      { id: clientId },
    );
    expect(client.impactRecords.map((r) => r.id)).toEqual([first.id]);
  });

  it('e-mails the client a one-time link, and the client confirms the figure on the public page', async () => {
    const email = `effekt.${Date.now()}@example.no`;
    const clientId = await newClient({ email });
    const { id } = await record({
      clientId,
      kind: 'CAPITAL_RAISED',
      recordedFor: '2026-06-15',
      amount: '250000.00',
      capitalSource: 'GRANT',
    });
    const requested = await ok<{ requestImpactConfirmation: { confirmationRequestedAt: string } }>(
      requestConfirmation,
      { id },
    );
    expect(requested.requestImpactConfirmation.confirmationRequestedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const token = await tokenSentTo(email);
    expect(await ok(linkQuery, { token }, anonymous)).toEqual({
      publicLink: {
        kind: 'IMPACT_CONFIRMATION',
        title: 'Kapital hentet: NOK 250000.00 (tilskudd) per 15. juni 2026',
        valid: true,
      },
    });
    expect(await ok(confirmImpact, { token }, anonymous)).toEqual({ confirmImpact: true });
    const { client } = await ok<{ client: { impactRecords: { confirmedVia: string }[] } }>(
      `query C($id: ID!) { client(id: $id) { impactRecords { confirmedVia } } }`,
      { id: clientId },
    );
    expect(client.impactRecords).toEqual([{ confirmedVia: 'CLIENT_LINK' }]);
    // Once only.
    expect(code(await subgraph.execute(confirmImpact, { token }, anonymous))).toBe('BAD_USER_INPUT');
    expect(code(await subgraph.execute(confirmImpact, { token: 'A'.repeat(43) }, anonymous))).toBe('NOT_FOUND');
  });

  it('stops a link when the figure is corrected after the e-mail, and needs an e-mail address', async () => {
    const email = `rettet.${Date.now()}@example.no`;
    const clientId = await newClient({ email });
    const { id, version } = await record({ clientId, kind: 'JOBS_CREATED', recordedFor: '2026-06-15', fte: 1 });
    await ok(requestConfirmation, { id });
    const token = await tokenSentTo(email);
    await ok(correct, { id, version, input: { fte: 1.5 } });
    expect(code(await subgraph.execute(confirmImpact, { token }, anonymous))).toBe('BAD_USER_INPUT');

    const withoutEmail = await newClient();
    const other = await record({ clientId: withoutEmail, kind: 'JOBS_CREATED', recordedFor: '2026-06-15', fte: 1 });
    expect(code(await subgraph.execute(requestConfirmation, { id: other.id }, adviser))).toBe('BAD_USER_INPUT');
  });

  it("keeps the figures when the client's personal data is erased, and clears the note", async () => {
    const clientId = await newClient();
    await record({ clientId, kind: 'JOBS_CREATED', recordedFor: '2026-01-10', fte: 1, note: 'Ola Nordmann ansatt' });
    const em = subgraph.orm.em.fork();
    await em.transactional((tx) => eraseClients(tx, [clientId], publicWebsiteActor, 'REQUEST', 'test'));
    const rows = await em.execute(`select kind, fte::float as fte, note from impact_record where client_id = ?`, [
      clientId,
    ]);
    expect(rows).toEqual([{ kind: 'JOBS_CREATED', fte: 1, note: null }]);
  });
});

describe('counselling sessions', () => {
  const logSession = `mutation L($input: LogCounsellingSessionInput!) {
    logCounsellingSession(input: $input) { id version preparationMinutes fundingSource }
  }`;

  it('records preparation time and the funding source, the basic service and none by default', async () => {
    const clientId = await newClient();
    const base = { clientId, date: '2026-02-01', durationMinutes: 60, form: 'MEETING', topic: 'Plan' };
    const plain = await ok<{ logCounsellingSession: { id: string; version: number } }>(logSession, { input: base });
    expect(plain.logCounsellingSession).toMatchObject({ preparationMinutes: 0, fundingSource: 'BASIC_SERVICE' });
    const full = await ok(logSession, {
      input: { ...base, preparationMinutes: 45, fundingSource: 'SUPPLEMENTARY_SERVICE' },
    });
    expect(full.logCounsellingSession).toMatchObject({
      preparationMinutes: 45,
      fundingSource: 'SUPPLEMENTARY_SERVICE',
    });
    const bad = await subgraph.execute(logSession, { input: { ...base, preparationMinutes: 20 } }, adviser);
    expect([code(bad), field(bad)]).toEqual(['BAD_USER_INPUT', 'input.preparationMinutes']);
    const updated = await ok(
      `mutation U($id: ID!, $version: Int!, $input: UpdateCounsellingSessionInput!) {
        updateCounsellingSession(id: $id, version: $version, input: $input) { preparationMinutes fundingSource }
      }`,
      {
        id: plain.logCounsellingSession.id,
        version: plain.logCounsellingSession.version,
        input: { preparationMinutes: 30, fundingSource: 'PROJECT_OR_OTHER' },
      },
    );
    expect(updated).toEqual({
      updateCounsellingSession: { preparationMinutes: 30, fundingSource: 'PROJECT_OR_OTHER' },
    });
  });

  it('pages a client’s sessions newest first', async () => {
    const clientId = await newClient();
    for (const day of ['01', '02', '03', '04', '05']) {
      await ok(logSession, {
        input: { clientId, date: `2026-03-${day}`, durationMinutes: 15, form: 'PHONE', topic: `Samtale ${day}` },
      });
    }
    const pageQuery = `query P($id: ID!, $first: Int!, $offset: Int!) {
      client(id: $id) { counsellingSessionPage(first: $first, offset: $offset) { items { date } totalCount hasNextPage } }
    }`;
    expect(await ok(pageQuery, { id: clientId, first: 2, offset: 0 })).toEqual({
      client: {
        counsellingSessionPage: {
          items: [{ date: '2026-03-05' }, { date: '2026-03-04' }],
          totalCount: 5,
          hasNextPage: true,
        },
      },
    });
    expect(await ok(pageQuery, { id: clientId, first: 2, offset: 4 })).toEqual({
      client: { counsellingSessionPage: { items: [{ date: '2026-03-01' }], totalCount: 5, hasNextPage: false } },
    });
    // Two clients' pages in one request (batched into one statement) each get their own sessions.
    const other = await newClient();
    await ok(logSession, {
      input: { clientId: other, date: '2026-04-01', durationMinutes: 15, form: 'PHONE', topic: 'Annen klient' },
    });
    const both = await ok(
      `query B($a: ID!, $b: ID!) {
        a: client(id: $a) { counsellingSessionPage(first: 2) { items { date } totalCount } }
        b: client(id: $b) { counsellingSessionPage(first: 2) { items { date } totalCount } }
      }`,
      { a: clientId, b: other },
    );
    expect(both).toEqual({
      a: { counsellingSessionPage: { items: [{ date: '2026-03-05' }, { date: '2026-03-04' }], totalCount: 5 } },
      b: { counsellingSessionPage: { items: [{ date: '2026-04-01' }], totalCount: 1 } },
    });
    const tooMany = await subgraph.execute(pageQuery, { id: clientId, first: 500, offset: 0 }, adviser);
    expect(code(tooMany)).toBe('BAD_USER_INPUT');
  });
});

describe('impact in the key figures', () => {
  const figures = `query S($year: Int!) { region(id: "follo") { statistics(year: $year) {
    clientsWithImpact jobsCreated jobsRetained capitalRaised capitalRaisedBySource { source amount } revenueReported suppressed
  } } }`;
  const county = `query C($year: Int!, $countyId: ID) { countyStatistics(year: $year, countyId: $countyId) {
    clientsWithImpact jobsCreated capitalRaised revenueReported newClients suppressed
  } }`;
  type Figures = {
    clientsWithImpact: number | null;
    jobsCreated: number | null;
    capitalRaised: string | null;
    capitalRaisedBySource: { source: string; amount: string | null }[];
    revenueReported: string | null;
    suppressed: string[];
  };
  const statisticsOf = async (year: number) =>
    (await ok<{ region: { statistics: Figures } }>(figures, { year }, { as: 'county.officer' })).region.statistics;

  /** A client of Follo with confirmed (or not) records true on a day of the year. */
  async function clientWith(year: number, records: Record<string, unknown>[], confirm = true, as = 'follo.adviser') {
    const clientId = await newClient({}, as);
    for (const input of records) {
      const { id } = await record({ clientId, recordedFor: `${year}-06-01`, ...input }, as);
      if (confirm) await ok(confirmByAdviser, { id, via: 'IN_PERSON' }, { as });
    }
  }

  it('sums confirmed records dated in the year over 5 clients or more, and hides what fewer would give away', async () => {
    const year = 2021;
    const loan = { kind: 'CAPITAL_RAISED', amount: '100000.00', capitalSource: 'LOAN' };
    const grant = { kind: 'CAPITAL_RAISED', amount: '20000.00', capitalSource: 'GRANT' };
    const jobs = { kind: 'JOBS_CREATED', fte: 1.5 };
    // No confirmed impact at all names no one: 0, and nothing added to what is suppressed.
    const none = await statisticsOf(2019);
    expect(none).toMatchObject({ clientsWithImpact: 0, jobsCreated: 0, capitalRaised: '0.00' });
    expect(none.suppressed.filter((name) => /impact|jobs|capital|revenue/i.test(name))).toEqual([]);
    // Four clients: too few, everything hidden.
    for (let n = 0; n < 4; n++) await clientWith(year, [loan, jobs]);
    const few = await statisticsOf(year);
    expect(few).toMatchObject({
      clientsWithImpact: null,
      jobsCreated: null,
      capitalRaised: null,
      revenueReported: null,
    });
    expect(few.suppressed).toEqual(expect.arrayContaining(['clientsWithImpact', 'jobsCreated', 'capitalRaised']));
    // Unconfirmed records and records of another year count for nothing.
    await clientWith(year, [loan], false);
    await clientWith(year + 1, [loan]);
    expect((await statisticsOf(year)).clientsWithImpact).toBeNull();
    // A fifth client: loans and jobs of 5 clients are shown; one client's grant is hidden, and with it
    // another source, so the grant cannot be worked out as capitalRaised − the loans.
    await clientWith(year, [loan, jobs, grant]);
    const shown = await statisticsOf(year);
    expect(shown).toMatchObject({
      clientsWithImpact: 5,
      jobsCreated: 7.5,
      capitalRaised: '520000.00',
      // A sum over no one (no revenue recorded) names no one: shown as 0.
      revenueReported: '0.00',
    });
    const bySource = Object.fromEntries(shown.capitalRaisedBySource.map((s) => [s.source, s.amount]));
    expect(bySource.GRANT).toBeNull();
    // The loans are shown only if another source hides beside the grant (EQUITY, OWN_FUNDS are 0 clients).
    const hiddenSources = Object.values(bySource).filter((amount) => amount === null).length;
    expect(hiddenSources).toBeGreaterThanOrEqual(2);
    expect(shown.suppressed).toContain('capitalRaisedBySource.GRANT');
    expect(shown.suppressed).not.toContain('capitalRaised');
  });

  it('adds the county up from the regions’ records, not their suppressed figures', async () => {
    const year = 2020;
    const revenue = { kind: 'REVENUE', amount: '1000.00' };
    // Three clients in Follo and three in Drammen: each region's sum is hidden, both counties' too,
    // but Viken's history (every region) sums six clients and shows them.
    for (let n = 0; n < 3; n++) await clientWith(year, [revenue]);
    for (let n = 0; n < 3; n++) await clientWith(year, [revenue], true, 'drammen.adviser');
    expect((await statisticsOf(year)).revenueReported).toBeNull();
    const all = await ok<{ countyStatistics: { clientsWithImpact: number; revenueReported: string } }>(
      county,
      { year, countyId: 'viken' },
      { as: 'county.officer' },
    );
    expect(all.countyStatistics).toMatchObject({ clientsWithImpact: 6, revenueReported: '6000.00' });
    const akershus = await ok<{ countyStatistics: { clientsWithImpact: number | null } }>(
      county,
      { year },
      { as: 'akershus.officer' },
    );
    expect(akershus.countyStatistics.clientsWithImpact).toBeNull();
    expect(code(await subgraph.execute(county, { year, countyId: 'nowhere' }, { as: 'county.officer' }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
