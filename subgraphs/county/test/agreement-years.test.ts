// Query.agreementYears: the years the console offers come from the agreements, up to next year.
import type { Caller, Orm, SubgraphRequest } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementYearsBetween } from '../src/agreement-years.js';
import { type Context, createContext } from '../src/context.js';
import { AgreementSchema } from '../src/entities/agreement.js';
import { countySubgraph } from '../src/server.js';

describe('agreementYearsBetween', () => {
  it('runs from the first agreement year to the last, never beyond next year', () => {
    expect(agreementYearsBetween(2022, 2025, 2024)).toEqual([2022, 2023, 2024, 2025]);
    expect(agreementYearsBetween(2022, 2029, 2026)).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
  });
  it('reaches the current year when every agreement has ended', () => {
    expect(agreementYearsBetween(2022, 2025, 2027)).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
  });
  it('is the current year alone without agreements, and starts no later than it', () => {
    expect(agreementYearsBetween(null, null, 2026)).toEqual([2026]);
    expect(agreementYearsBetween(2028, 2031, 2026)).toEqual([2026, 2027]);
  });
});

describe('Query.agreementYears', () => {
  let today = '2024-06-15';
  let subgraph: TestSubgraph<Context>;
  beforeAll(async () => {
    subgraph = await createTestSubgraph({
      ...countySubgraph,
      context: (orm: Orm, caller: Caller, request: SubgraphRequest) => createContext(orm, caller, request, () => today),
    });
  });
  afterAll(() => subgraph?.close());
  const years = async (as?: string | null) => subgraph.execute(`query Years { agreementYears }`, {}, { as });

  it('gives the demo agreements’ years up to next year', async () => {
    const [row] = await subgraph.orm.em
      .fork()
      .execute<{ first: number; last: number }[]>(
        'select min(extract(year from valid_from))::int as first, max(extract(year from valid_to))::int as last from agreement',
      );
    // The demo's first period starts in 2022; the renewals run to the end of 2029.
    expect(row).toEqual({ first: 2022, last: 2029 });
    today = '2024-06-15';
    expect((await years()).data).toEqual({ agreementYears: [2022, 2023, 2024, 2025] });
    // Next year at the most, although the renewals run on to 2029.
    today = '2026-12-07';
    expect((await years()).data).toEqual({ agreementYears: [2022, 2023, 2024, 2025, 2026, 2027] });
  });

  it('offers a renewed period’s first year as soon as it is recorded', async () => {
    today = '2026-12-07';
    const em = subgraph.orm.em.fork();
    await em.transactional(async (tx) => {
      tx.create(AgreementSchema, {
        id: 'follo-2027',
        regionId: 'follo',
        validFrom: '2027-01-01',
        validTo: '2030-12-31',
        originalValidTo: '2030-12-31',
        signedOn: null,
      });
    });
    expect((await years()).data).toEqual({ agreementYears: [2022, 2023, 2024, 2025, 2026, 2027] });
  });

  it('is for signed-in callers', async () => {
    expect((await years('follo.adviser')).errors).toBeUndefined();
    expect((await years(null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
