// The region store against a stubbed gateway: one query with variables, the not-found answer, and failures.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRegionStore } from '../src/stores/region';
import { jsonResponse, stubGraphQL } from './fixtures';
import { folloPage } from './region-fixtures';

describe('region store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('loads one region for a year in one query, with the id and year as variables', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { region: folloPage } }));
    const store = useRegionStore();

    await store.load('follo', 2024);

    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.query).toContain('query RegionPage');
    // Key figures across years are loaded by their own store, one query per year: no year is written in here.
    expect(calls[0]?.body.query).not.toMatch(/statistics\(year: \d{4}\)/);
    expect(calls[0]?.body.variables).toEqual({ id: 'follo', year: 2024 });
    expect(store.region?.name).toBe('Follo');
    expect(store.regionId).toBe('follo');
    expect(store.year).toBe(2024);
    expect(store.notFound).toBe(false);
    expect(store.loading).toBe(false);
    expect(store.error).toBeNull();
  });

  it('says so when the gateway knows no region with the id', async () => {
    stubGraphQL(() => jsonResponse({ data: { region: null } }));
    const store = useRegionStore();

    await store.load('atlantis', 2024);

    expect(store.region).toBeNull();
    expect(store.notFound).toBe(true);
    expect(store.error).toBeNull();
  });

  it('keeps the error codes and drops the previous region when a load fails', async () => {
    let fail = false;
    stubGraphQL(() =>
      fail
        ? jsonResponse({ errors: [{ message: 'No access.', extensions: { code: 'FORBIDDEN' } }] })
        : jsonResponse({ data: { region: folloPage } }),
    );
    const store = useRegionStore();
    await store.load('follo', 2024);

    fail = true;
    await store.load('follo', 2025);

    expect(store.region).toBeNull();
    expect(store.error).toEqual({ message: 'No access.', codes: ['FORBIDDEN'] });
    expect(store.loading).toBe(false);
  });

  it('lets only the newest of overlapping loads write the state', async () => {
    const answers: Array<(response: Response) => void> = [];
    stubGraphQL(() => new Promise<Response>((resolve) => answers.push(resolve)));
    const store = useRegionStore();

    const first = store.load('follo', 2023);
    const second = store.load('follo', 2024);
    answers[1]?.(jsonResponse({ data: { region: folloPage } }));
    await second;
    answers[0]?.(jsonResponse({ data: { region: null } }));
    await first;

    expect(store.year).toBe(2024);
    expect(store.notFound).toBe(false);
    expect(store.region?.id).toBe('follo');
  });
});
