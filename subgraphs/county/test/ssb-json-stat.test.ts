// Reading SSB's JSON-stat2 without a database: quarters, row-major values, both index forms.
import { describe, expect, it } from 'vitest';
import { quarterToDate, readSsbPopulation } from '../src/population/ssb-json-stat.js';

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

describe('readSsbPopulation', () => {
  it('reads regions by periods in row-major order, with the index given as an array', () => {
    const result = readSsbPopulation({
      class: 'dataset',
      id: ['Region', 'Tid', 'ContentsCode'],
      size: [2, 2, 1],
      dimension: {
        Region: { category: { index: ['3012', 'K-3013'] } },
        Tid: { category: { index: ['2021K1', '2021K2'] } },
        ContentsCode: { category: { index: ['Folketallet11'] } },
      },
      value: [1290, 1301, 3601, null],
    });
    expect(result).toEqual({
      figures: [
        { municipalityNumber: '3012', date: '2021-04-01', population: 1290 },
        { municipalityNumber: '3012', date: '2021-07-01', population: 1301 },
        { municipalityNumber: '3013', date: '2021-04-01', population: 3601 },
      ],
      skipped: ['K-3013'],
    });
  });

  it('refuses negative or fractional populations', () => {
    const dataset = (value: number) => ({
      class: 'dataset',
      id: ['Region', 'Tid'],
      size: [1, 1],
      dimension: { Region: { category: { index: ['3012'] } }, Tid: { category: { index: ['2021K2'] } } },
      value: [value],
    });
    expect(() => readSsbPopulation(dataset(-1))).toThrow(/not a number of inhabitants/);
    expect(() => readSsbPopulation(dataset(12.5))).toThrow(/not a number of inhabitants/);
  });
});
