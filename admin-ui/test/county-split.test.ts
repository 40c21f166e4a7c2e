// The console's rules for the 2024 county split: the number valid in a year, and who decides for a region.
import { describe, expect, it } from 'vitest';
import { decidesForRegion, numberInYear, payersText } from '../src/composables/countySplit';

const nordreFollo = [
  { number: '3020', validFrom: '2020-01-01', validTo: '2023-12-31' },
  { number: '3207', validFrom: '2024-01-01', validTo: null },
];

describe('numberInYear', () => {
  it('gives Viken’s number up to 2023 and the new one from 2024', () => {
    expect(numberInYear(nordreFollo, '3020', 2023)).toBe('3020');
    expect(numberInYear(nordreFollo, '3020', 2024)).toBe('3207');
    expect(numberInYear(nordreFollo, '3020', 2026)).toBe('3207');
  });

  it('falls back to the number the platform keeps when the history is missing', () => {
    expect(numberInYear(undefined, '3020', 2024)).toBe('3020');
  });
});

describe('decidesForRegion', () => {
  it('lets a county officer decide for their own county’s regions only, and Viken’s for none', () => {
    const akershus = { role: 'COUNTY_OFFICER', organisationId: 'akershus' };
    expect(decidesForRegion(akershus, 'akershus')).toBe(true);
    expect(decidesForRegion(akershus, 'buskerud')).toBe(false);
    expect(decidesForRegion({ role: 'COUNTY_OFFICER', organisationId: 'viken' }, 'akershus')).toBe(false);
    expect(decidesForRegion({ role: 'ADVISER', organisationId: 'akershus' }, 'akershus')).toBe(false);
  });
});

describe('payersText', () => {
  it('names each paying county with its amount', () => {
    const money = (amount: string) => `${amount} kr`;
    expect(
      payersText(
        [
          { county: { id: 'ostfold', name: 'Østfold fylkeskommune' }, amount: '350900.00' },
          { county: { id: 'akershus', name: 'Akershus fylkeskommune' }, amount: '101200.00' },
        ],
        money,
      ),
    ).toBe('Østfold fylkeskommune 350900.00 kr; Akershus fylkeskommune 101200.00 kr');
  });
});
