// Reads Statistics Norway's table 01222 ("Befolkning og kvartalsvise endringar") in JSON-stat 2, as
// PxWebApi (v0 and v2) serves it, into figures per municipality and date. Only the structure of the
// format is trusted; every value is checked, and every cell not imported is reported with a reason.
import { serviceYears } from '@etablerer/kit';
import { z } from 'zod';
import { isCountyMunicipality, numberOn } from './municipality-numbers.js';

const category = z.object({
  // JSON-stat 2 allows the index as an array of codes or as an object from code to position.
  index: z.union([z.array(z.string()), z.record(z.string(), z.number().int().nonnegative())]).optional(),
  label: z.record(z.string(), z.string()).optional(),
});

const dataset = z.object({
  class: z.literal('dataset'),
  label: z.string().optional(),
  updated: z.iso.datetime({ offset: true, local: true, error: 'must be a date and time, e.g. 2021-08-19T06:00:00Z' }),
  id: z.array(z.string()).min(1),
  size: z.array(z.number().int().positive()).min(1),
  dimension: z.record(z.string(), z.object({ category })),
  value: z.union([z.array(z.number().nullable()), z.record(z.string(), z.number().nullable())]),
  // SSB's symbol for a missing value, by the value's position: ".." not available, ":" confidential, …
  status: z.union([z.array(z.string().nullable()), z.record(z.string(), z.string())]).optional(),
  extension: z.object({ px: z.object({ tableid: z.string().optional() }).optional() }).optional(),
});

/** The table this reader understands. */
export const populationTable = '01222';

/** Table 01222's content "Befolkning ved utgangen av kvartalet" (population at the end of the quarter). */
export const populationContent = 'Folketallet11';

export interface SsbPopulationFigure {
  /** The number the municipality had on `date` (Viken's 30xx before 2024, 31xx–33xx after). */
  municipalityNumber: string;
  /** The region code as the file gives it, e.g. `K-3101` or `3001`. */
  regionCode: string;
  /** The date the figure counts inhabitants on: the day after the quarter ends. */
  date: string;
  population: number;
}

export const skipReasons = ['NOT_A_MUNICIPALITY', 'OUTSIDE_COUNTY', 'NO_FIGURE', 'OUTSIDE_SERVICE_YEARS'] as const;
export type SkipReason = (typeof skipReasons)[number];

export interface SkippedRow {
  regionCode: string;
  /** SSB's name for the region, when the file has one. */
  label: string | null;
  /** The quarter, e.g. `2021K2`; null when the whole region is skipped. */
  period: string | null;
  reason: SkipReason;
  /** Why, in a sentence (in English; the console words the reason itself). */
  message: string;
}

export interface SsbReadResult {
  /** The SSB table id, `01222`. */
  table: string;
  /** When SSB last updated the table, as the file says. */
  updatedAt: Date;
  figures: SsbPopulationFigure[];
  skipped: SkippedRow[];
}

/**
 * Why a file is not what the import takes, as a code a client words in its own language (the message is the
 * technical detail, in English, for the log and the API's users): not JSON, too large, not a JSON-stat 2 dataset,
 * another table than 01222, a selection the import cannot read (several categories, not quarters, no population),
 * a broken dataset, or no figures for the county's municipalities.
 */
export type SsbFormatReason =
  | 'NOT_JSON'
  | 'TOO_LARGE'
  | 'NOT_JSON_STAT'
  | 'WRONG_TABLE'
  | 'WRONG_SELECTION'
  | 'BROKEN'
  | 'NO_FIGURES';

export class SsbFormatError extends Error {
  constructor(
    message: string,
    readonly reason: SsbFormatReason = 'BROKEN',
  ) {
    super(message);
  }
}

function codesInOrder(dimensionId: string, index: z.infer<typeof category>['index'], size: number): string[] {
  if (!index) {
    if (size === 1) return ['_'];
    throw new SsbFormatError(`Dimension ${dimensionId} has ${size} categories but no index`);
  }
  if (Array.isArray(index)) return index;
  const codes: string[] = [];
  for (const [code, position] of Object.entries(index)) codes[position] = code;
  return codes;
}

/** "2021K2" (end of 2021's second quarter) is the population as of 2021-07-01. */
export function quarterToDate(period: string): string {
  const match = /^(\d{4})K([1-4])$/.exec(period);
  if (!match)
    throw new SsbFormatError(`Not a quarter of table 01222: ${period} (expected e.g. 2021K2)`, 'WRONG_SELECTION');
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  return quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
}

/** "K-3101" (a code of SSB's "current municipalities" grouping) or "3001"; null for counties and the country. */
function municipalityNumber(regionCode: string): string | null {
  const match = /^(?:K-)?(\d{4})$/.exec(regionCode);
  return match?.[1] ?? null;
}

/** The table id from `extension.px.tableid` (PxWebApi) or the label, "01222: Befolkning …". */
function tableOf(data: z.infer<typeof dataset>): string | null {
  return data.extension?.px?.tableid ?? /^(\d{5}):/.exec(data.label ?? '')?.[1] ?? null;
}

export function readSsbPopulation(json: unknown): SsbReadResult {
  const parsed = dataset.safeParse(json);
  if (!parsed.success) {
    throw new SsbFormatError(`Not a JSON-stat 2 dataset from SSB: ${z.prettifyError(parsed.error)}`, 'NOT_JSON_STAT');
  }
  const data = parsed.data;
  const table = tableOf(data);
  if (table === null) {
    throw new SsbFormatError(
      `The file does not say which SSB table it is (no extension.px.tableid and no label "${populationTable}: …")`,
      'WRONG_TABLE',
    );
  }
  if (table !== populationTable) {
    throw new SsbFormatError(
      `This is SSB table ${table}; the population is read from table ${populationTable}`,
      'WRONG_TABLE',
    );
  }
  const { id, size, dimension, value, status } = data;
  if (id.length !== size.length) throw new SsbFormatError('id[] and size[] differ in length');
  for (const required of ['Region', 'Tid']) {
    if (!id.includes(required)) throw new SsbFormatError(`The dataset has no ${required} dimension`);
  }

  const codes = id.map((dimensionId, i) => {
    const definition = dimension[dimensionId];
    if (!definition) throw new SsbFormatError(`Dimension ${dimensionId} is listed in id[] but not described`);
    const inOrder = codesInOrder(dimensionId, definition.category.index, size[i] as number);
    if (inOrder.length !== size[i] || inOrder.includes(undefined as never))
      throw new SsbFormatError(`Dimension ${dimensionId} has ${inOrder.length} categories, size says ${size[i]}`);
    return inOrder;
  });
  const cells = size.reduce((a, b) => a * b, 1);
  const valueCount = Array.isArray(value) ? value.length : Object.keys(value).length;
  if (Array.isArray(value) && valueCount !== cells) {
    throw new SsbFormatError(`The dataset has ${valueCount} values, its dimensions make ${cells}`);
  }

  // Every dimension other than region and period must pin one category: the population content.
  const fixed = new Map<number, number>();
  id.forEach((dimensionId, i) => {
    if (dimensionId === 'Region' || dimensionId === 'Tid') return;
    const categories = codes[i] as string[];
    const position =
      dimensionId === 'ContentsCode' ? categories.indexOf(populationContent) : categories.length === 1 ? 0 : -1;
    if (position < 0) {
      throw new SsbFormatError(
        dimensionId === 'ContentsCode'
          ? `The dataset has no ${populationContent} (population at the end of the quarter)`
          : `Dimension ${dimensionId} has several categories; select one`,
        'WRONG_SELECTION',
      );
    }
    fixed.set(i, position);
  });

  // Row-major order: the last dimension varies fastest.
  const strides = size.map((_, i) => size.slice(i + 1).reduce((a, b) => a * b, 1));
  const valueAt = (flat: number) => (Array.isArray(value) ? value[flat] : value[String(flat)]) ?? null;
  const statusAt = (flat: number) => (Array.isArray(status) ? status[flat] : status?.[String(flat)]) ?? null;
  const regionAxis = id.indexOf('Region');
  const periodAxis = id.indexOf('Tid');
  const regionLabels = dimension.Region?.category.label ?? {};
  const periods = (codes[periodAxis] as string[]).map((period) => ({ period, date: quarterToDate(period) }));

  const figures = new Map<string, SsbPopulationFigure>();
  const skipped: SkippedRow[] = [];
  (codes[regionAxis] as string[]).forEach((regionCode, regionPosition) => {
    const label = regionLabels[regionCode] ?? null;
    const skip = (period: string | null, reason: SkipReason, message: string): void => {
      skipped.push({ regionCode, label, period, reason, message });
    };
    const number = municipalityNumber(regionCode);
    if (number === null) {
      skip(null, 'NOT_A_MUNICIPALITY', 'a county or the country, not a municipality');
      return;
    }
    if (!isCountyMunicipality(number)) {
      skip(null, 'OUTSIDE_COUNTY', 'not one of the municipalities of Viken, Østfold, Akershus or Buskerud');
      return;
    }
    periods.forEach(({ period, date }, periodPosition) => {
      let flat = regionPosition * (strides[regionAxis] as number) + periodPosition * (strides[periodAxis] as number);
      for (const [axis, position] of fixed) flat += position * (strides[axis] as number);
      const year = Number(date.slice(0, 4));
      if (year < serviceYears.first || year > serviceYears.last) {
        skip(period, 'OUTSIDE_SERVICE_YEARS', `${date} is outside ${serviceYears.first}–${serviceYears.last}`);
        return;
      }
      const population = valueAt(flat);
      if (population === null) {
        const symbol = statusAt(flat);
        skip(period, 'NO_FIGURE', symbol ? `no figure (SSB marks it "${symbol}")` : 'no figure');
        return;
      }
      // More than 10 million would be more than Norway: a broken file, not a figure.
      if (!Number.isInteger(population) || population < 0 || population > 10_000_000) {
        throw new SsbFormatError(`${regionCode} ${period}: ${population} is not a number of inhabitants`);
      }
      const figure = { municipalityNumber: numberOn(number, date), regionCode, date, population };
      const key = `${figure.municipalityNumber} ${date}`;
      const earlier = figures.get(key);
      // SSB lists a municipality under its old and its new number; both must agree on a date.
      if (earlier && earlier.population !== population) {
        throw new SsbFormatError(
          `${earlier.regionCode} and ${regionCode} are the same municipality but give ${date} different figures (${earlier.population} and ${population})`,
        );
      }
      if (!earlier) figures.set(key, figure);
    });
  });
  // SSB writes UTC ("…Z"); a time without a zone is read as UTC too, never as this machine's time.
  const updatedAt = new Date(/(?:Z|[+-]\d\d:?\d\d)$/i.test(data.updated) ? data.updated : `${data.updated}Z`);
  return { table, updatedAt, figures: [...figures.values()], skipped };
}
