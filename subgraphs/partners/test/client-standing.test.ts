// Whose client an id is (issue 16, point 5): before partners records anything about a client, a
// real regions subgraph (its own process, demo data) confirms by its access rules for the same
// user that the caller may act for the client; when regions cannot be asked, nothing is recorded.
import { demoClients } from '@etablerer/kit/demo';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { partnersSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
let withoutRegions: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph);
  // Nothing listens on the discard port: regions "down".
  withoutRegions = await createTestSubgraph(partnersSubgraph, { peerUrls: { regions: 'http://127.0.0.1:9/graphql' } });
}, 120_000);
afterAll(async () => {
  await subgraph?.close();
  await withoutRegions?.close();
});

const clientOf = (regionId: string) => demoClients().find((client) => client.regionId === regionId)?.id as string;
const folloClient = clientOf('follo');
const drammenClient = clientOf('drammensregionen');
const code = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code;

const sendReferral = (target: TestSubgraph<Context>, clientId: string, as: string) =>
  target.execute(
    `mutation S($input: SendReferralInput!) { sendReferral(input: $input) { id } }`,
    {
      input: {
        clientId,
        direction: 'TO_INNOVASJON_NORGE',
        programme: 'STARTUP_LOAN',
        consentGivenOn: '2026-01-05',
        sharedClientData: { name: 'Deling', email: 'deling@example.no', phone: '+47 900 00 000' },
      },
    },
    { as },
  );
const requestAssessment = (target: TestSubgraph<Context>, clientId: string, regionId: string) =>
  target.execute(
    `mutation Q($input: RequestBusinessAssessmentInput!) { requestBusinessAssessment(input: $input) { id } }`,
    {
      input: {
        clientId,
        regionId,
        municipalityNumber: '3022',
        purpose: 'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP',
        question: 'Kan planen bære seg?',
        sharedClientData: { name: 'Deling' },
        consentGivenOn: '2026-01-05',
      },
    },
    { as: 'nav.officer' },
  );
const rows = async (target: TestSubgraph<Context>, table: string) =>
  (await target.orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from ${table}`))[0]?.n;

describe('a partner mutation naming a client', () => {
  it("refers only the adviser's own region's client: Drammen cannot refer a Follo client", async () => {
    const before = await rows(subgraph, 'referral');
    const refused = await sendReferral(subgraph, folloClient, 'drammen.adviser');
    expect(refused.errors?.[0]).toMatchObject({
      message: 'You may not see this client, or there is no client with this id.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await rows(subgraph, 'referral')).toBe(before);
    expect((await sendReferral(subgraph, drammenClient, 'drammen.adviser')).errors).toBeUndefined();
  });

  it("lets NAV ask for an assessment only in the client's own region", async () => {
    expect(code(await requestAssessment(subgraph, folloClient, 'drammensregionen'))).toBe('FORBIDDEN');
    expect(code(await requestAssessment(subgraph, '00000000-0000-4000-8000-ffffffffffff', 'follo'))).toBe('NOT_FOUND');
    expect((await requestAssessment(subgraph, folloClient, 'follo')).errors).toBeUndefined();
  });

  it("adds to a region's measure only that region's clients", async () => {
    const { data: organisations } = await subgraph.execute<{ expertOrganisations: { id: string }[] }>(
      'query O { expertOrganisations { id } }',
    );
    const { data } = await subgraph.execute<{ createQualificationMeasure: { id: string } }>(
      `mutation M($input: CreateQualificationMeasureInput!) { createQualificationMeasure(input: $input) { id } }`,
      {
        input: {
          name: 'Etablererkurs',
          organiserKind: 'NAV',
          organiserName: 'NAV Nordre Follo',
          regionId: 'follo',
          startsOn: '2026-02-01',
          endsOn: '2026-05-01',
          partnerIds: [organisations?.expertOrganisations[0]?.id],
        },
      },
      { as: 'nav.officer' },
    );
    const add =
      'mutation P($m: ID!, $c: ID!) { addMeasureParticipant(measureId: $m, clientId: $c) { participantCount } }';
    const measure = data?.createQualificationMeasure.id;
    expect(code(await subgraph.execute(add, { m: measure, c: drammenClient }, { as: 'follo.adviser' }))).toBe(
      'FORBIDDEN',
    );
    expect((await subgraph.execute(add, { m: measure, c: folloClient }, { as: 'follo.adviser' })).data).toEqual({
      addMeasureParticipant: { participantCount: 1 },
    });
  });

  it('refuses, recording nothing, when regions cannot be asked: never a silent pass', async () => {
    const refused = await sendReferral(withoutRegions, folloClient, 'follo.adviser');
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^The regions service, which must confirm this, could not be reached/),
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'regions' },
    });
    expect(code(await requestAssessment(withoutRegions, folloClient, 'follo'))).toBe('SERVICE_UNAVAILABLE');
    expect(await rows(withoutRegions, 'referral where shared_name = $$Deling$$')).toBe(0);
    expect(await rows(withoutRegions, 'business_assessment where shared_name = $$Deling$$')).toBe(0);
  });
});
