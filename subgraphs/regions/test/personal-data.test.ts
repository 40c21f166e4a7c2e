// A person's data in the regions subgraph: exported whole to those who may see the client,
// erased on request or when retention ends without a trace of the person in any table, and
// without changing one key figure.
import {
  defaultAudience,
  defaultIssuer,
  dropDatabase,
  generateServiceKeys,
  openSubgraphDatabase,
  organisationNumberCheckDigit,
  queryRows,
  retentionActor,
  retentionCutoff,
  startSubgraph,
  todayInNorway,
} from '@etablerer/kit';
import { generateDevKeys } from '@etablerer/kit/demo';
import {
  columnsContaining,
  createTestSubgraph,
  type TestSubgraph,
  testServerUrl,
  uniqueDatabaseName,
} from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { eraseClients, erasePastRetention } from '../src/personal-data.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
});
afterAll(() => subgraph?.close());

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const code = (result: Result) => result.errors?.[0]?.extensions?.code;
const databaseName = () => subgraph.orm.config.get('dbName') as string;

async function run<Data>(query: string, variables: Record<string, unknown>, as: string | null = 'follo.adviser') {
  const result = await subgraph.execute<Data>(query, variables, { as });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as Data;
}

let serial = 0;
async function register(name: string, input: Record<string, unknown> = {}) {
  const data = await run<{ registerClient: { id: string } }>(
    `mutation R($input: RegisterClientInput!) { registerClient(input: $input) { id } }`,
    {
      input: {
        regionId: 'follo',
        municipalityNumber: '3021',
        name,
        immigrantBackground: 'YES',
        confirmedNotDuplicate: true,
        ...input,
      },
    },
  );
  return data.registerClient.id;
}

const logSession = (clientId: string, date: string, topic = 'Budsjett') =>
  run(`mutation S($input: LogCounsellingSessionInput!) { logCounsellingSession(input: $input) { id } }`, {
    input: { clientId, date, durationMinutes: 60, form: 'MEETING', topic },
  });
const followUp = (clientId: string, date: string, note: string) =>
  run(`mutation F($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`, {
    input: { clientId, date, note },
  });
const merge = (keepId: string, duplicateId: string) =>
  run(
    `mutation M($keepId: ID!, $duplicateId: ID!) { mergeClients(keepId: $keepId, duplicateId: $duplicateId) { id } }`,
    {
      keepId,
      duplicateId,
    },
  );

/** An organisation number no demo business has: a valid check digit after a prefix the demo never uses. */
function organisationNumber(): string {
  for (;;) {
    const firstEight = `3${String(1_000_000 + ++serial * 7919).slice(-7)}`;
    const check = organisationNumberCheckDigit(firstEight);
    if (check !== null) return `${firstEight}${check}`;
  }
}

/** Every figure the overview and the regions' pages show, for every region and year of the demo and now. */
async function keyFigures() {
  const years = [2022, 2023, 2024, 2025, 2026];
  const figures: Record<number, unknown> = {};
  for (const year of years) {
    figures[year] = await run(
      `query K($year: Int!) { regions { id clientCount(year: $year) { value suppressed }
         statistics(year: $year) { newClients clientsWithImmigrantBackground immigrantBackgroundShare clientsCounselled
           counsellingHours hoursBeyondFreeLimit coursesHeld courseParticipants businessesStarted surveyResponses
           averageSurveyScore clientsWithGrowthPotential businessesWithFirstEmployee businessesStartedYearBefore
           stillActiveAfterOneYear suppressed }
         surveyResults(year: $year) { responses averageScore } } }`,
      { year },
      'county.officer',
    );
  }
  return figures;
}

const exportQuery = `query E($id: ID!) { clientDataExport(clientId: $id) { exportedAt exportedBy client { id erasedAt } heldByRegions } }`;
const erase = `mutation X($id: ID!, $reason: ErasureReason!) { eraseClient(id: $id, reason: $reason) { id name email phone birthYear gender businessIdea erasedAt immigrantBackground registeredOn } }`;

describe('a person who asks for their data, then for its erasure', () => {
  // Every text about the person carries this marker, so one search finds what is left of them.
  const marker = 'Qzxwvy';
  const person = {
    name: `Ingrid ${marker}`,
    email: `ingrid.${marker.toLowerCase()}@example.no`,
    phone: '+47 412 98 765',
    duplicateEmail: `i.${marker.toLowerCase()}@example.com`,
  };
  let clientId: string;
  let duplicateId: string;

  beforeAll(async () => {
    clientId = await register(person.name, {
      email: person.email,
      phone: person.phone,
      birthYear: 1984,
      gender: 'FEMALE',
      businessIdea: `${marker} bakeri med kafé`,
      industryCode: '10.710',
      surveyConsent: true,
      registeredOn: '2024-02-01',
    });
    duplicateId = await register(`I. ${marker}`, { email: person.duplicateEmail, registeredOn: '2024-03-01' });
    await merge(clientId, duplicateId);
    await logSession(clientId, '2024-02-10', `Budsjett for ${marker} bakeri`);
    await followUp(clientId, '2024-05-01', `Ringte ${person.name}; ${marker} har fått lokale`);
    await run(`mutation L($input: AddClientLinkInput!) { addClientLink(input: $input) { id } }`, {
      input: { clientId, kind: 'MENTOR', name: `Mentor for ${marker}`, since: '2024-03-01' },
    });
    await run(`mutation B($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }`, {
      input: {
        clientId,
        name: `${marker} Bakeri ENK`,
        organisationNumber: organisationNumber(),
        registeredOn: '2024-06-01',
        legalForm: 'ENK',
      },
    });
    await run(`mutation V($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { year } }`, {
      input: {
        clientId,
        occasion: 'AFTER_COUNSELLING',
        score: 5,
        comment: `${marker} var fornøyd`,
        answeredOn: '2024-06-02',
      },
    });
    // The same person writes on the website: matched to the record by the e-mail address.
    await run(
      `mutation A($input: CounsellingRequestInput!) { requestCounselling(input: $input) { reference } }`,
      {
        input: {
          person: { name: person.name, email: person.email, municipalityNumber: '3021', consentToProcessing: true },
          message: `Hei, det er ${marker} igjen`,
        },
      },
      null,
    );
  });

  it('exports everything held about the person, merged records too, to the region and the county', async () => {
    const data = await run<{
      clientDataExport: {
        exportedBy: string;
        client: { id: string };
        heldByRegions: Record<string, Record<string, unknown>[]>;
      };
    }>(exportQuery, { id: clientId });
    const held = data.clientDataExport.heldByRegions;
    expect(data.clientDataExport.client.id).toBe(clientId);
    expect(data.clientDataExport.exportedBy).toMatch(/\(.+\)$/);
    expect(held.clients?.map((client) => client.email).sort()).toEqual([person.duplicateEmail, person.email].sort());
    expect(held.clients?.find((client) => client.id === clientId)).toMatchObject({
      name: person.name,
      phone: person.phone,
      birthYear: 1984,
      gender: 'FEMALE',
      regionName: 'Follo',
      municipalityName: 'Ås',
    });
    expect(held.counsellingSessions?.[0]).toMatchObject({
      topic: `Budsjett for ${marker} bakeri`,
      durationMinutes: 60,
    });
    expect(held.followUps?.[0]?.note).toContain(marker);
    expect(held.links?.[0]?.name).toBe(`Mentor for ${marker}`);
    expect(held.businesses?.[0]?.name).toBe(`${marker} Bakeri ENK`);
    expect(held.milestones?.map((milestone) => milestone.kind)).toEqual(['BUSINESS_REGISTERED']);
    expect(held.surveyResponses?.[0]?.comment).toBe(`${marker} var fornøyd`);
    expect(held.websiteRequests?.[0]).toMatchObject({ message: `Hei, det er ${marker} igjen`, email: person.email });
    expect(held.auditLog?.some((entry) => entry.detail === 'registerClient')).toBe(true);

    // The owners of the client list may export too; nobody outside the region but the county.
    const municipality = await subgraph.execute(exportQuery, { id: clientId }, { as: 'nordrefollo.officer' });
    expect(municipality.errors).toBeUndefined();
    for (const outsider of [
      'drammen.adviser',
      'drammen.officer',
      'nav.officer',
      'innovasjonnorge.officer',
      'coordination.member',
      'partner.api',
    ]) {
      expect(code(await subgraph.execute(exportQuery, { id: clientId }, { as: outsider })), outsider).toBe('FORBIDDEN');
    }

    const log = await run<{ clientAuditLog: { items: { operation: string; detail: string; callerName: string }[] } }>(
      `query Log($id: ID) { clientAuditLog(clientId: $id, first: 200) { items { operation detail callerName } } }`,
      { id: clientId },
      'county.officer',
    );
    expect(log.clientAuditLog.items.filter((entry) => entry.detail === 'personal data exported')).toHaveLength(2);
  });

  // An erasure also asks the partners subgraph to erase its copies, which takes a while on a busy machine.
  it('is refused to other regions, other roles and for a merged record, and then erases without a trace', {
    timeout: 120_000,
  }, async () => {
    for (const outsider of ['drammen.adviser', 'nordrefollo.officer', 'nav.officer', 'coordination.member']) {
      expect(code(await subgraph.execute(erase, { id: clientId, reason: 'REQUEST' }, { as: outsider })), outsider).toBe(
        'FORBIDDEN',
      );
    }
    expect(code(await subgraph.execute(erase, { id: duplicateId, reason: 'REQUEST' }, { as: 'follo.adviser' }))).toBe(
      'CONFLICT',
    );
    const texts = [marker, person.email, person.duplicateEmail, person.phone, '41298765'];
    expect(await columnsContaining(testServerUrl(), databaseName(), texts)).toEqual(
      expect.arrayContaining(['client.name', 'client.email', 'follow_up.note', 'website_request.message']),
    );

    const before = await keyFigures();
    const erased = await run<{ eraseClient: Record<string, unknown> }>(erase, { id: clientId, reason: 'REQUEST' });
    expect(erased.eraseClient).toEqual({
      id: clientId,
      name: '(anonymised)',
      email: null,
      phone: null,
      birthYear: null,
      gender: null,
      businessIdea: null,
      erasedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      // What the key figures count stays.
      immigrantBackground: 'YES',
      registeredOn: '2024-02-01',
    });
    expect(await columnsContaining(testServerUrl(), databaseName(), texts)).toEqual([]);
    expect(await keyFigures()).toEqual(before);

    const log = await run<{ clientAuditLog: { items: { recordId: string; operation: string; detail: string }[] } }>(
      `query Log { clientAuditLog(first: 200) { items { recordId operation detail } } }`,
      {},
      'county.officer',
    );
    const erasures = log.clientAuditLog.items.filter((entry) => entry.operation === 'DELETE');
    expect(erasures.map((entry) => entry.recordId).sort()).toEqual([clientId, duplicateId].sort());
    expect(erasures.every((entry) => entry.detail === 'personal data erased, REQUEST: eraseClient')).toBe(true);
  });

  it('leaves a record nobody can edit, enrol or erase twice', async () => {
    const again = await run<{ eraseClient: { erasedAt: string } }>(erase, { id: clientId, reason: 'REQUEST' });
    expect(again.eraseClient.erasedAt).toEqual(expect.any(String));
    const update = await subgraph.execute(
      `mutation U($id: ID!) { updateClient(id: $id, version: 99, input: { name: "Tilbake" }) { id } }`,
      { id: clientId },
      { as: 'follo.adviser' },
    );
    expect(update.errors?.[0]?.extensions?.code).toBeDefined();
    expect(['CONFLICT']).toContain(update.errors?.[0]?.extensions?.code);
    const session = await subgraph.execute(
      `mutation S($input: LogCounsellingSessionInput!) { logCounsellingSession(input: $input) { id } }`,
      { input: { clientId, date: '2025-01-02', durationMinutes: 30, form: 'PHONE', topic: 'Igjen' } },
      { as: 'follo.adviser' },
    );
    expect(code(session)).toBe('CONFLICT');
    expect(session.errors?.[0]?.message).toMatch(/erased/);
  });
});

describe('an erasure and a write at the same time', () => {
  it('makes the write wait and then refuse it, so no text about the person is added after the erasure', async () => {
    const clientId = await register('Samtidig Skriving');
    const eraser = subgraph.orm.em.fork();
    await eraser.begin();
    await eraser.execute('select id from client where id = ? for update', [clientId]);
    await eraseClients(eraser, [clientId], retentionActor, 'REQUEST', 'test');
    const write = subgraph.execute(
      `mutation S($input: LogCounsellingSessionInput!) { logCounsellingSession(input: $input) { id } }`,
      { input: { clientId, date: '2025-01-02', durationMinutes: 30, form: 'PHONE', topic: 'Samtidig notat' } },
      { as: 'follo.adviser' },
    );
    // Wait (bounded) until the write is blocked on the erasure's lock, then let the erasure commit.
    for (let attempt = 0; attempt < 100; attempt++) {
      const [waiting] = await subgraph.orm.em
        .fork()
        .execute<{ n: number }[]>(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
      if ((waiting?.n ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await eraser.commit();
    expect(code(await write)).toBe('CONFLICT');
    const [sessions] = await subgraph.orm.em
      .fork()
      .execute<{ n: number }[]>('select count(*)::int as n from counselling_session where client_id = ?', [clientId]);
    expect(sessions?.n).toBe(0);
  });
});

describe('retention: three years after the last contact', () => {
  it('counts the cut-off day as kept, and 29 February as 28 February', () => {
    expect(retentionCutoff('2026-01-01')).toBe('2023-01-01');
    expect(retentionCutoff('2028-02-29')).toBe('2025-02-28');
  });

  it('anonymises only persons whose last contact is before the cut-off, keeps the key figures, and is idempotent', async () => {
    const today = '2026-01-01'; // cut-off 2023-01-01
    const pastRetention = await register('Gammel Kontakt', { registeredOn: '2022-12-31', email: 'gammel@example.no' });
    const itsDuplicate = await register('G. Kontakt', { registeredOn: '2022-06-01' });
    await merge(pastRetention, itsDuplicate);
    const onTheCutOff = await register('Kontakt Paa Grensen', { registeredOn: '2023-01-01' });
    const counselledLater = await register('Veiledet Senere', { registeredOn: '2022-03-01' });
    await logSession(counselledLater, '2023-02-01');
    const followedUpLater = await register('Fulgt Opp Senere', { registeredOn: '2022-03-01' });
    await followUp(followedUpLater, '2023-06-01', 'Status');

    const before = await keyFigures();
    const dryRun = await erasePastRetention(subgraph.orm.em.fork(), { today, dryRun: true });
    expect(dryRun).toMatchObject({ cutoff: '2023-01-01', dryRun: true });
    expect(dryRun.clients).toBeGreaterThan(1);
    const erasedBefore = await subgraph.orm.em
      .fork()
      .execute<{ n: number }[]>('select count(*)::int as n from client where erased_at is not null');

    const first = await subgraph.orm.em.fork().transactional((em) => erasePastRetention(em, { today }));
    expect(first).toEqual({ cutoff: '2023-01-01', dryRun: false, clients: dryRun.clients });
    const erasedOn = async (id: string) =>
      (
        await subgraph.orm.em
          .fork()
          .execute<{ erased: boolean }[]>('select erased_at is not null as erased from client where id = ?', [id])
      )[0]?.erased;
    expect(await erasedOn(pastRetention)).toBe(true);
    expect(await erasedOn(itsDuplicate)).toBe(true);
    expect(await erasedOn(onTheCutOff)).toBe(false);
    expect(await erasedOn(counselledLater)).toBe(false);
    expect(await erasedOn(followedUpLater)).toBe(false);
    // Every client left has a contact on or after the cut-off: registration, or later work.
    const kept = await subgraph.orm.em.fork().execute<{ n: number }[]>(
      `select count(*)::int as n from client c where c.erased_at is null and c.registered_on < '2023-01-01'
         and not exists (select 1 from counselling_session s where s.client_id = c.id and s.date >= '2023-01-01')
         and not exists (select 1 from follow_up f where f.client_id = c.id and f.date >= '2023-01-01')
         and not exists (select 1 from survey_response v where v.client_id = c.id and v.answered_on >= '2023-01-01')
         and not exists (select 1 from enrolment e join course k on k.id = e.course_id where e.client_id = c.id
                           and (k.ends_on >= '2023-01-01' or e.enrolled_at >= '2023-01-01'))
         and not exists (select 1 from website_request w where w.client_id = c.id and w.received_at >= '2023-01-01')
         and not exists (select 1 from client d where d.merged_into_id = c.id and d.registered_on >= '2023-01-01')`,
    );
    expect(kept[0]?.n).toBe(0);
    const erasedAfter = await subgraph.orm.em
      .fork()
      .execute<{ n: number }[]>('select count(*)::int as n from client where erased_at is not null');
    expect((erasedAfter[0]?.n ?? 0) - (erasedBefore[0]?.n ?? 0)).toBeGreaterThanOrEqual(first.clients);
    expect(await columnsContaining(testServerUrl(), databaseName(), ['gammel@example.no', 'Gammel Kontakt'])).toEqual(
      [],
    );
    expect(await keyFigures()).toEqual(before);

    const second = await subgraph.orm.em.fork().transactional((em) => erasePastRetention(em, { today }));
    expect(second.clients).toBe(0);

    const [audit] = await subgraph.orm.em.fork().execute<{ n: number; actor: string }[]>(
      `select count(*)::int as n, min(caller_name) as actor from audit_entry
        where operation = 'DELETE' and detail = 'personal data erased, RETENTION: last contact before 2023-01-01'`,
    );
    expect(audit?.n).toBe((erasedAfter[0]?.n ?? 0) - (erasedBefore[0]?.n ?? 0));
    expect(audit?.actor).toMatch(/^Retention task/);
  });

  it('is a county officer’s mutation, and a dry run changes nothing', async () => {
    const mutation = `mutation R($dryRun: Boolean!) { eraseClientsPastRetention(dryRun: $dryRun) { cutoff dryRun clients } }`;
    expect(code(await subgraph.execute(mutation, { dryRun: true }, { as: 'follo.adviser' }))).toBe('FORBIDDEN');
    expect(code(await subgraph.execute(mutation, { dryRun: true }, { as: 'coordination.member' }))).toBe('FORBIDDEN');
    const counted = await run<{ eraseClientsPastRetention: { cutoff: string; dryRun: boolean; clients: number } }>(
      mutation,
      { dryRun: true },
      'county.officer',
    );
    expect(counted.eraseClientsPastRetention.dryRun).toBe(true);
    expect(counted.eraseClientsPastRetention.cutoff).toBe(
      retentionCutoff(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date())),
    );
    const done = await run<{ eraseClientsPastRetention: { clients: number } }>(
      mutation,
      { dryRun: false },
      'county.officer',
    );
    expect(done.eraseClientsPastRetention.clients).toBe(counted.eraseClientsPastRetention.clients);
    const again = await run<{ eraseClientsPastRetention: { clients: number } }>(
      mutation,
      { dryRun: false },
      'county.officer',
    );
    expect(again.eraseClientsPastRetention.clients).toBe(0);
  });
});

describe('the retention task, on its schedule in the running subgraph', () => {
  it('erases the persons past retention without anyone running it, once, with two instances on one database', async () => {
    const database = uniqueDatabaseName('regions');
    const keys = await generateDevKeys();
    const serviceKeys = await generateServiceKeys();
    const options = {
      server: testServerUrl(),
      database,
      port: 0,
      host: '127.0.0.1',
      auth: { issuer: defaultIssuer, audience: defaultAudience, publicKey: keys.publicKey },
      serviceKeys: serviceKeys.jwks.keys,
      servicePrivateKey: serviceKeys.privateKeys.regions,
      retentionSchedule: '* * * * * *', // every second, for the test; nightly in production
    };
    const instances = await Promise.all([
      startSubgraph(regionsSubgraph, options),
      startSubgraph(regionsSubgraph, options),
    ]);
    const rows = <Row>(sql: string) => queryRows<Row>(testServerUrl(), database, sql);
    const cutoff = retentionCutoff(todayInNorway());
    const orm = await openSubgraphDatabase(regionsSubgraph, testServerUrl(), database);
    const stillHeld = async () => (await erasePastRetention(orm.em.fork(), { dryRun: true })).clients;
    try {
      // As long as the erasure takes on this machine: the test's own timeout bounds the wait.
      while ((await stillHeld()) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      const [erased] = await rows<{ n: number }>('select count(*)::int as n from client where erased_at is not null');
      expect(erased?.n).toBeGreaterThan(0);
      expect(await stillHeld()).toBe(0);
      // Each person erased once, by the task, however many instances run it.
      const [audited] = await rows<{ n: number; actors: string[] }>(
        `select count(*)::int as n, array_agg(distinct caller_name) as actors from audit_entry
          where detail = 'personal data erased, RETENTION: last contact before ${cutoff}'`,
      );
      expect(audited).toEqual({ n: erased?.n, actors: [retentionActor.name] });
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
      await orm.close();
      await dropDatabase(testServerUrl(), database);
    }
  }, 180_000);
});
