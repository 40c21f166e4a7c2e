// The business assessments list a page at a time: how many match in all, the filters the console's list offers
// (status, region, a client's or NAV office's name), the regions to filter by, and as many SQL statements for a
// long page as for a short one.
import { sqlStatementCount } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { assessmentSearchMaxLength } from '../src/input-limits.js';
import { partnersSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph);
});
afterAll(() => subgraph?.close());

interface Item {
  id: string;
  status: string;
  region: { id: string };
  navOffice: { name: string };
  sharedClientData: { name: string };
}
interface Answer {
  businessAssessmentPage: { items: Item[]; totalCount: number; hasNextPage: boolean; regions: { id: string }[] };
}

const pageQuery = `query P($status: AssessmentStatus, $regionId: ID, $search: String, $first: Int!, $offset: Int!) {
  businessAssessmentPage(status: $status, regionId: $regionId, search: $search, first: $first, offset: $offset) {
    items { id status region { id } navOffice { name } sharedClientData { name } }
    totalCount
    hasNextPage
    regions { id }
  }
}`;

async function pageFor(
  as: string,
  variables: { status?: string; regionId?: string; search?: string; first?: number; offset?: number } = {},
) {
  const result = await subgraph.execute<Answer>(pageQuery, { first: 200, offset: 0, ...variables }, { as });
  expect(result.errors).toBeUndefined();
  return (result.data as Answer).businessAssessmentPage;
}

/** Every assessment the caller may see with these filters, page by page (the demo has more than one page's). */
async function everyFor(as: string, variables: { status?: string; regionId?: string; search?: string } = {}) {
  const items: Item[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await pageFor(as, { ...variables, offset });
    items.push(...page.items);
    if (!page.hasNextPage) return { items, totalCount: page.totalCount };
  }
}

describe('a page of business assessments', () => {
  it('says how many there are in all and pages through them without gaps or repeats', async () => {
    const all = await everyFor('nav.officer');
    expect(all.totalCount).toBe(all.items.length);
    expect(all.totalCount).toBeGreaterThan(200);
    expect(new Set(all.items.map((item) => item.id)).size).toBe(all.totalCount);

    const first = await pageFor('nav.officer', { first: 3 });
    const second = await pageFor('nav.officer', { first: 3, offset: 3 });
    expect(first).toMatchObject({ totalCount: all.totalCount, hasNextPage: true });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(all.items.slice(0, 6).map((i) => i.id));
  });

  it('filters by status and region, counting only what matches', async () => {
    const all = await everyFor('nav.officer');
    const requested = await everyFor('nav.officer', { status: 'REQUESTED' });
    expect(requested.items.map((item) => item.id)).toEqual(
      all.items.filter((item) => item.status === 'REQUESTED').map((item) => item.id),
    );
    expect(requested.totalCount).toBe(requested.items.length);

    const region = all.items[0]?.region.id as string;
    const ofRegion = await pageFor('nav.officer', { regionId: region });
    expect(ofRegion.totalCount).toBe(all.items.filter((item) => item.region.id === region).length);
    expect(ofRegion.items.every((item) => item.region.id === region)).toBe(true);
  });

  it("finds a client's shared name or the NAV office's name, case-insensitively, and takes % as a letter", async () => {
    const all = await everyFor('nav.officer');
    const name = all.items[0]?.sharedClientData.name as string;
    const byName = await everyFor('nav.officer', { search: ` ${name.toUpperCase()} ` });
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((item) => item.sharedClientData.name === name)).toBe(true);

    const office = all.items[0]?.navOffice.name as string;
    const byOffice = await everyFor('nav.officer', { search: office.toLowerCase() });
    expect(byOffice.totalCount).toBe(all.items.filter((item) => item.navOffice.name === office).length);

    expect(await pageFor('nav.officer', { search: '%' })).toMatchObject({ totalCount: 0, items: [] });
  });

  it('refuses a search longer than the limit, naming the argument', async () => {
    const result = await subgraph.execute(
      pageQuery,
      { search: 'x'.repeat(assessmentSearchMaxLength + 1), first: 10, offset: 0 },
      { as: 'nav.officer' },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    // At the limit it is a search like any other.
    await pageFor('nav.officer', { search: 'x'.repeat(assessmentSearchMaxLength) });
  });

  it("offers the regions of what the caller may see, and a filter never widens that to another region's", async () => {
    const all = await everyFor('nav.officer');
    const regions = [...new Set(all.items.map((item) => item.region.id))].sort();
    expect((await pageFor('nav.officer', { regionId: regions[0] as string, search: 'zzz' })).regions).toEqual(
      regions.map((id) => ({ id })),
    );

    const drammen = await pageFor('drammen.adviser');
    expect(drammen.totalCount).toBeGreaterThan(0);
    expect(drammen.regions).toEqual([{ id: 'drammensregionen' }]);
    expect(drammen.items.every((item) => item.region.id === 'drammensregionen')).toBe(true);
    expect(await pageFor('drammen.adviser', { regionId: 'follo' })).toMatchObject({ totalCount: 0, items: [] });
    expect(await pageFor('innovasjonnorge.officer')).toEqual({
      items: [],
      totalCount: 0,
      hasNextPage: false,
      regions: [],
    });
  });

  it('sends as many SQL statements for a page of all as for a page of two', async () => {
    const statementsFor = async (variables: Record<string, unknown>) => {
      const before = sqlStatementCount(subgraph.orm);
      await pageFor('nav.officer', variables);
      return sqlStatementCount(subgraph.orm) - before;
    };
    const all = await pageFor('nav.officer');
    expect(all.items.length).toBeGreaterThan(2);
    // Searching and filtering cost no more per row either.
    for (const filters of [{}, { status: 'REQUESTED', search: 'a' }]) {
      expect(await statementsFor({ ...filters, first: 200 })).toBe(await statementsFor({ ...filters, first: 2 }));
    }
  });
});
