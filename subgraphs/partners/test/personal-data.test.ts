// A person's data in the partners subgraph: their referrals and business assessments exported to
// those who may see the client, and the client data they share erased on request or when
// retention ends, with the referral counts unchanged.
import { demoClients } from '@etablerer/kit/demo';
import { columnsContaining, createTestSubgraph, type TestSubgraph, testServerUrl } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { erasePartnerDataPastRetention } from '../src/personal-data.js';
import { partnersSubgraph } from '../src/server.js';

/** Real clients of the regions subgraph's demo data (regions confirms whose client an id is), one per use. */
const unusedClients = (regionId: string) => {
  const ids = demoClients()
    .filter((client) => client.regionId === regionId)
    .map((client) => client.id);
  return () => ids.shift() as string;
};
const folloClient = unusedClients('follo');
const drammenClient = unusedClients('drammensregionen');

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph);
});
afterAll(() => subgraph?.close());

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const code = (result: Result) => result.errors?.[0]?.extensions?.code;
const databaseName = () => subgraph.orm.config.get('dbName') as string;

async function run<Data>(query: string, variables: Record<string, unknown>, as = 'follo.adviser') {
  const result = await subgraph.execute<Data>(query, variables, { as });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as Data;
}

const exportQuery = `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Client { personalDataHeldByPartners } } }`;
const exportOf = (clientId: string, as: string) =>
  subgraph.execute<{ _entities: { personalDataHeldByPartners: Record<string, Record<string, unknown>[]> }[] }>(
    exportQuery,
    { r: [{ __typename: 'Client', id: clientId }] },
    { as },
  );
const erase = `mutation X($clientId: ID!, $reason: ErasureReason!) { eraseClientReferrals(clientId: $clientId, reason: $reason) { cutoff dryRun referrals assessments } }`;

/** The referral counts the overview shows, for every region and year of the demo and now. */
async function referralCounts() {
  const regions = ['follo', 'drammensregionen', 'asker-og-baerum'].map((id) => ({ __typename: 'Region', id }));
  const counts: Record<number, unknown> = {};
  for (const year of [2022, 2023, 2024, 2025, 2026]) {
    counts[year] = await run(
      `query C($r: [_Any!]!, $year: Int!) { _entities(representations: $r) { ... on Region { referrals(year: $year) { toInnovasjonNorge toNav fromNav toOtherActors suppressed } } } }`,
      { r: regions, year },
      'county.officer',
    );
  }
  return counts;
}

describe('a client’s referrals and assessments', () => {
  const marker = 'Wqyzxv';
  const clientId = folloClient();
  const shared = {
    name: `Jonas ${marker}`,
    email: `jonas.${marker.toLowerCase()}@example.no`,
    phone: '+47 934 56 781',
  };
  let referralId: string;

  beforeAll(async () => {
    const sent = await run<{ sendReferral: { id: string } }>(
      `mutation S($input: SendReferralInput!) { sendReferral(input: $input) { id } }`,
      {
        input: {
          clientId,
          direction: 'TO_INNOVASJON_NORGE',
          programme: 'STARTUP_GRANT_PHASE_1',
          consentGivenOn: '2024-06-01',
          sharedClientData: shared,
          note: `${marker} trenger etableringstilskudd`,
        },
      },
    );
    referralId = sent.sendReferral.id;
    await run(
      `mutation Q($input: RequestBusinessAssessmentInput!) { requestBusinessAssessment(input: $input) { id } }`,
      {
        input: {
          clientId,
          regionId: 'follo',
          municipalityNumber: '3022',
          purpose: 'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP',
          question: `Kan ${marker} drive frisørsalong med AAP?`,
          sharedClientData: shared,
          consentGivenOn: '2024-08-01',
        },
      },
      'nav.officer',
    );
  });

  it('are exported to the client’s region and the county, not to Innovasjon Norge, NAV or other regions', async () => {
    const county = await exportOf(clientId, 'county.officer');
    expect(county.errors).toBeUndefined();
    const held = county.data?._entities[0]?.personalDataHeldByPartners;
    expect(held?.referrals?.[0]).toMatchObject({
      id: referralId,
      sharedName: shared.name,
      sharedEmail: shared.email,
      sharedPhone: shared.phone,
      note: `${marker} trenger etableringstilskudd`,
      regionId: 'follo',
    });
    expect(held?.businessAssessments?.[0]).toMatchObject({ question: `Kan ${marker} drive frisørsalong med AAP?` });
    expect(held?.auditLog?.map((entry) => entry.detail)).toContain('sendReferral');

    const adviser = await exportOf(clientId, 'follo.adviser');
    expect(adviser.data?._entities[0]?.personalDataHeldByPartners.referrals).toHaveLength(1);
    // Another region's adviser learns nothing about a client of Follo.
    const otherRegion = await exportOf(clientId, 'drammen.adviser');
    expect(otherRegion.data?._entities[0]?.personalDataHeldByPartners).toMatchObject({
      referrals: [],
      businessAssessments: [],
    });
    for (const outsider of ['nav.officer', 'innovasjonnorge.officer', 'coordination.member', 'partner.api']) {
      expect(code(await exportOf(clientId, outsider)), outsider).toBe('FORBIDDEN');
    }
  });

  it('lose the client data they share on erasure, and the counts stay', async () => {
    const texts = [marker, shared.email, shared.phone];
    expect(await columnsContaining(testServerUrl(), databaseName(), texts)).toEqual(
      expect.arrayContaining(['referral.shared_name', 'business_assessment.question']),
    );
    for (const outsider of ['nav.officer', 'innovasjonnorge.officer', 'nordrefollo.officer']) {
      expect(code(await subgraph.execute(erase, { clientId, reason: 'REQUEST' }, { as: outsider })), outsider).toBe(
        'FORBIDDEN',
      );
    }
    // Another region's adviser erases only their region's referrals: none of this client's.
    expect(
      (await run<{ eraseClientReferrals: unknown }>(erase, { clientId, reason: 'REQUEST' }, 'drammen.adviser'))
        .eraseClientReferrals,
    ).toEqual({
      cutoff: null,
      dryRun: false,
      referrals: 0,
      assessments: 0,
    });

    const before = await referralCounts();
    const erased = await run<{ eraseClientReferrals: unknown }>(erase, { clientId, reason: 'REQUEST' });
    expect(erased.eraseClientReferrals).toEqual({ cutoff: null, dryRun: false, referrals: 1, assessments: 1 });
    expect(await columnsContaining(testServerUrl(), databaseName(), texts)).toEqual([]);
    expect(await referralCounts()).toEqual(before);

    const referral = await run<{ referral: Record<string, unknown> }>(
      `query R($id: ID!) { referral(id: $id) { sharedClientData { name email phone } note erasedAt status } }`,
      { id: referralId },
    );
    expect(referral.referral).toEqual({
      sharedClientData: { name: '(anonymised)', email: null, phone: null },
      note: null,
      erasedAt: expect.any(String),
      status: 'SENT',
    });
    const log = await run<{ referralAuditLog: { items: { operation: string; detail: string }[] } }>(
      `query L($id: ID) { referralAuditLog(referralId: $id) { items { operation detail } } }`,
      { id: referralId },
      'county.officer',
    );
    expect(log.referralAuditLog.items[0]).toEqual({
      operation: 'DELETE',
      detail: 'personal data erased, REQUEST: eraseClientReferrals',
    });
    // Nothing is left to erase: a second request changes nothing.
    expect(
      (await run<{ eraseClientReferrals: unknown }>(erase, { clientId, reason: 'REQUEST' })).eraseClientReferrals,
    ).toMatchObject({
      referrals: 0,
      assessments: 0,
    });
  });
});

describe('a client erased on request', () => {
  const sendReferral = (clientId: string, as: string) =>
    subgraph.execute(
      `mutation S($input: SendReferralInput!) { sendReferral(input: $input) { id } }`,
      {
        input: {
          clientId,
          direction: 'TO_INNOVASJON_NORGE',
          programme: 'STARTUP_LOAN',
          consentGivenOn: '2026-01-05',
          sharedClientData: { name: 'Ny Deling' },
        },
      },
      { as },
    );
  const requestAssessment = (clientId: string, regionId: string) =>
    subgraph.execute(
      `mutation Q($input: RequestBusinessAssessmentInput!) { requestBusinessAssessment(input: $input) { id } }`,
      {
        input: {
          clientId,
          regionId,
          municipalityNumber: '3022',
          purpose: 'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP',
          question: 'Kan planen bære seg?',
          sharedClientData: { name: 'Ny Deling' },
          consentGivenOn: '2026-01-05',
        },
      },
      { as: 'nav.officer' },
    );

  it('has nothing new shared about them afterwards (CONFLICT), though nothing was shared before', async () => {
    const clientId = folloClient();
    await run(erase, { clientId, reason: 'REQUEST' });
    const refused = "The client's personal data was erased: nothing more about them can be shared.";
    const referral = await sendReferral(clientId, 'follo.adviser');
    expect(referral.errors?.[0]).toMatchObject({ message: refused, extensions: { code: 'CONFLICT' } });
    expect(code(await requestAssessment(clientId, 'follo'))).toBe('CONFLICT');
    // A referral from NAV cannot be linked to the erased client either.
    const fromNav = await run<{ referFromNav: { id: string } }>(
      `mutation N($input: ReferFromNavInput!) { referFromNav(input: $input) { id } }`,
      {
        input: {
          regionId: 'follo',
          municipalityNumber: '3022',
          consentGivenOn: '2026-01-05',
          sharedClientData: { name: 'Fra Nav' },
        },
      },
      'nav.officer',
    );
    const link = await subgraph.execute(
      `mutation L($id: ID!, $clientId: ID!) { linkReferralClient(id: $id, clientId: $clientId) { id } }`,
      { id: fromNav.referFromNav.id, clientId },
      { as: 'follo.adviser' },
    );
    expect(code(link)).toBe('CONFLICT');
    // Nor added to a qualification measure of the region.
    const { data: organisations } = await subgraph.execute<{ expertOrganisations: { id: string }[] }>(
      'query O { expertOrganisations { id } }',
    );
    const measure = await run<{ createQualificationMeasure: { id: string } }>(
      `mutation M($input: CreateQualificationMeasureInput!) { createQualificationMeasure(input: $input) { id } }`,
      {
        input: {
          name: 'Etablererkurs etter sletting',
          organiserKind: 'NAV',
          organiserName: 'NAV Nordre Follo',
          regionId: 'follo',
          startsOn: '2026-02-01',
          endsOn: '2026-05-01',
          partnerIds: [organisations?.expertOrganisations[0]?.id],
        },
      },
      'nav.officer',
    );
    const participant = await subgraph.execute(
      'mutation P($m: ID!, $c: ID!) { addMeasureParticipant(measureId: $m, clientId: $c) { participantCount } }',
      { m: measure.createQualificationMeasure.id, c: clientId },
      { as: 'follo.adviser' },
    );
    expect(code(participant)).toBe('CONFLICT');
    // What is kept is the id, naming no one; a second erasure keeps one.
    await run(erase, { clientId, reason: 'REQUEST' });
    const [kept] = await subgraph.orm.em
      .fork()
      .execute<{ n: number }[]>('select count(*)::int as n from erased_client where client_id = ?', [clientId]);
    expect(kept?.n).toBe(1);
  });

  it("is blocked for the erasing adviser's region only, and for every region when the county erased them", async () => {
    const erasedInDrammen = drammenClient();
    await run(erase, { clientId: erasedInDrammen, reason: 'REQUEST' }, 'drammen.adviser');
    expect(code(await sendReferral(erasedInDrammen, 'drammen.adviser'))).toBe('CONFLICT');
    // An adviser cannot block another region's client by erasing an id they got hold of.
    const folloId = folloClient();
    await run(erase, { clientId: folloId, reason: 'REQUEST' }, 'drammen.adviser');
    expect((await sendReferral(folloId, 'follo.adviser')).errors).toBeUndefined();
    expect((await requestAssessment(folloId, 'follo')).errors).toBeUndefined();

    const erasedByCounty = drammenClient();
    await run(erase, { clientId: erasedByCounty, reason: 'REQUEST' }, 'county.officer');
    // Not Follo's client at all (regions says so); its own region may share nothing more either.
    expect(code(await sendReferral(erasedByCounty, 'follo.adviser'))).toBe('FORBIDDEN');
    expect(code(await sendReferral(erasedByCounty, 'drammen.adviser'))).toBe('CONFLICT');
    expect(code(await requestAssessment(erasedByCounty, 'drammensregionen'))).toBe('CONFLICT');
  });
});

describe('retention of referrals and assessments', () => {
  it('erases only those whose last event is more than three years ago, once, keeping the counts', async () => {
    const today = '2026-01-01'; // cut-off 2023-01-01
    const em = () => subgraph.orm.em.fork();
    const lastEvents = async (erased: boolean) =>
      em().execute<{ n: number }[]>(
        `select count(*)::int as n from referral
          where (erased_at is not null) = ? and greatest(consent_given_on, sent_on, status_changed_on) < '2023-01-01'`,
        [erased],
      );
    const erasedSinceCutOff = async () =>
      (
        await em().execute<{ n: number }[]>(
          `select count(*)::int as n from referral
            where erased_at is not null and greatest(consent_given_on, sent_on, status_changed_on) >= '2023-01-01'`,
        )
      )[0]?.n;
    const erasedRecentlyBefore = await erasedSinceCutOff();
    const before = await referralCounts();
    const dryRun = await erasePartnerDataPastRetention(em(), { today, dryRun: true });
    expect(dryRun.referrals).toBe((await lastEvents(false))[0]?.n);
    expect(dryRun.referrals).toBeGreaterThan(0);

    const first = await em().transactional((tx) => erasePartnerDataPastRetention(tx, { today }));
    expect(first).toEqual({ ...dryRun, dryRun: false });
    expect((await lastEvents(false))[0]?.n).toBe(0);
    expect(await erasedSinceCutOff()).toBe(erasedRecentlyBefore);
    const [keptRecent] = await em().execute<{ n: number }[]>(
      `select count(*)::int as n from referral where erased_at is null and sent_on >= '2023-01-01'`,
    );
    expect(keptRecent?.n).toBeGreaterThan(0);
    expect(await referralCounts()).toEqual(before);

    const second = await em().transactional((tx) => erasePartnerDataPastRetention(tx, { today }));
    expect(second).toMatchObject({ referrals: 0, assessments: 0 });
  });

  it('is a county officer’s mutation', async () => {
    const mutation = `mutation R($dryRun: Boolean!) { eraseReferralsPastRetention(dryRun: $dryRun) { cutoff dryRun referrals } }`;
    expect(code(await subgraph.execute(mutation, { dryRun: true }, { as: 'follo.adviser' }))).toBe('FORBIDDEN');
    const counted = await run<{ eraseReferralsPastRetention: { dryRun: boolean } }>(
      mutation,
      { dryRun: true },
      'county.officer',
    );
    expect(counted.eraseReferralsPastRetention.dryRun).toBe(true);
  });
});
