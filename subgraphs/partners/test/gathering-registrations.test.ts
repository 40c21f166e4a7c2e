// Who may register whom for a professional gathering, and unregister them: an adviser themselves,
// a municipality officer the advisers of the officer's region, never another region's adviser nor
// an id the regions subgraph does not know; the gatherings' holders may clear any registration.
// Whom regions knows is asked of a real regions subgraph (its own process, demo data), once per
// request; when it cannot be asked nothing is written, and reading degrades to one error per item.
import { randomUUID } from 'node:crypto';
import { demoAdvisers } from '@etablerer/kit/demo';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { partnersSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
let withoutRegions: TestSubgraph<Context>;
let gatheringId: string;
/** The calls partners made to regions, by the test subgraph talking to the real regions peer. */
const regionsCalls: string[] = [];
afterAll(async () => {
  await subgraph?.close();
  await withoutRegions?.close();
});

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const code = (result: Result) => result.errors?.[0]?.extensions?.code;

const adviserOf = (username: string) => {
  const adviser = demoAdvisers().find((one) => one.username === username);
  if (!adviser) throw new Error(username);
  return adviser;
};
const folloAdviser = adviserOf('follo.adviser');
const drammenAdviser = adviserOf('drammen.adviser');
/** Another adviser of Follo, who is not the demo user. */
const folloColleague = demoAdvisers().find((one) => one.regionId === 'follo' && one.username === null);

const register = `mutation R($g: ID!, $a: ID!) {
  registerForGathering(gatheringId: $g, adviserId: $a) { attendeeCount registrations { adviserId region { id } } }
}`;
const unregister = `mutation U($g: ID!, $a: ID!) {
  unregisterFromGathering(gatheringId: $g, adviserId: $a) { attendeeCount registrations { adviserId } }
}`;
const registered = async () => {
  const rows = await subgraph.orm.em
    .fork()
    .execute<{ adviser_id: string; region_id: string }[]>(
      'select adviser_id, region_id from gathering_registration where gathering_id = ? order by adviser_id',
      [gatheringId],
    );
  return rows.map((row) => `${row.adviser_id}@${row.region_id}`);
};

beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph, {
    onCall: (name, query) => regionsCalls.push(`${name}:${query}`),
  });
  // Nothing listens on the discard port: regions "down".
  withoutRegions = await createTestSubgraph(partnersSubgraph, { peerUrls: { regions: 'http://127.0.0.1:9/graphql' } });
  const { data } = await subgraph.execute<{ createGathering: { id: string } }>(
    `mutation C($input: CreateGatheringInput!) { createGathering(input: $input) { id } }`,
    { input: { title: 'Fagsamling: påmeldinger', date: '2031-10-02', online: true } },
    { as: 'innovasjonnorge.officer' },
  );
  gatheringId = data?.createGathering.id as string;
}, 120_000);

describe('registering for a gathering', () => {
  it("refuses an adviser registering another region's adviser, and changes nothing", async () => {
    const result = await subgraph.execute(register, { g: gatheringId, a: drammenAdviser.id }, { as: 'follo.adviser' });
    expect(code(result)).toBe('FORBIDDEN');
    expect(await registered()).toEqual([]);
  });

  it('refuses an id the regions subgraph does not know, the same way', async () => {
    const result = await subgraph.execute(register, { g: gatheringId, a: randomUUID() }, { as: 'follo.adviser' });
    expect(code(result)).toBe('FORBIDDEN');
    expect(await registered()).toEqual([]);
  });

  it('refuses an adviser registering a colleague: they register themselves', async () => {
    const result = await subgraph.execute(register, { g: gatheringId, a: folloColleague?.id }, { as: 'follo.adviser' });
    expect(code(result)).toBe('FORBIDDEN');
  });

  it("lets a municipality officer register their region's advisers, not another region's", async () => {
    const result = await subgraph.execute(
      register,
      { g: gatheringId, a: folloColleague?.id },
      { as: 'nordrefollo.officer' },
    );
    expect(result.errors).toBeUndefined();
    expect(
      code(await subgraph.execute(register, { g: gatheringId, a: drammenAdviser.id }, { as: 'nordrefollo.officer' })),
    ).toBe('FORBIDDEN');
    expect(await registered()).toEqual([`${folloColleague?.id}@follo`]);
  });

  it('refuses, writing nothing, when regions cannot be asked who the adviser is', async () => {
    const { data } = await withoutRegions.execute<{ createGathering: { id: string } }>(
      `mutation C($input: CreateGatheringInput!) { createGathering(input: $input) { id } }`,
      { input: { title: 'Fagsamling uten regioner', date: '2031-10-03', online: true } },
      { as: 'innovasjonnorge.officer' },
    );
    const result = await withoutRegions.execute(
      register,
      { g: data?.createGathering.id, a: folloAdviser.id },
      { as: 'follo.adviser' },
    );
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^The regions service, which must confirm this, could not be reached/),
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'regions' },
    });
    const rows = await withoutRegions.orm.em
      .fork()
      .execute<{ n: number }[]>('select count(*)::int as n from gathering_registration where gathering_id = ?', [
        data?.createGathering.id,
      ]);
    expect(rows[0]?.n).toBe(0);
  });

  it('registers the adviser themselves, in their own region', async () => {
    const result = await subgraph.execute(register, { g: gatheringId, a: folloAdviser.id }, { as: 'follo.adviser' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      registerForGathering: {
        attendeeCount: 2,
        registrations: expect.arrayContaining([{ adviserId: folloAdviser.id, region: { id: 'follo' } }]),
      },
    });
  });
});

describe('unregistering from a gathering', () => {
  it("refuses another region's adviser and someone else's registration", async () => {
    expect(
      code(await subgraph.execute(unregister, { g: gatheringId, a: folloAdviser.id }, { as: 'drammen.adviser' })),
    ).toBe('FORBIDDEN');
    expect(
      code(await subgraph.execute(unregister, { g: gatheringId, a: folloColleague?.id }, { as: 'follo.adviser' })),
    ).toBe('FORBIDDEN');
    expect(
      code(await subgraph.execute(unregister, { g: gatheringId, a: folloAdviser.id }, { as: 'nav.officer' })),
    ).toBe('FORBIDDEN');
    expect(await registered()).toHaveLength(2);
  });

  it('removes the adviser’s own registration, and the count follows', async () => {
    const result = await subgraph.execute(unregister, { g: gatheringId, a: folloAdviser.id }, { as: 'follo.adviser' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      unregisterFromGathering: { attendeeCount: 1, registrations: [{ adviserId: folloColleague?.id }] },
    });
    expect(
      code(await subgraph.execute(unregister, { g: gatheringId, a: folloAdviser.id }, { as: 'follo.adviser' })),
    ).toBe('NOT_FOUND');
  });

  it("lets a municipality officer remove their region's adviser", async () => {
    const result = await subgraph.execute(
      unregister,
      { g: gatheringId, a: folloColleague?.id },
      { as: 'nordrefollo.officer' },
    );
    expect(result.errors).toBeUndefined();
    expect(await registered()).toEqual([]);
  });

  it('lets those who hold the gatherings clear a registration naming an id regions does not know', async () => {
    // A registration made before registrations were checked.
    const unknown = randomUUID();
    await subgraph.orm.em
      .fork()
      .execute(
        `insert into gathering_registration (id, gathering_id, adviser_id, region_id, registered_at) values (?, ?, ?, 'follo', now())`,
        [randomUUID(), gatheringId, unknown],
      );
    expect(code(await subgraph.execute(unregister, { g: gatheringId, a: unknown }, { as: 'follo.adviser' }))).toBe(
      'FORBIDDEN',
    );
    const result = await subgraph.execute(
      unregister,
      { g: gatheringId, a: unknown },
      { as: 'innovasjonnorge.officer' },
    );
    expect(result.errors).toBeUndefined();
    expect(await registered()).toEqual([]);
  });
});

describe("a year's gatherings", () => {
  it("ask regions once for every registration's adviser, and name the advisers regions knows", async () => {
    regionsCalls.length = 0;
    const { data, errors } = await subgraph.execute<{
      gatherings: { registrations: { adviserId: string; adviser: { id: string } | null }[] }[];
    }>('query G($year: Int!) { gatherings(year: $year) { registrations { adviserId adviser { id } } } }', {
      year: 2025,
    });
    expect(errors).toBeUndefined();
    const registrations = data?.gatherings.flatMap((gathering) => gathering.registrations) ?? [];
    expect(new Set(registrations.map((registration) => registration.adviserId)).size).toBeGreaterThan(1);
    expect(registrations.every((registration) => registration.adviser?.id === registration.adviserId)).toBe(true);
    expect(regionsCalls).toHaveLength(1);
    expect(regionsCalls[0]).toMatch(/^regions:.*advisersByIds/s);
  });

  it('keep the list when regions cannot be asked: one error on each registration’s adviser', async () => {
    const { data, errors } = await withoutRegions.execute<{
      gatherings: { registrations: { adviserId: string; adviser: { id: string } | null }[] }[] | null;
    }>('query G($year: Int!) { gatherings(year: $year) { registrations { adviserId adviser { id } } } }', {
      year: 2025,
    });
    const registrations = data?.gatherings?.flatMap((gathering) => gathering.registrations) ?? [];
    expect(registrations.length).toBeGreaterThan(0);
    expect(registrations.every((registration) => registration.adviser === null)).toBe(true);
    expect(errors).toHaveLength(registrations.length);
    expect(errors?.every((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')).toBe(true);
    // Each on the registration's own adviser field, e.g. ["gatherings", 0, "registrations", 1, "adviser"].
    const paths = (errors ?? []).map((error) => (error as { path?: (string | number)[] }).path);
    expect(paths.every((path) => path?.at(-1) === 'adviser')).toBe(true);
  });

  it('leave out of the advisers without attendance an id regions does not know, rather than fail', async () => {
    const unknown = randomUUID();
    const [held] = await subgraph.orm.em
      .fork()
      .execute<{ id: string }[]>(`select id from gathering where date >= '2025-01-01' and date < '2026-01-01' limit 1`);
    await subgraph.orm.em
      .fork()
      .execute(
        `insert into gathering_registration (id, gathering_id, adviser_id, region_id, registered_at, attended) values (?, ?, ?, 'follo', now(), false)`,
        [randomUUID(), held?.id, unknown],
      );
    const { data, errors } = await subgraph.execute<{ gatheringYear: { advisersWithoutAttendance: { id: string }[] } }>(
      'query Y($year: Int!) { gatheringYear(year: $year) { advisersWithoutAttendance { id } } }',
      { year: 2025 },
    );
    expect(errors).toBeUndefined();
    const ids = data?.gatheringYear.advisersWithoutAttendance.map((adviser) => adviser.id) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(unknown);
  });
});
