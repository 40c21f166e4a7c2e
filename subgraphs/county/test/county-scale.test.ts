// The county's county-scale data: the demo's agreements, submissions and payments as of the demo's
// cut-off, the same data (ids and all) on every run whatever the day, and activity plans whose
// targets match the regions' county-scale clients.
import { dropDatabase, type Orm, openSubgraphDatabase, seedInTransaction, tableRowCounts } from '@etablerer/kit';
import { countyScaleOf, demoCutOff, scaleNewClients } from '@etablerer/kit/demo';
import { tableChecksums, testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CountyScaleSeeder } from '../src/seeders/CountyScaleSeeder.js';
import { countySubgraph } from '../src/server.js';

// The same reduced scale as the regions' and partners' tests.
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
const databases = [uniqueDatabaseName('county'), uniqueDatabaseName('county')];
const orms: Orm[] = [];

beforeAll(async () => {
  for (const [run, database] of databases.entries()) {
    const orm = await openSubgraphDatabase(countySubgraph, server, database);
    orms.push(orm);
    // The second run on another day: the data must not depend on it.
    if (run === 1) vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-03-15T12:00:00Z') });
    try {
      await seedInTransaction(orm, new CountyScaleSeeder(scale));
    } finally {
      vi.useRealTimers();
    }
  }
});
afterAll(async () => {
  for (const orm of orms) await orm.close();
  for (const database of databases) await dropDatabase(server, database);
});

const sql = <Row>(query: string, params: unknown[] = []) => (orms[0] as Orm).em.fork().execute<Row[]>(query, params);

describe("the county's county-scale data", () => {
  it("is the demo's: every region's agreement with four years of submissions and payments", async () => {
    // 13 agreements for 2022–2025 and, by the cut-off 2026-06-30, three renewals for 2026–2029
    // (Indre Østfold's draft is signed from November 2026 on, after the cut-off).
    expect(await tableRowCounts(orms[0] as Orm)).toMatchObject({ agreement: 16, population_figure: 51 });
    const years = await sql<{ covers_year: number; regions: number }>(
      `select covers_year, count(distinct agreement_id)::int as regions from submission
        where kind = 'ANNUAL_REPORT' group by 1 order by 1`,
    );
    expect(years.filter((year) => year.covers_year <= 2024)).toEqual([
      { covers_year: 2022, regions: 13 },
      { covers_year: 2023, regions: 13 },
      { covers_year: 2024, regions: 12 },
    ]);
    const payments = await sql<{ year: number }>(`select distinct year from payment order by 1`);
    expect(payments.map((payment) => payment.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  it('is the same data, ids and all, every time and on whatever day it is seeded', async () => {
    const first = await tableChecksums(orms[0] as Orm);
    expect(Object.keys(first)).toContain('submission');
    expect(await tableChecksums(orms[1] as Orm)).toEqual(first);
  });

  it('has nothing submitted, decided or paid after the cut-off', async () => {
    const [row] = await sql<{ latest: string }>(
      `select greatest((select max(submitted_on) from submission), (select max(decided_on) from submission),
                       (select max(paid_on) from payment))::text as latest`,
    );
    expect(row?.latest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((row?.latest as string) > demoCutOff).toBe(false);
  });

  it("plans for as many new clients as the regions' county-scale data registers", async () => {
    const plans = await sql<{ region_id: string; covers_year: number; new_clients: number }>(
      `select a.region_id, s.covers_year, (s.targets->>'newClients')::int as new_clients
         from submission s join agreement a on a.id = s.agreement_id
        where s.kind = 'ACTIVITY_PLAN' and s.covers_year <= 2025`,
    );
    expect(plans.length).toBeGreaterThan(40);
    const registered = new Map(scaleNewClients(scale).map((cell) => [`${cell.regionId}:${cell.year}`, cell.count]));
    expect(
      plans.filter((plan) => registered.get(`${plan.region_id}:${plan.covers_year}`) !== plan.new_clients),
    ).toEqual([]);
  });
});
