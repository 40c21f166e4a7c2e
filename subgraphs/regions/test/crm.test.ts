// The advisers' CRM: logging counselling against the free limit, editing with optimistic
// locking, duplicates and merging, businesses and milestones.
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
});
afterAll(() => subgraph?.close());

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const code = (result: Result) => result.errors?.[0]?.extensions?.code;
const field = (result: Result) => result.errors?.[0]?.extensions?.field;

const register = `mutation Register($input: RegisterClientInput!) { registerClient(input: $input) { id version } }`;
let serial = 0;
async function newFolloClient(overrides: Record<string, unknown> = {}) {
  serial++;
  const { data, errors } = await subgraph.execute<{ registerClient: { id: string; version: number } }>(
    register,
    {
      input: {
        regionId: 'follo',
        municipalityNumber: '3020',
        name: `Testklient Nummer${serial}`,
        birthYear: 1980 + serial,
        immigrantBackground: 'NO',
        registeredOn: '2024-01-05',
        ...overrides,
      },
    },
    { as: 'follo.adviser' },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data?.registerClient as { id: string; version: number };
}

const logSession = `mutation Log($input: LogCounsellingSessionInput!) {
  logCounsellingSession(input: $input) { id date durationMinutes hours form topic minutesBeyondFreeLimit version adviser { region { id } } }
}`;

describe('counselling', () => {
  it('records every minute and flags those beyond the free limit (Follo: 5 hours a year)', async () => {
    const client = await newFolloClient();
    const session = (date: string, durationMinutes: number) =>
      subgraph.execute(
        logSession,
        { input: { clientId: client.id, date, durationMinutes, form: 'MEETING', topic: 'Budsjett' } },
        { as: 'follo.adviser' },
      );
    const first = await session('2024-02-01', 240);
    expect(first.errors).toBeUndefined();
    expect(first.data).toEqual({
      logCounsellingSession: {
        id: expect.any(String),
        date: '2024-02-01',
        durationMinutes: 240,
        hours: 4,
        form: 'MEETING',
        topic: 'Budsjett',
        minutesBeyondFreeLimit: 0,
        version: 1,
        adviser: { region: { id: 'follo' } },
      },
    });
    const second = await session('2024-03-01', 120);
    expect(second.data).toMatchObject({ logCounsellingSession: { minutesBeyondFreeLimit: 60 } });
    const nextYear = await session('2025-01-10', 60);
    expect(nextYear.data).toMatchObject({ logCounsellingSession: { minutesBeyondFreeLimit: 0 } });

    const { data } = await subgraph.execute(
      `query Hours($id: ID!) { client(id: $id) { counsellingHours(year: 2024) { year total free beyondFreeLimit freeLimit }
         counsellingSessions { date minutesBeyondFreeLimit } } }`,
      { id: client.id },
      { as: 'follo.adviser' },
    );
    expect(data).toEqual({
      client: {
        counsellingHours: { year: 2024, total: 6, free: 5, beyondFreeLimit: 1, freeLimit: 5 },
        counsellingSessions: [
          { date: '2025-01-10', minutesBeyondFreeLimit: 0 },
          { date: '2024-03-01', minutesBeyondFreeLimit: 60 },
          { date: '2024-02-01', minutesBeyondFreeLimit: 0 },
        ],
      },
    });
  });

  it.each([
    [{ durationMinutes: 20 }, 'input.durationMinutes'],
    [{ durationMinutes: 0 }, 'input.durationMinutes'],
    [{ date: '2999-01-01' }, 'input.date'],
    [{ topic: '' }, 'input.topic'],
  ])('refuses %o with BAD_USER_INPUT naming %s', async (change, name) => {
    const client = await newFolloClient();
    const result = await subgraph.execute(
      logSession,
      {
        input: {
          clientId: client.id,
          date: '2024-02-01',
          durationMinutes: 60,
          form: 'PHONE',
          topic: 'Plan',
          ...change,
        },
      },
      { as: 'follo.adviser' },
    );
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe(name);
  });

  it("is FORBIDDEN for another region's adviser", async () => {
    const client = await newFolloClient();
    const result = await subgraph.execute(
      logSession,
      { input: { clientId: client.id, date: '2024-02-01', durationMinutes: 60, form: 'PHONE', topic: 'Plan' } },
      { as: 'drammen.adviser' },
    );
    expect(code(result)).toBe('FORBIDDEN');
  });
});

describe('editing a client', () => {
  const update = `mutation Update($id: ID!, $version: Int!, $input: UpdateClientInput!) {
    updateClient(id: $id, version: $version, input: $input) { name growthPotential version }
  }`;

  it('saves an edit based on the current version and refuses one based on a stale version with CONFLICT', async () => {
    const client = await newFolloClient();
    const first = await subgraph.execute(
      update,
      { id: client.id, version: 1, input: { growthPotential: 'HIGH' } },
      { as: 'follo.adviser' },
    );
    expect(first.data).toEqual({ updateClient: { name: expect.any(String), growthPotential: 'HIGH', version: 2 } });
    const stale = await subgraph.execute(
      update,
      { id: client.id, version: 1, input: { name: 'Overskrevet' } },
      { as: 'follo.adviser' },
    );
    expect(code(stale)).toBe('CONFLICT');
  });

  it('lets exactly one of two simultaneous edits of the same version win', async () => {
    const client = await newFolloClient();
    const results = await Promise.all(
      ['LOW', 'MEDIUM'].map((growthPotential) =>
        subgraph.execute(update, { id: client.id, version: 1, input: { growthPotential } }, { as: 'follo.adviser' }),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => code(result) === 'CONFLICT')).toHaveLength(1);
  });
});

describe('duplicates', () => {
  it('refuses a likely duplicate with CONFLICT naming it, registers when confirmed, and merges', async () => {
    const original = await newFolloClient({ name: 'Dupli Katsen', birthYear: 1977, email: 'dupli@example.org' });
    const again = await subgraph.execute(
      register,
      {
        input: {
          regionId: 'follo',
          municipalityNumber: '3021',
          name: 'dupli katsen',
          birthYear: 1977,
          immigrantBackground: 'NO',
        },
      },
      { as: 'follo.adviser' },
    );
    expect(code(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.duplicates).toEqual([original.id]);

    const confirmed = await newFolloClient({ name: 'Dupli Katsen', birthYear: 1977, confirmedNotDuplicate: true });
    await subgraph.execute(
      logSession,
      { input: { clientId: confirmed.id, date: '2024-04-01', durationMinutes: 45, form: 'VIDEO', topic: 'Skatt' } },
      { as: 'follo.adviser' },
    );
    const duplicates = await subgraph.execute(
      'query D($id: ID!) { client(id: $id) { possibleDuplicates { id } } }',
      { id: original.id },
      { as: 'follo.adviser' },
    );
    expect(duplicates.data).toEqual({ client: { possibleDuplicates: [{ id: confirmed.id }] } });

    const merged = await subgraph.execute(
      'mutation M($keep: ID!, $duplicate: ID!) { mergeClients(keepId: $keep, duplicateId: $duplicate) { id counsellingSessions { topic } } }',
      { keep: original.id, duplicate: confirmed.id },
      { as: 'follo.adviser' },
    );
    expect(merged.data).toEqual({ mergeClients: { id: original.id, counsellingSessions: [{ topic: 'Skatt' }] } });
    const gone = await subgraph.execute(
      'query C($id: ID!) { client(id: $id) { mergedInto { id } counsellingSessions { id } } }',
      { id: confirmed.id },
      { as: 'follo.adviser' },
    );
    expect(gone.data).toEqual({ client: { mergedInto: { id: original.id }, counsellingSessions: [] } });
  });
});

describe('businesses and milestones', () => {
  const registerBusiness = `mutation B($input: RegisterBusinessInput!) { registerBusiness(input: $input) { name organisationNumber legalForm } }`;

  it('checks the organisation number, records the BUSINESS_REGISTERED milestone, and refuses the same number twice', async () => {
    const client = await newFolloClient();
    const input = {
      clientId: client.id,
      name: 'Testbedrift',
      organisationNumber: '986399446',
      registeredOn: '2024-05-01',
      legalForm: 'ENK',
    };
    const badCheckDigit = await subgraph.execute(registerBusiness, { input }, { as: 'follo.adviser' });
    expect(code(badCheckDigit)).toBe('BAD_USER_INPUT');
    expect(field(badCheckDigit)).toBe('input.organisationNumber');

    const valid = { ...input, organisationNumber: '971526920' };
    expect(
      (await subgraph.execute(registerBusiness, { input: valid }, { as: 'follo.adviser' })).errors,
    ).toBeUndefined();
    const { data } = await subgraph.execute(
      'query M($id: ID!) { client(id: $id) { businesses { organisationNumber } milestones { kind reachedOn } } }',
      { id: client.id },
      { as: 'follo.adviser' },
    );
    expect(data).toEqual({
      client: {
        businesses: [{ organisationNumber: '971526920' }],
        milestones: [{ kind: 'BUSINESS_REGISTERED', reachedOn: '2024-05-01' }],
      },
    });
    expect(code(await subgraph.execute(registerBusiness, { input: valid }, { as: 'follo.adviser' }))).toBe('CONFLICT');
    const twice = await subgraph.execute(
      'mutation R($id: ID!) { recordMilestone(clientId: $id, kind: BUSINESS_REGISTERED, reachedOn: "2024-06-01") { kind } }',
      { id: client.id },
      { as: 'follo.adviser' },
    );
    expect(code(twice)).toBe('CONFLICT');
  });
});

describe('Adviser entity', () => {
  it('resolves Adviser references by id for other subgraphs', async () => {
    const { data: listed } = await subgraph.execute<{ region: { advisers: { id: string; name: string }[] } }>(
      'query A { region(id: "follo") { advisers { id name } } }',
    );
    const adviser = listed?.region.advisers[0];
    const { data, errors } = await subgraph.execute(
      'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Adviser { id name region { id } operator { name } } } }',
      {
        r: [
          { __typename: 'Adviser', id: adviser?.id },
          { __typename: 'Adviser', id: 'nobody' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [
        {
          id: adviser?.id,
          name: adviser?.name,
          region: { id: 'follo' },
          operator: { name: 'Etablerertjenesten i Follo' },
        },
        null,
      ],
    });
  });
});

describe('user surveys', () => {
  const record = `mutation S($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { year responses averageScore } }`;

  it('are recorded only for clients who agreed to surveys', async () => {
    const without = await newFolloClient({ surveyConsent: false });
    const refused = await subgraph.execute(
      record,
      { input: { clientId: without.id, occasion: 'AFTER_COUNSELLING', score: 5, answeredOn: '2024-03-01' } },
      { as: 'follo.adviser' },
    );
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(field(refused)).toBe('input.clientId');

    const consenting = await newFolloClient({ surveyConsent: true });
    const score = await subgraph.execute(
      record,
      { input: { clientId: consenting.id, occasion: 'AFTER_COUNSELLING', score: 7, answeredOn: '2024-03-01' } },
      { as: 'follo.adviser' },
    );
    expect(field(score)).toBe('input.score');
    const accepted = await subgraph.execute(
      record,
      { input: { clientId: consenting.id, occasion: 'AFTER_COUNSELLING', score: 6, answeredOn: '2024-03-01' } },
      { as: 'follo.adviser' },
    );
    expect(accepted.errors).toBeUndefined();
  });

  it('are summed per region and year and suppressed below 5 answers', async () => {
    const { data } = await subgraph.execute<{
      region: {
        surveyResults: { responses: number | null; byOccasion: { occasion: string; responses: number | null }[] };
      };
    }>(
      'query R($year: Int!) { region(id: "follo") { surveyResults(year: $year) { responses byOccasion { occasion responses } } } }',
      {
        year: 2024,
      },
    );
    expect(data?.region.surveyResults.responses).toBeGreaterThanOrEqual(5);
    const empty = await subgraph.execute(
      'query R { region(id: "follo") { surveyResults(year: 2021) { responses averageScore } } }',
    );
    expect(empty.data).toEqual({ region: { surveyResults: { responses: null, averageScore: null } } });
  });

  it('invite consenting clients counselled since a day who have not answered since, only for the region', async () => {
    const client = await newFolloClient({ surveyConsent: true });
    await subgraph.execute(
      logSession,
      { input: { clientId: client.id, date: '2026-01-15', durationMinutes: 30, form: 'PHONE', topic: 'Oppfølging' } },
      { as: 'follo.adviser' },
    );
    const query = 'query I { region(id: "follo") { surveyInvitations(since: "2026-01-01") { id } } }';
    const { data } = await subgraph.execute<{ region: { surveyInvitations: { id: string }[] } }>(
      query,
      {},
      { as: 'follo.adviser' },
    );
    expect(data?.region.surveyInvitations.map((c) => c.id)).toContain(client.id);
    const other = await subgraph.execute(query, {}, { as: 'drammen.adviser' });
    expect(other.data).toEqual({ region: { surveyInvitations: [] } });
  });
});

describe('follow-ups, links and network events', () => {
  it('records a follow-up by the signed-in adviser and a link, shown on the client', async () => {
    const client = await newFolloClient();
    const followUp = await subgraph.execute(
      'mutation F($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { date note adviser { region { id } } } }',
      { input: { clientId: client.id, date: '2024-06-01', note: 'Har fått første kunde.' } },
      { as: 'follo.adviser' },
    );
    expect(followUp.data).toEqual({
      recordFollowUp: { date: '2024-06-01', note: 'Har fått første kunde.', adviser: { region: { id: 'follo' } } },
    });
    await subgraph.execute(
      'mutation L($input: AddClientLinkInput!) { addClientLink(input: $input) { kind } }',
      { input: { clientId: client.id, kind: 'MENTOR', name: 'Mentor fra Ås Næringsråd', since: '2024-06-02' } },
      { as: 'follo.adviser' },
    );
    const { data } = await subgraph.execute(
      'query C($id: ID!) { client(id: $id) { followUps { note } links { kind name } } }',
      { id: client.id },
      { as: 'follo.adviser' },
    );
    expect(data).toEqual({
      client: {
        followUps: [{ note: 'Har fått første kunde.' }],
        links: [{ kind: 'MENTOR', name: 'Mentor fra Ås Næringsråd' }],
      },
    });
  });

  it("records a network event for the adviser's own region only", async () => {
    const create =
      'mutation N($input: CreateNetworkEventInput!) { createNetworkEvent(input: $input) { title date participantCount } }';
    const input = { regionId: 'follo', title: 'Gründerpub', date: '2025-11-05', participantCount: 24 };
    expect((await subgraph.execute(create, { input }, { as: 'follo.adviser' })).data).toEqual({
      createNetworkEvent: { title: 'Gründerpub', date: '2025-11-05', participantCount: 24 },
    });
    expect(code(await subgraph.execute(create, { input }, { as: 'drammen.adviser' }))).toBe('FORBIDDEN');
    const { data } = await subgraph.execute<{ region: { networkEvents: { title: string }[] } }>(
      'query E { region(id: "follo") { networkEvents(year: 2025) { title } } }',
    );
    expect(data?.region.networkEvents.map((e) => e.title)).toContain('Gründerpub');
  });
});

describe("the region's service", () => {
  it('lets the contract municipality set the free counselling limit, in quarter hours, and no one outside the region', async () => {
    const set =
      'mutation L($hours: Float!) { setFreeCounsellingLimit(regionId: "follo", hours: $hours) { freeCounsellingHoursPerClientYear } }';
    expect((await subgraph.execute(set, { hours: 7.5 }, { as: 'nordrefollo.officer' })).data).toEqual({
      setFreeCounsellingLimit: { freeCounsellingHoursPerClientYear: 7.5 },
    });
    expect(code(await subgraph.execute(set, { hours: 7.3 }, { as: 'follo.adviser' }))).toBe('BAD_USER_INPUT');
    expect(code(await subgraph.execute(set, { hours: 6 }, { as: 'drammen.officer' }))).toBe('FORBIDDEN');
    expect(code(await subgraph.execute(set, { hours: 6 }, { as: 'county.officer' }))).toBe('FORBIDDEN');
    await subgraph.execute(set, { hours: 5 }, { as: 'follo.adviser' });
  });

  it('adds a supplementary service and ends it, and lists only those valid on a day', async () => {
    const add = await subgraph.execute<{ addServiceOffering: { id: string } }>(
      'mutation A($input: AddServiceOfferingInput!) { addServiceOffering(input: $input) { id kind validFrom validTo } }',
      {
        input: {
          regionId: 'follo',
          kind: 'OFFICE_COMMUNITY',
          description: 'Kontorfellesskap på Ski',
          validFrom: '2024-01-01',
        },
      },
      { as: 'follo.adviser' },
    );
    const id = add.data?.addServiceOffering.id;
    await subgraph.execute(
      'mutation E($id: ID!) { endServiceOffering(id: $id, validTo: "2024-12-31") { validTo } }',
      { id },
      { as: 'follo.adviser' },
    );
    const on = async (day: string) => {
      const { data } = await subgraph.execute<{ region: { services: { kind: string }[] } }>(
        'query S($on: Date) { region(id: "follo") { services(on: $on) { kind } } }',
        { on: day },
      );
      return data?.region.services.map((service) => service.kind);
    };
    expect(await on('2024-06-01')).toContain('OFFICE_COMMUNITY');
    expect(await on('2025-06-01')).not.toContain('OFFICE_COMMUNITY');
  });
});
