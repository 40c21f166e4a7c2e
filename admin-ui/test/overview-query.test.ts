// The overview's data against a stubbed gateway: one query with the year as a variable, and the loading flag.
// (Switching years, failures and retries are the query layer's: query-layer.test.ts.)
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { useCoordinationOverview } from '../src/queries/overview';
import { jsonResponse, queryLayer, runInComponent, stubGraphQL } from './fixtures';
import { folloYear, gatherings2024, haldenYear } from './overview-fixtures';

enableAutoUnmount(afterEach);

function overviewOf(year: number) {
  const pinia = createPinia();
  return runInComponent(() => useCoordinationOverview(year), [pinia, queryLayer(pinia)]).result;
}

describe('the overview query', () => {
  it('loads the regions and gatherings of a year in one query, the year as a variable', async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({ data: { regions: [folloYear, haldenYear], gatherings: gatherings2024 } }),
    );
    const overview = overviewOf(2024);
    await flushPromises();

    expect(calls).toHaveLength(1);
    const query = calls[0]?.body.query ?? '';
    expect(query).toContain('query CoordinationOverview($year: Int!)');
    expect(query).toContain('funding(year: $year)');
    expect(query).toContain('gatherings(year: $year)');
    // The year travels only as a variable, never inlined in the document.
    expect(query).not.toContain('2024');
    expect(calls[0]?.body.variables).toEqual({ year: 2024 });
    expect(overview.regions.value.map((region) => region.name)).toEqual(['Follo', 'Halden']);
    expect(overview.gatherings.value).toEqual(gatherings2024);
    expect(overview.shownYear.value).toBe(2024);
    expect(overview.loading.value).toBe(false);
    expect(overview.error.value).toBeNull();
  });

  it('is loading while the request runs, and not after', async () => {
    let answer!: (response: Response) => void;
    stubGraphQL(() => new Promise<Response>((resolve) => (answer = resolve)));
    const overview = overviewOf(2024);
    await flushPromises();
    expect(overview.loading.value).toBe(true);
    expect(overview.shownYear.value).toBeNull();

    answer(jsonResponse({ data: { regions: [folloYear], gatherings: [] } }));
    await flushPromises();
    expect(overview.loading.value).toBe(false);
    expect(overview.regions.value).toHaveLength(1);
  });
});
