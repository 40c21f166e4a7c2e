// Through the gateway: a gathering registration naming an adviser the regions subgraph does not
// know costs one error on that registration, never the year's gatherings; such a registration
// cannot be made any more; and partners' reads of a client's data are in the audit log.
import { randomUUID } from 'node:crypto';
import { runSql, withDatabaseClient } from '@etablerer/kit';
import { testServerUrl } from '@etablerer/kit/testing';
import { describe, expect, it } from 'vitest';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform();
const { post, tokenFor } = platform;

const gatheringsQuery = `query Gatherings($year: Int!) {
  gatherings(year: $year) { id title attendeeCount registrations { adviserId adviser { id name } region { id } } }
}`;

interface GatheringsData {
  gatherings:
    | {
        id: string;
        title: string;
        attendeeCount: number;
        registrations: { adviserId: string; adviser: { id: string; name: string } | null }[];
      }[]
    | null;
}

const partnersRows = <Row>(sql: string, values: unknown[] = []) =>
  withDatabaseClient(testServerUrl(), platform.databases.partners, async (client) => {
    const { rows } = await client.query(sql, values);
    return rows as Row[];
  });

describe('gathering registrations through the gateway', () => {
  it('refuse an id the regions subgraph does not know', async () => {
    const created = await post<{ createGathering: { id: string } }>(
      'mutation C($input: CreateGatheringInput!) { createGathering(input: $input) { id } }',
      { input: { title: 'Fagsamling: påmelding', date: '2031-10-02', online: true } },
      { token: await tokenFor('innovasjonnorge.officer') },
    );
    const { body } = await post(
      'mutation R($g: ID!, $a: ID!) { registerForGathering(gatheringId: $g, adviserId: $a) { id } }',
      { g: created.body.data?.createGathering.id, a: randomUUID() },
      { token: await tokenFor('follo.adviser') },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("degrade a dangling one to one error on that registration; the year's gatherings still come back", async () => {
    const [held] = await partnersRows<{ id: string; year: number }>(
      `select g.id, extract(year from g.date)::int as year from gathering g
        where exists (select 1 from gathering_registration r where r.gathering_id = g.id) order by g.date limit 1`,
    );
    const year = held?.year as number;
    const before = await post<GatheringsData>(gatheringsQuery, { year }, { token: await tokenFor('follo.adviser') });
    expect(before.body.errors).toBeUndefined();
    // A registration made before registrations were checked, naming nobody regions knows.
    const dangling = randomUUID();
    await runSql(
      testServerUrl(),
      platform.databases.partners,
      `insert into gathering_registration (id, gathering_id, adviser_id, region_id, registered_at)
       values ('${randomUUID()}', '${held?.id}', '${dangling}', 'follo', '2000-01-01T00:00:00Z')`,
    );

    const { body } = await post<GatheringsData>(gatheringsQuery, { year }, { token: await tokenFor('follo.adviser') });
    const gatherings = body.data?.gatherings;
    expect(gatherings).not.toBeNull();
    expect(gatherings?.map((gathering) => gathering.id)).toEqual(
      before.body.data?.gatherings?.map((gathering) => gathering.id),
    );
    const gathering = gatherings?.find((one) => one.id === held?.id);
    // Registered first (the oldest registration), with no adviser; everyone else still named.
    expect(gathering?.registrations[0]).toEqual({ adviserId: dangling, adviser: null, region: { id: 'follo' } });
    expect(gathering?.registrations.slice(1).every((registration) => registration.adviser?.name)).toBe(true);
    expect(body.errors).toHaveLength(1);
    const index = gatherings?.findIndex((one) => one.id === held?.id);
    expect(body.errors?.[0]).toMatchObject({
      path: ['gatherings', index, 'registrations', 0, 'adviser'],
      extensions: { code: 'NOT_FOUND' },
    });

    const yearAnswer = await post<{ gatheringYear: { advisersWithoutAttendance: { id: string; name: string }[] } }>(
      'query Y($year: Int!) { gatheringYear(year: $year) { advisersWithoutAttendance { id name } } }',
      { year },
    );
    expect(yearAnswer.body.errors).toBeUndefined();
    expect(yearAnswer.body.data?.gatheringYear.advisersWithoutAttendance.map((adviser) => adviser.id)).not.toContain(
      dangling,
    );
  });
});

describe("reads of a client's data through the gateway", () => {
  it("log NAV's reads of business assessments, one entry per assessment", async () => {
    const [{ id: lastId } = { id: '0' }] = await partnersRows<{ id: string }>(
      `select coalesce(max(id), 0)::text as id from audit_entry`,
    );
    const { body } = await post<{ businessAssessments: { id: string }[] }>(
      'query A($first: Int!) { businessAssessments(first: $first) { id sharedClientData { name email phone } } }',
      { first: 200 },
      { token: await tokenFor('nav.officer') },
    );
    expect(body.errors).toBeUndefined();
    const read = body.data?.businessAssessments.map((assessment) => assessment.id) ?? [];
    expect(read.length).toBeGreaterThan(0);
    const logged = await partnersRows<{ record_id: string; subject: string }>(
      `select record_id, subject from audit_entry where id > $1 and operation = 'READ' and record_type = 'BusinessAssessment'`,
      [lastId],
    );
    expect(logged.map((row) => row.record_id).sort()).toEqual([...read].sort());
    expect(new Set(logged.map((row) => row.subject))).toEqual(new Set(['nav.officer']));
  });

  it("log the county's read of a client's possible duplicates, for each duplicate", async () => {
    const register = 'mutation R($input: RegisterClientInput!) { registerClient(input: $input) { id } }';
    const person = {
      regionId: 'follo',
      municipalityNumber: '3020',
      name: 'Tone Duplikat-Hansen',
      email: 'tone.duplikat@example.no',
      confirmedNotDuplicate: true,
    };
    const adviser = await tokenFor('follo.adviser');
    const ids: string[] = [];
    for (const _ of [1, 2]) {
      const { body } = await post<{ registerClient: { id: string } }>(register, { input: person }, { token: adviser });
      expect(body.errors).toBeUndefined();
      ids.push(body.data?.registerClient.id as string);
    }
    const regionsRows = <Row>(sql: string, values: unknown[] = []) =>
      withDatabaseClient(testServerUrl(), platform.databases.regions, async (client) => {
        const { rows } = await client.query(sql, values);
        return rows as Row[];
      });
    const [{ id: lastId } = { id: '0' }] = await regionsRows<{ id: string }>(
      'select coalesce(max(id), 0)::text as id from audit_entry',
    );
    const { body } = await post<{ client: { possibleDuplicates: { id: string; email: string }[] } }>(
      'query C($id: ID!) { client(id: $id) { id possibleDuplicates { id name email phone } } }',
      { id: ids[0] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.client.possibleDuplicates.map((duplicate) => duplicate.id)).toContain(ids[1]);
    const logged = await regionsRows<{ record_id: string; subject: string }>(
      `select record_id, subject from audit_entry where id > $1 and operation = 'READ' and record_type = 'Client'`,
      [lastId],
    );
    expect(logged).toContainEqual({ record_id: ids[1], subject: 'county.officer' });
  });
});
