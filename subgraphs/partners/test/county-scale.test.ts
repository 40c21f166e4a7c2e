// The partners' county-scale data at a tenth of the scale: the counts asked for, the same data on
// every run, and every client and adviser it points at one of the kit's county-scale records,
// which the regions subgraph's county-scale database holds (its own test checks that side).
import { dropDatabase, type Orm, openSubgraphDatabase, seedInTransaction, tableRowCounts } from '@etablerer/kit';
import { countyScaleOf, demoCutOff, scaleAdvisers, scaleClients } from '@etablerer/kit/demo';
import { tableChecksums, testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountyScaleSeeder } from '../src/seeders/CountyScaleSeeder.js';
import { partnersSubgraph } from '../src/server.js';

// The same reduced scale as the regions' test, so both stand for one data set.
const scale = countyScaleOf({
  advisers: 80,
  clients: 6_000,
  counsellingSessions: 40_000,
  courses: 600,
  enrolments: 12_000,
  referrals: 1_500,
  gatherings: 8,
});

const server = testServerUrl();
const databases = [uniqueDatabaseName('partners'), uniqueDatabaseName('partners')];
const orms: Orm[] = [];

beforeAll(async () => {
  for (const database of databases) {
    const orm = await openSubgraphDatabase(partnersSubgraph, server, database);
    orms.push(orm);
    await seedInTransaction(orm, new CountyScaleSeeder(scale));
  }
}, 60_000);
afterAll(async () => {
  for (const orm of orms) await orm.close();
  for (const database of databases) await dropDatabase(server, database);
});

const sql = <Row>(query: string, params: unknown[] = []) => (orms[0] as Orm).em.fork().execute<Row[]>(query, params);

describe("the partners' county-scale data", () => {
  it('has the counts of the scale it was asked for', async () => {
    expect(await tableRowCounts(orms[0] as Orm)).toMatchObject({
      nav_office: 13,
      gathering: scale.gatherings,
      referral: scale.referrals,
    });
  });

  it('is the same data, ids and all, every time it is seeded', async () => {
    const first = await tableChecksums(orms[0] as Orm);
    expect(Object.keys(first)).toContain('referral');
    expect(await tableChecksums(orms[1] as Orm)).toEqual(first);
  });

  it("refers the county-scale clients, with their region, municipality's NAV office and what they agreed to share", async () => {
    const clients = new Map(scaleClients(scale).map((client) => [client.id, client]));
    const referrals = await sql<{
      client_id: string;
      region_id: string;
      shared_name: string;
      direction: string;
      nav_office_id: string | null;
      sent_on: string;
    }>(`select client_id, region_id, shared_name, direction, nav_office_id, sent_on::text from referral`);
    const offices = new Map(
      (
        await sql<{ id: string; municipality_numbers: string[] }>(`select id, municipality_numbers from nav_office`)
      ).map((office) => [office.id, office.municipality_numbers]),
    );
    const wrong = referrals.filter((referral) => {
      const client = clients.get(referral.client_id);
      const officeServes = referral.nav_office_id
        ? offices.get(referral.nav_office_id)?.includes(client?.municipalityNumber ?? '')
        : !['TO_NAV', 'FROM_NAV'].includes(referral.direction);
      return (
        !client ||
        client.regionId !== referral.region_id ||
        client.name !== referral.shared_name ||
        !officeServes ||
        referral.sent_on > demoCutOff
      );
    });
    expect(wrong).toEqual([]);
    expect(new Set(referrals.map((referral) => referral.direction))).toEqual(
      new Set(['TO_INNOVASJON_NORGE', 'TO_NAV', 'TO_OTHER_ACTOR', 'FROM_NAV']),
    );
  });

  it("has the assessments delivered by an adviser of the client's region, and measures for the region's clients", async () => {
    const clients = new Map(scaleClients(scale).map((client) => [client.id, client]));
    const advisers = new Map(scaleAdvisers(scale).map((adviser) => [adviser.id, adviser]));
    const assessments = await sql<{ client_id: string; region_id: string; adviser_id: string | null; status: string }>(
      `select client_id, region_id, adviser_id, status from business_assessment`,
    );
    expect(assessments.length).toBeGreaterThan(0);
    const wrongAssessments = assessments.filter(
      (assessment) =>
        clients.get(assessment.client_id)?.regionId !== assessment.region_id ||
        (assessment.status === 'DELIVERED'
          ? advisers.get(assessment.adviser_id ?? '')?.regionId !== assessment.region_id
          : assessment.adviser_id !== null),
    );
    expect(wrongAssessments).toEqual([]);
    const measures = await sql<{ region_id: string; participant_client_ids: string[] }>(
      `select region_id, participant_client_ids from qualification_measure`,
    );
    const participants = measures.flatMap((measure) =>
      measure.participant_client_ids.map((id) => ({ id, region: measure.region_id })),
    );
    expect(participants.length).toBeGreaterThan(0);
    expect(participants.filter(({ id, region }) => clients.get(id)?.regionId !== region)).toEqual([]);
  });

  it("registers the county-scale advisers (the demo users' among them) for the gatherings they were invited to", async () => {
    const advisers = new Map(scaleAdvisers(scale).map((adviser) => [adviser.id, adviser]));
    const registrations = await sql<{
      adviser_id: string;
      region_id: string;
      invited_region_ids: string[];
      date: string;
      registered_on: string;
      attended: boolean | null;
    }>(
      `select r.adviser_id, r.region_id, g.invited_region_ids, g.date::text,
              (r.registered_at at time zone 'UTC')::date::text as registered_on, r.attended
         from gathering_registration r join gathering g on g.id = r.gathering_id`,
    );
    const wrong = registrations.filter(
      (registration) =>
        advisers.get(registration.adviser_id)?.regionId !== registration.region_id ||
        (registration.invited_region_ids.length > 0 &&
          !registration.invited_region_ids.includes(registration.region_id)) ||
        registration.registered_on > demoCutOff ||
        registration.registered_on >= registration.date ||
        registration.date > demoCutOff !== (registration.attended === null),
    );
    expect(wrong).toEqual([]);
    const demoUsers = [...advisers.values()].filter((adviser) => adviser.username).map((adviser) => adviser.id);
    expect(registrations.some((registration) => demoUsers.includes(registration.adviser_id))).toBe(true);
  });
});
