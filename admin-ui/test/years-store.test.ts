// The years store against a stubbed gateway: the years come from Query.agreementYears through the query layer, asked
// once per session, and the default year follows them rather than a year written in the code.
import { useQueryCache } from '@pinia/colada';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { forgetAnswers, invalidateAnswers } from '../src/graphql/queries';
import { useServiceStatusStore } from '../src/stores/serviceStatus';
import { defaultYearOf, useYearsStore } from '../src/stores/years';
import { jsonResponse, queryLayer, runInComponent, stubGraphQL } from './fixtures';

/** The years store of a fresh session: a Pinia with the query layer. */
function newSession() {
  const pinia = createPinia();
  runInComponent(() => null, [pinia, queryLayer(pinia)]);
  return { store: useYearsStore(pinia), pinia };
}

describe('years store', () => {
  it('asks the graph for the agreement years once, also when asked twice at once', async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({ data: { agreementYears: [2022, 2023, 2024, 2025, 2026, 2027] } }),
    );
    const { store } = newSession();

    await Promise.all([store.load(), store.load()]);
    await store.load();

    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.query).toContain('agreementYears');
    expect(store.years).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
  });

  it('is not asked again after a change or for another caller: the answer stays in the query layer', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { agreementYears: [2024, 2025] } }));
    const { store, pinia } = newSession();
    await store.load();
    const cache = useQueryCache(pinia);
    await invalidateAnswers(cache);
    forgetAnswers(cache);
    store.years = null;
    await store.load();
    expect(calls).toHaveLength(1);
    expect(store.years).toEqual([2024, 2025]);
  });

  it('keeps the years unknown when the graph fails, and asks again at the next load', async () => {
    let answer = () =>
      jsonResponse({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] });
    const { calls } = stubGraphQL(() => answer());
    const { store } = newSession();
    await store.load();
    expect(store.years).toBeNull();

    answer = () => jsonResponse({ data: { agreementYears: [2026] } });
    await store.load();
    expect(calls).toHaveLength(2);
    expect(store.years).toEqual([2026]);
  });

  it('tells the service banner when the agreements came without a service', async () => {
    stubGraphQL(() =>
      jsonResponse({
        errors: [{ message: 'county down', extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'county' } }],
      }),
    );
    const { store, pinia } = newSession();
    await store.load();
    expect(store.years).toBeNull();
    expect(useServiceStatusStore(pinia).unavailableServices).toEqual(['county']);
  });
});

describe('defaultYearOf', () => {
  const years = [2022, 2023, 2024, 2025, 2026, 2027];
  it('is this year when it is offered', () => {
    expect(defaultYearOf(years, new Date('2026-12-07T12:00:00Z'))).toBe(2026);
  });
  it('is the last offered year after the years, the first before them', () => {
    expect(defaultYearOf(years, new Date('2031-03-01T12:00:00Z'))).toBe(2027);
    expect(defaultYearOf(years, new Date('2019-06-01T12:00:00Z'))).toBe(2022);
  });
  it('turns the year at midnight in Oslo, not in the browser’s time zone', () => {
    // 23:30 UTC on New Year's Eve is 00:30 on New Year's Day in Oslo.
    expect(defaultYearOf(years, new Date('2025-12-31T23:30:00Z'))).toBe(2026);
  });
  it('is this year while no years are known', () => {
    expect(defaultYearOf([], new Date('2026-12-07T12:00:00Z'))).toBe(2026);
  });
});
