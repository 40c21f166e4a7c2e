// The key-figures store: one query per year, the same document with the year as a variable, oldest first.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { keyFigureYearsOf, useRegionKeyFiguresStore } from '../src/stores/regionKeyFigures';
import { jsonResponse, stubGraphQL } from './fixtures';
import { folloKeyFigures } from './region-fixtures';

describe('region key figures store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('loads each year with its own variables, and keeps them in the order asked', async () => {
    const { calls } = stubGraphQL((call) => {
      const year = (call.body.variables as { year: number }).year;
      const statistics = folloKeyFigures.find((figures) => figures.year === year);
      return jsonResponse({ data: { region: { id: 'follo', statistics } } });
    });
    const store = useRegionKeyFiguresStore();

    await store.load('follo', [2022, 2023, 2024, 2025]);

    expect(calls.map((call) => call.body.variables)).toEqual([
      { id: 'follo', year: 2022 },
      { id: 'follo', year: 2023 },
      { id: 'follo', year: 2024 },
      { id: 'follo', year: 2025 },
    ]);
    expect(new Set(calls.map((call) => call.body.query)).size).toBe(1);
    expect(store.figures.map((figures) => figures.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(store.regionId).toBe('follo');
  });

  it('drops the figures when a year fails', async () => {
    stubGraphQL(() => jsonResponse({ errors: [{ message: 'No access.', extensions: { code: 'FORBIDDEN' } }] }));
    const store = useRegionKeyFiguresStore();
    await store.load('follo', [2022]);
    expect(store.figures).toEqual([]);
    expect(store.error?.codes).toEqual(['FORBIDDEN']);
  });

  it('shows years up to this one', () => {
    expect(keyFigureYearsOf([2022, 2023, 2024, 2025, 2026, 2027], new Date('2026-12-07T12:00:00Z'))).toEqual([
      2022, 2023, 2024, 2025, 2026,
    ]);
  });
});
