// Reads Statistics Norway's population table 01222 in JSON-stat2 (PxWebApi v0) into figures per
// municipality and date. Only the structure of the format is trusted; every value is checked.
import { z } from 'zod';

const category = z.object({
  // JSON-stat2 allows the index as an array of codes or as an object from code to position.
  index: z.union([z.array(z.string()), z.record(z.string(), z.number().int().nonnegative())]).optional(),
  label: z.record(z.string(), z.string()).optional(),
});

const dataset = z.object({
  class: z.literal('dataset'),
  id: z.array(z.string()).min(1),
  size: z.array(z.number().int().positive()).min(1),
  dimension: z.record(z.string(), z.object({ category })),
  value: z.union([z.array(z.number().nullable()), z.record(z.string(), z.number().nullable())]),
});

export interface SsbPopulationFigure {
  municipalityNumber: string;
  /** The date the figure counts inhabitants on: the day after the quarter ends. */
  date: string;
  population: number;
}

export interface SsbReadResult {
  figures: SsbPopulationFigure[];
  /** Region codes that are not municipalities (the county, the country) or have no value. */
  skipped: string[];
}

export class SsbFormatError extends Error {}

/** The population content of table 01222: "Befolkning ved utgangen av kvartalet". */
const populationContent = 'Folketallet11';

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
  if (!match) throw new SsbFormatError(`Not a quarter of table 01222: ${period} (expected e.g. 2021K2)`);
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  return quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
}

/** "K-3001" (PxWebApi's municipality code) or "3001"; null for anything that is not a municipality. */
function municipalityNumber(regionCode: string): string | null {
  const match = /^(?:K-)?(\d{4})$/.exec(regionCode);
  return match?.[1] ?? null;
}

export function readSsbPopulation(json: unknown): SsbReadResult {
  const parsed = dataset.safeParse(json);
  if (!parsed.success) {
    throw new SsbFormatError(`Not a JSON-stat2 dataset: ${z.prettifyError(parsed.error)}`);
  }
  const { id, size, dimension, value } = parsed.data;
  if (id.length !== size.length) throw new SsbFormatError('id[] and size[] differ in length');
  for (const required of ['Region', 'Tid']) {
    if (!id.includes(required))
      throw new SsbFormatError(`The dataset has no ${required} dimension (is it table 01222?)`);
  }

  const codes = id.map((dimensionId, i) => {
    const definition = dimension[dimensionId];
    if (!definition) throw new SsbFormatError(`Dimension ${dimensionId} is listed in id[] but not described`);
    const inOrder = codesInOrder(dimensionId, definition.category.index, size[i] as number);
    if (inOrder.length !== size[i])
      throw new SsbFormatError(`Dimension ${dimensionId} has ${inOrder.length} categories, size says ${size[i]}`);
    return inOrder;
  });

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
      );
    }
    fixed.set(i, position);
  });

  // Row-major order: the last dimension varies fastest.
  const strides = size.map((_, i) => size.slice(i + 1).reduce((a, b) => a * b, 1));
  const valueAt = (flat: number) => (Array.isArray(value) ? value[flat] : value[String(flat)]) ?? null;
  const regionAxis = id.indexOf('Region');
  const periodAxis = id.indexOf('Tid');

  const figures: SsbPopulationFigure[] = [];
  const skipped: string[] = [];
  (codes[regionAxis] as string[]).forEach((regionCode, regionPosition) => {
    const number = municipalityNumber(regionCode);
    (codes[periodAxis] as string[]).forEach((period, periodPosition) => {
      let flat = regionPosition * (strides[regionAxis] as number) + periodPosition * (strides[periodAxis] as number);
      for (const [axis, position] of fixed) flat += position * (strides[axis] as number);
      const population = valueAt(flat);
      if (number === null || population === null) {
        skipped.push(regionCode);
        return;
      }
      if (!Number.isInteger(population) || population < 0) {
        throw new SsbFormatError(`${regionCode} ${period}: ${population} is not a number of inhabitants`);
      }
      figures.push({ municipalityNumber: number, date: quarterToDate(period), population });
    });
  });
  return { figures, skipped: [...new Set(skipped)] };
}
