// The 2024 county split's reference rules: numbers over time, each region's county, the payers of a
// region and a county officer's authority, checked against Statistics Norway's 2024 numbers.
import { describe, expect, it } from 'vitest';
import { canSeePersonalDataIn, regionsWithPersonalData, requireRole } from '../src/access.js';
import type { Caller } from '../src/auth.js';
import {
  hasCountyAuthorityOver,
  municipalityCountyOn,
  municipalityKey,
  municipalityNumberOn,
  regionCounty,
  regionCountyOn,
  regionPayers,
  regionsOfCounty,
} from '../src/counties.js';
import { referenceMunicipalities, referenceRegions } from '../src/reference-data.js';

const officer = (county: string): Caller => ({
  subject: `${county}.officer`,
  name: 'n',
  role: 'COUNTY_OFFICER',
  organisation: { id: county, kind: 'COUNTY', name: county },
  scopes: [],
});

describe('municipality numbers', () => {
  it('gives every one of the 51 municipalities its 2024 number in the right county', () => {
    const numbers = referenceMunicipalities().map((m) => municipalityNumberOn(m.number, '2024-01-01'));
    expect(new Set(numbers).size).toBe(51);
    const byCounty = (prefix: string) => numbers.filter((number) => number?.startsWith(prefix)).length;
    // Østfold 12, Akershus 21 (with Jevnaker and Lunner), Buskerud 18.
    expect([byCounty('31'), byCounty('32'), byCounty('33')]).toEqual([12, 21, 18]);
  });

  it('changes on 2024-01-01 and resolves either number to the one kept', () => {
    expect(municipalityNumberOn('3020', '2023-12-31')).toBe('3020');
    expect(municipalityNumberOn('3020', '2024-01-01')).toBe('3207');
    expect(municipalityKey('3207')).toBe('3020');
    expect(municipalityKey('3020')).toBe('3020');
    expect(municipalityKey('0301')).toBeUndefined();
    expect(municipalityCountyOn('3053', '2023-06-30')).toBe('viken');
    expect(municipalityCountyOn('3053', '2024-06-30')).toBe('akershus');
  });
});

describe('regions and their counties', () => {
  it('puts each region under the county of its contract municipality from 2024, Viken before', () => {
    expect(regionsOfCounty('ostfold')).toEqual(['halden', 'indre-ostfold', 'mosseregionen', 'nedre-glomma']);
    expect(regionsOfCounty('akershus')).toEqual(['asker-og-baerum', 'follo', 'nedre-romerike', 'ovre-romerike']);
    expect(regionsOfCounty('buskerud')).toEqual([
      'drammensregionen',
      'hallingdal',
      'kongsbergregionen',
      'midt-buskerud',
      'ringerike-og-hadeland',
    ]);
    expect(regionsOfCounty('viken')).toEqual([]);
    expect(regionCountyOn('follo', '2023-12-31')).toBe('viken');
    expect(regionCounty('ringerike-og-hadeland')).toBe('buskerud');
  });

  it('has two payers where a region’s municipalities lie in two counties, from 2024 only', () => {
    const mosse = referenceRegions().find((region) => region.id === 'mosseregionen')?.municipalityNumbers ?? [];
    expect(regionPayers('mosseregionen', mosse, 2023)).toEqual([
      { countyId: 'viken', municipalityNumbers: ['3002', '3017', '3018', '3019'] },
    ]);
    expect(regionPayers('mosseregionen', mosse, 2024)).toEqual([
      { countyId: 'ostfold', municipalityNumbers: ['3002', '3017', '3018'] },
      { countyId: 'akershus', municipalityNumbers: ['3019'] },
    ]);
    const regionsWithTwo = referenceRegions()
      .filter((region) => regionPayers(region.id, region.municipalityNumbers, 2024).length > 1)
      .map((region) => region.id);
    expect(regionsWithTwo).toEqual(['mosseregionen', 'ringerike-og-hadeland']);
  });
});

describe('a county officer’s authority', () => {
  it('covers their county’s regions only; Viken’s officers none, and no role-guarded action', () => {
    expect(hasCountyAuthorityOver(officer('akershus'), 'follo')).toBe(true);
    expect(hasCountyAuthorityOver(officer('akershus'), 'drammensregionen')).toBe(false);
    expect(canSeePersonalDataIn(officer('buskerud'), 'drammensregionen')).toBe(true);
    expect(canSeePersonalDataIn(officer('ostfold'), 'drammensregionen')).toBe(false);
    expect(regionsWithPersonalData(officer('viken'))).toEqual([]);
    expect(canSeePersonalDataIn(officer('viken'), 'follo')).toBe(false);
    expect(() => requireRole(officer('viken'), 'COUNTY_OFFICER')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    );
    expect(() => requireRole(officer('ostfold'), 'COUNTY_OFFICER')).not.toThrow();
  });
});
