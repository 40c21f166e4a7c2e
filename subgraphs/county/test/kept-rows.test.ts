// The agreements' rows a request reads are kept between requests while their data is unchanged
// (kept-rows.ts): a change made anywhere, by this process or another, shows in the very next request.
import { type Caller, type Orm, type SubgraphRequest, sqlStatementCount } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, createContext } from '../src/context.js';
import { countySubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph({
    ...countySubgraph,
    context: (orm: Orm, caller: Caller, request: SubgraphRequest) =>
      createContext(orm, caller, request, () => '2024-06-15'),
  });
});
afterAll(() => subgraph?.close());

const sql = <Row>(text: string, params: unknown[] = []) => subgraph.orm.em.fork().execute<Row[]>(text, params);

const regionQuery = `query Region($representations: [_Any!]!, $year: Int!) {
  _entities(representations: $representations) {
    ... on Region {
      agreement { id status }
      funding(year: $year) { countyAmount inhabitants }
      payments(year: $year) { instalment amount status }
      submissions(year: $year) { kind coversYear status }
    }
  }
}`;
interface RegionData {
  agreement: { id: string; status: string } | null;
  funding: { countyAmount: string; inhabitants: number } | null;
  payments: { instalment: string; amount: string; status: string }[];
  submissions: { kind: string; coversYear: number; status: string }[];
}
const region = async (id: string, year: number) => {
  const result = await subgraph.execute<{ _entities: RegionData[] }>(
    regionQuery,
    { representations: [{ __typename: 'Region', id }], year },
    { as: 'coordination.member' },
  );
  expect(result.errors).toBeUndefined();
  return result.data?._entities[0] as RegionData;
};

describe("the agreements' kept rows", () => {
  it('answer the same request again reading only their generation', async () => {
    const first = await region('follo', 2024);
    const before = sqlStatementCount(subgraph.orm);
    expect(await region('follo', 2024)).toEqual(first);
    expect(sqlStatementCount(subgraph.orm) - before).toBe(1);
  });

  it('give way to a change made outside the subgraph in the very next request', async () => {
    const before = await region('follo', 2024);
    expect(before.agreement?.status).not.toBe('TERMINATED');
    // Follo's 3020 has 61 200 inhabitants on the population date; 1 000 more raise the county amount by 6 000.
    await sql(`update population_figure set population = population + 1000
                where municipality_number = '3020' and date = '2021-07-01'`);
    const funded = await region('follo', 2024);
    expect(funded.funding?.inhabitants).toBe((before.funding?.inhabitants ?? 0) + 1000);
    // A notice that took effect before today ends the agreement.
    await sql(
      `insert into notice (id, agreement_id, organisation_id, organisation_name, given_on, effective_on)
               values (gen_random_uuid(), ?, '3020', 'Nordre Follo kommune', '2023-01-02', '2024-03-01')`,
      [before.agreement?.id],
    );
    expect((await region('follo', 2024)).agreement?.status).toBe('TERMINATED');
    // Every submission of the year rejected.
    await sql(`update submission set status = 'REJECTED' where agreement_id = ?`, [before.agreement?.id]);
    const rejected = await region('follo', 2024);
    const stored = rejected.submissions.filter((s) => s.status !== 'MISSING' && s.status !== 'OVERDUE');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((s) => s.status === 'REJECTED')).toBe(true);
  });

  it('get a new generation with a change to any table they are read from, in the same transaction', async () => {
    const generation = async () =>
      (await sql<{ generation: string }>(`select generation::text from data_generation where name = 'agreements'`))[0]
        ?.generation;
    const changes = [
      'update agreement set region_id = region_id',
      'update agreement_party set kind = kind',
      'update notice set reason = reason',
      'update funding_rate set year = year',
      'update budget_decision set payer = payer',
      'update payment set reference = reference',
      'update submission set kind = kind',
      'update population_figure set population = population',
    ];
    for (const change of changes) {
      const before = await generation();
      await subgraph.orm.em.fork().transactional(async (em) => {
        await em.execute(change);
        expect(
          await em.execute(`select generation::text as generation from data_generation where name = 'agreements'`),
        ).not.toEqual([{ generation: before }]);
      });
      expect(await generation(), change).not.toBe(before);
    }
  });
});
