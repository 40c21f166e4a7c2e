// The overview store against a stubbed gateway: one query with the year as a variable, the loading flag and failures.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { useOverviewStore } from '../src/stores/overview';
import { jsonResponse, stubGraphQL } from './fixtures';
import { folloYear, gatherings2024, haldenYear } from './overview-fixtures';

describe('overview store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('loads the regions and gatherings of a year in one query, the year as a variable', async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({ data: { regions: [folloYear, haldenYear], gatherings: gatherings2024 } }),
    );
    const store = useOverviewStore();

    await store.load(2024);

    expect(calls).toHaveLength(1);
    const query = calls[0]?.body.query ?? '';
    expect(query).toContain('query CoordinationOverview($year: Int!)');
    expect(query).toContain('funding(year: $year)');
    expect(query).toContain('gatherings(year: $year)');
    // The year travels only as a variable, never inlined in the document.
    expect(query).not.toContain('2024');
    expect(calls[0]?.body.variables).toEqual({ year: 2024 });
    expect(store.regions.map((region) => region.name)).toEqual(['Follo', 'Halden']);
    expect(store.gatherings).toEqual(gatherings2024);
    expect(store.year).toBe(2024);
    expect(store.loading).toBe(false);
    expect(store.error).toBeNull();
  });

  it('asks for the year it is given', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { regions: [], gatherings: [] } }));
    const store = useOverviewStore();

    await store.load(2022);
    await store.load(2026);

    expect(calls.map((call) => call.body.variables)).toEqual([{ year: 2022 }, { year: 2026 }]);
    expect(store.year).toBe(2026);
  });

  it('is loading while the request runs, and not after', async () => {
    let answer!: (response: Response) => void;
    stubGraphQL(() => new Promise<Response>((resolve) => (answer = resolve)));
    const store = useOverviewStore();

    const loading = store.load(2024);
    expect(store.loading).toBe(true);
    answer(jsonResponse({ data: { regions: [folloYear], gatherings: [] } }));
    await loading;

    expect(store.loading).toBe(false);
    expect(store.regions).toHaveLength(1);
  });

  it('reports an error, and drops the figures of the year shown before', async () => {
    let fail = false;
    stubGraphQL(() =>
      fail
        ? jsonResponse({ errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }] })
        : jsonResponse({ data: { regions: [folloYear], gatherings: gatherings2024 } }),
    );
    const store = useOverviewStore();
    await store.load(2024);

    fail = true;
    await store.load(2025);

    expect(store.error).toEqual({ message: 'Not yours.', codes: ['FORBIDDEN'] });
    expect(store.regions).toEqual([]);
    expect(store.gatherings).toEqual([]);
    expect(store.year).toBeNull();
    expect(store.loading).toBe(false);
  });

  it('keeps only the answer to the newest request when years are switched quickly', async () => {
    const answers: Array<(response: Response) => void> = [];
    stubGraphQL(() => new Promise<Response>((resolve) => answers.push(resolve)));
    const store = useOverviewStore();

    const first = store.load(2023);
    const second = store.load(2024);
    answers[1]?.(jsonResponse({ data: { regions: [haldenYear], gatherings: [] } }));
    answers[0]?.(jsonResponse({ data: { regions: [folloYear], gatherings: [] } }));
    await Promise.all([first, second]);

    expect(store.year).toBe(2024);
    expect(store.regions.map((region) => region.id)).toEqual(['halden']);
  });
});
