// The advisers' client list: filters and pages over the demo data, checked against the generator.
import { demoClients } from '@etablerer/kit/demo';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
});
afterAll(() => subgraph?.close());

const clientsQuery = `query Clients($search: String, $adviserId: ID, $from: Date, $to: Date, $background: ImmigrantBackground,
  $hasBusiness: Boolean, $first: Int!, $offset: Int!) {
  clients(search: $search, adviserId: $adviserId, registeredFrom: $from, registeredTo: $to, immigrantBackground: $background,
    hasBusiness: $hasBusiness, first: $first, offset: $offset) {
    totalCount hasNextPage items { id name immigrantBackground registeredOn businesses { id } }
  }
}`;
type Page = {
  clients: {
    totalCount: number;
    hasNextPage: boolean;
    items: { id: string; name: string; immigrantBackground: string; registeredOn: string; businesses: unknown[] }[];
  };
};
const list = async (variables: Record<string, unknown>) => {
  const { data, errors } = await subgraph.execute<Page>(
    clientsQuery,
    { first: 50, offset: 0, ...variables },
    { as: 'follo.adviser' },
  );
  expect(errors).toBeUndefined();
  return data?.clients as Page['clients'];
};
const follo = () => demoClients().filter((c) => c.regionId === 'follo');

describe('the client list', () => {
  it('pages through the region newest first, with the total and whether more follow', async () => {
    const first = await list({ first: 50, offset: 0 });
    const last = await list({ first: 50, offset: follo().length - 10 });
    expect(first.totalCount).toBe(follo().length);
    expect(first.hasNextPage).toBe(true);
    expect(first.items).toHaveLength(50);
    expect(first.items.map((c) => c.registeredOn)).toEqual(
      [...first.items.map((c) => c.registeredOn)].sort().reverse(),
    );
    expect(last.items).toHaveLength(10);
    expect(last.hasNextPage).toBe(false);
  });

  it('tells the total on a page past the last client, and with the page and total of a search', async () => {
    // The count comes with the page's rows; a page beyond the end has none, and still tells the total.
    const beyond = await list({ first: 50, offset: follo().length + 50 });
    expect(beyond).toEqual({ totalCount: follo().length, hasNextPage: false, items: [] });
    const someone = follo()[7];
    const name = (someone?.name ?? '').toLowerCase();
    const page = await list({ search: someone?.name, first: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.name.toLowerCase()).toContain(name);
    const matching = follo().filter((c) => c.name.toLowerCase().includes(name)).length;
    expect(page.totalCount).toBe(matching);
    expect(page.hasNextPage).toBe(matching > 1);
    // A phone number's start, with its + and space ("+47 9"), is looked for in phone numbers too; a text no
    // phone number can hold (a letter) is not, nor one with a space in e-mail addresses (they have none).
    const phone = someone?.phone ?? '';
    const byPhone = await list({ search: phone.slice(0, 6), first: 200 });
    expect(byPhone.items.map((c) => c.id)).toContain(someone?.id);
    expect(byPhone.totalCount).toBe(follo().filter((c) => c.phone?.includes(phone.slice(0, 6))).length);
    const digits = phone.slice(-5);
    expect((await list({ search: digits, first: 200 })).totalCount).toBe(
      follo().filter((c) => c.phone?.includes(digits) || c.name.includes(digits) || c.email.includes(digits)).length,
    );
    expect(await list({ search: 'no client is called this', first: 50 })).toEqual({
      totalCount: 0,
      hasNextPage: false,
      items: [],
    });
  });

  it('filters by period and immigrant background', async () => {
    const page = await list({ from: '2024-01-01', to: '2024-12-31', background: 'YES', first: 200 });
    const expected = follo().filter((c) => c.registeredOn.startsWith('2024') && c.immigrantBackground === 'YES');
    expect(page.totalCount).toBe(expected.length);
    expect(new Set(page.items.map((c) => c.id))).toEqual(new Set(expected.map((c) => c.id)));
  });

  it('searches names case-insensitively, and treats LIKE wildcards and quotes as text', async () => {
    const someone = follo()[3];
    const lastName = someone?.name.split(' ')[1] as string;
    const page = await list({ search: lastName.toUpperCase(), first: 200 });
    expect(page.totalCount).toBe(
      follo().filter(
        (c) => c.name.toLowerCase().includes(lastName.toLowerCase()) || c.email.includes(lastName.toLowerCase()),
      ).length,
    );
    for (const search of ['%', '_', "' or 1=1 --"]) expect((await list({ search })).totalCount).toBe(0);
  });

  it('filters by having a business, and by the adviser who counselled', async () => {
    const withBusiness = await list({ hasBusiness: true, first: 200 });
    const without = await list({ hasBusiness: false, first: 200 });
    expect(withBusiness.totalCount + without.totalCount).toBe(follo().length);
    expect(withBusiness.items.every((c) => c.businesses.length > 0)).toBe(true);
    expect(without.items.every((c) => c.businesses.length === 0)).toBe(true);

    const { data } = await subgraph.execute<{ region: { advisers: { id: string }[] } }>(
      'query A { region(id: "follo") { advisers { id } } }',
    );
    const counts = await Promise.all(
      (data?.region.advisers ?? []).map(async (a) => (await list({ adviserId: a.id })).totalCount),
    );
    expect(counts.every((count) => count > 0)).toBe(true);
    // Some clients see more than one adviser, so the per-adviser lists overlap.
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(follo().length);
  });
});
