// The years store against a stubbed gateway: the years come from Query.agreementYears, asked once,
// and the default year follows them rather than a year written in the code.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultYearOf, useYearsStore } from '../src/stores/years';
import { jsonResponse, stubGraphQL } from './fixtures';

describe('years store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('asks the graph for the agreement years once', async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({ data: { agreementYears: [2022, 2023, 2024, 2025, 2026, 2027] } }),
    );
    const store = useYearsStore();

    await store.load();
    await store.load();

    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.query).toContain('agreementYears');
    expect(store.years).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
  });

  it('keeps the years unknown, with the error, when the graph fails', async () => {
    stubGraphQL(() =>
      jsonResponse({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }),
    );
    const store = useYearsStore();
    await store.load();
    expect(store.years).toBeNull();
    expect(store.error?.codes).toEqual(['UNAUTHENTICATED']);
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
