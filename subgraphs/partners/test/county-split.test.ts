// Referrals and business assessments for county officers after the 2024 split: each county's
// officers see those of the regions that answer to it, Viken's officers none.
import { regionsOfCounty } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { partnersSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph);
});
afterAll(() => subgraph?.close());

const referralsQuery = `query Referrals { referrals(first: 200, offset: 0) { totalCount items { id region { id } } } }`;
type ReferralsData = { referrals: { totalCount: number; items: { id: string; region: { id: string } }[] } };

const referralsAs = async (as: string) => {
  const result = await subgraph.execute<ReferralsData>(referralsQuery, {}, { as });
  expect(result.errors).toBeUndefined();
  return result.data?.referrals.items ?? [];
};

describe('referrals for county officers', () => {
  it.each([
    ['county.officer', 'akershus'],
    ['buskerud.officer', 'buskerud'],
    ['ostfold.officer', 'ostfold'],
  ])('shows %s only the referrals of the regions of %s', async (as, county) => {
    const items = await referralsAs(as);
    expect(items.length).toBeGreaterThan(0);
    const regions = new Set(regionsOfCounty(county));
    expect(items.filter((item) => !regions.has(item.region.id))).toEqual([]);
  });

  it('shows the three counties together every referral once, and Viken’s officers none', async () => {
    const total = async (as: string) =>
      (await subgraph.execute<ReferralsData>(referralsQuery, {}, { as })).data?.referrals.totalCount ?? 0;
    // Every referral's region answers to one county: the regions' advisers' totals add up the same way.
    const rows = await subgraph.orm.em
      .fork()
      .getConnection()
      .execute<{ count: string }[]>('select count(*) from referral');
    const byCounties =
      (await total('county.officer')) + (await total('buskerud.officer')) + (await total('ostfold.officer'));
    expect(byCounties).toBe(Number(rows[0]?.count));
    expect(await referralsAs('viken.officer')).toEqual([]);
  });

  it('hides another county’s referral as if it did not exist', async () => {
    const buskerud = (await referralsAs('buskerud.officer'))[0];
    const result = await subgraph.execute(
      'query One($id: ID!) { referral(id: $id) { id } }',
      { id: buskerud?.id },
      {
        as: 'county.officer',
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
