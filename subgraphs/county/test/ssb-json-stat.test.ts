// Reading SSB's JSON-stat 2 without a database: quarters, row-major values, both index forms, the
// 2024 municipality numbers, and files that are not table 01222.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numberOn, numbersOfSameMunicipality } from '../src/population/municipality-numbers.js';
import { quarterToDate, readSsbPopulation } from '../src/population/ssb-json-stat.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

/** A minimal dataset of table 01222 with the given regions × quarters (row-major: quarters vary fastest). */
const dataset = (regions: string[], periods: string[], value: (number | null)[], extra: object = {}) => ({
  class: 'dataset',
  label: '01222: Befolkning og kvartalsvise endringar, etter region, statistikkvariabel og kvartal',
  updated: '2021-08-19T06:00:00Z',
  id: ['Region', 'Tid'],
  size: [regions.length, periods.length],
  dimension: { Region: { category: { index: regions } }, Tid: { category: { index: periods } } },
  value,
  ...extra,
});

describe('quarterToDate', () => {
  it('counts a quarter-end figure as of the first day of the next quarter', () => {
    expect(quarterToDate('2021K1')).toBe('2021-04-01');
    expect(quarterToDate('2021K2')).toBe('2021-07-01');
    expect(quarterToDate('2021K3')).toBe('2021-10-01');
    expect(quarterToDate('2021K4')).toBe('2022-01-01');
  });
  it('refuses anything else', () => {
    expect(() => quarterToDate('2021')).toThrow(/Not a quarter/);
    expect(() => quarterToDate('2021K5')).toThrow(/Not a quarter/);
  });
});

describe('municipality numbers across 2024-01-01', () => {
  it('gives the number valid on a date, from either number', () => {
    expect(numberOn('3101', '2021-07-01')).toBe('3001'); // Halden
    expect(numberOn('3001', '2024-07-01')).toBe('3101');
    expect(numberOn('3001', '2023-12-31')).toBe('3001');
    expect(numberOn('3053', '2024-01-01')).toBe('3236'); // Jevnaker went to Akershus
    expect(numberOn('3054', '2024-01-01')).toBe('3234'); // Lunner too
    expect(numberOn('3050', '2024-01-01')).toBe('3334'); // Flesberg
    expect(numberOn('3052', '2024-01-01')).toBe('3338'); // Nore og Uvdal
    expect(numberOn('4601', '2024-07-01')).toBe('4601'); // not the county's: unchanged
  });
  it('finds a municipality by either number', () => {
    expect(numbersOfSameMunicipality('3207')).toEqual(['3207', '3020']);
    expect(numbersOfSameMunicipality('3020')).toEqual(['3020', '3207']);
    expect(numbersOfSameMunicipality('9999')).toEqual(['9999']);
  });
});

describe('readSsbPopulation', () => {
  it('reads the end of 2021-Q2 as the population on 2021-07-01, skipping the county', () => {
    const result = readSsbPopulation(fixture('ssb-01222-2021K2.json'));
    expect(result.table).toBe('01222');
    expect(result.updatedAt.toISOString()).toBe('2021-08-19T06:00:00.000Z');
    // Region × ContentsCode × Tid, with Folketallet11 at position 1 of 2: values 1, 3, 5 (7 is Viken).
    expect(result.figures).toEqual([
      { municipalityNumber: '3001', regionCode: 'K-3001', date: '2021-07-01', population: 31444 },
      { municipalityNumber: '3020', regionCode: 'K-3020', date: '2021-07-01', population: 60844 },
      { municipalityNumber: '3054', regionCode: 'K-3054', date: '2021-07-01', population: 9222 },
    ]);
    expect(result.skipped).toEqual([
      {
        regionCode: '30',
        label: 'Viken',
        period: null,
        reason: 'NOT_A_MUNICIPALITY',
        message: 'a county or the country, not a municipality',
      },
    ]);
  });

  it("stores a 2024 number's figure for 2021 under the number valid then, and a 2024 figure under the new one", () => {
    const result = readSsbPopulation(fixture('ssb-01222-2024-numbers.json'));
    expect(result.updatedAt.toISOString()).toBe('2024-08-15T06:00:00.000Z');
    expect(result.figures).toEqual([
      { municipalityNumber: '3001', regionCode: 'K-3101', date: '2021-07-01', population: 31444 },
      { municipalityNumber: '3101', regionCode: 'K-3101', date: '2024-07-01', population: 31905 },
      { municipalityNumber: '3020', regionCode: 'K-3207', date: '2021-07-01', population: 60844 },
      { municipalityNumber: '3207', regionCode: 'K-3207', date: '2024-07-01', population: 62310 },
      { municipalityNumber: '3054', regionCode: 'K-3234', date: '2021-07-01', population: 9222 },
      { municipalityNumber: '3234', regionCode: 'K-3234', date: '2024-07-01', population: 9410 },
    ]);
    expect(result.skipped.map(({ regionCode, reason }) => [regionCode, reason])).toEqual([
      ['K-4601', 'OUTSIDE_COUNTY'],
      ['F-31', 'NOT_A_MUNICIPALITY'],
    ]);
  });

  it('reads a file with the old and the new number, skipping the quarters each number was not in use', () => {
    const result = readSsbPopulation(fixture('ssb-01222-old-and-new-numbers.json'));
    expect(result.figures).toEqual([
      { municipalityNumber: '3001', regionCode: '3001', date: '2021-07-01', population: 31444 },
      { municipalityNumber: '3101', regionCode: '3101', date: '2024-07-01', population: 31905 },
      { municipalityNumber: '3053', regionCode: '3053', date: '2021-07-01', population: 6880 },
      { municipalityNumber: '3236', regionCode: '3236', date: '2024-07-01', population: 7015 },
    ]);
    expect(result.skipped).toEqual([
      {
        regionCode: '3001',
        label: 'Halden (2020-2023)',
        period: '2024K2',
        reason: 'NO_FIGURE',
        message: 'no figure (SSB marks it "..")',
      },
      {
        regionCode: '3101',
        label: 'Halden',
        period: '2021K2',
        reason: 'NO_FIGURE',
        message: 'no figure (SSB marks it "..")',
      },
      {
        regionCode: '3053',
        label: 'Jevnaker (2020-2023)',
        period: '2024K2',
        reason: 'NO_FIGURE',
        message: 'no figure (SSB marks it "..")',
      },
      {
        regionCode: '3236',
        label: 'Jevnaker',
        period: '2021K2',
        reason: 'NO_FIGURE',
        message: 'no figure (SSB marks it "..")',
      },
    ]);
  });

  it('takes one figure when the old and the new number agree, and refuses the file when they do not', () => {
    const agreeing = readSsbPopulation(dataset(['3001', 'K-3101'], ['2021K2'], [31444, 31444]));
    expect(agreeing.figures).toEqual([
      { municipalityNumber: '3001', regionCode: '3001', date: '2021-07-01', population: 31444 },
    ]);
    expect(() => readSsbPopulation(dataset(['3001', 'K-3101'], ['2021K2'], [31444, 31450]))).toThrow(
      '3001 and K-3101 are the same municipality but give 2021-07-01 different figures (31444 and 31450)',
    );
  });

  it('reads regions by periods in row-major order, with the index given as an array', () => {
    const result = readSsbPopulation(dataset(['3012', 'K-3013'], ['2021K1', '2021K2'], [1290, 1301, 3601, null]));
    expect(result.figures).toEqual([
      { municipalityNumber: '3012', regionCode: '3012', date: '2021-04-01', population: 1290 },
      { municipalityNumber: '3012', regionCode: '3012', date: '2021-07-01', population: 1301 },
      { municipalityNumber: '3013', regionCode: 'K-3013', date: '2021-04-01', population: 3601 },
    ]);
    expect(result.skipped).toEqual([
      { regionCode: 'K-3013', label: null, period: '2021K2', reason: 'NO_FIGURE', message: 'no figure' },
    ]);
  });

  it('skips quarters outside the service years', () => {
    const result = readSsbPopulation(dataset(['3012'], ['1999K3', '2021K2'], [1400, 1301]));
    expect(result.figures.map((figure) => figure.date)).toEqual(['2021-07-01']);
    expect(result.skipped).toEqual([
      {
        regionCode: '3012',
        label: null,
        period: '1999K3',
        reason: 'OUTSIDE_SERVICE_YEARS',
        message: '1999-10-01 is outside 2000–2100',
      },
    ]);
  });

  it('refuses negative or fractional populations', () => {
    expect(() => readSsbPopulation(dataset(['3012'], ['2021K2'], [-1]))).toThrow(/not a number of inhabitants/);
    expect(() => readSsbPopulation(dataset(['3012'], ['2021K2'], [12.5]))).toThrow(/not a number of inhabitants/);
  });

  it('refuses a malformed file: fewer values than its dimensions make', () => {
    expect(() => readSsbPopulation(fixture('ssb-01222-malformed.json'))).toThrow(
      'The dataset has 2 values, its dimensions make 3',
    );
  });

  it('refuses another table, a file that names no table, and one without its update time', () => {
    expect(() =>
      readSsbPopulation(dataset(['3012'], ['2021'], [1301], { label: '07459: Befolkning, etter region og år' })),
    ).toThrow('This is SSB table 07459; the population is read from table 01222');
    expect(() => readSsbPopulation(dataset(['3012'], ['2021K2'], [1301], { label: 'Befolkning' }))).toThrow(
      /does not say which SSB table/,
    );
    const { updated: _, ...withoutUpdated } = dataset(['3012'], ['2021K2'], [1301]);
    expect(() => readSsbPopulation(withoutUpdated)).toThrow(/updated/);
  });

  it('refuses a table 01222 file without the population at the end of the quarter', () => {
    const births = dataset(['3012'], ['2021K2'], [10], {
      id: ['Region', 'ContentsCode', 'Tid'],
      size: [1, 1, 1],
      dimension: {
        Region: { category: { index: ['3012'] } },
        ContentsCode: { category: { index: ['Fodte2'] } },
        Tid: { category: { index: ['2021K2'] } },
      },
    });
    expect(() => readSsbPopulation(births)).toThrow('The dataset has no Folketallet11');
    // Another selection in SSB's table would do: the console says so, not that the file is broken.
    expect(() => readSsbPopulation(births)).toThrow(expect.objectContaining({ reason: 'WRONG_SELECTION' }));
  });

  it('reads a time without a zone as UTC', () => {
    const result = readSsbPopulation(dataset(['3012'], ['2021K2'], [1301], { updated: '2021-08-19T06:00:00' }));
    expect(result.updatedAt.toISOString()).toBe('2021-08-19T06:00:00.000Z');
  });
});
