// Viken's 51 municipalities and the 13 demo regions they are grouped into, read from the CSV
// shipped in this package (a copy of the reference data; nothing reads ../shared at run time).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { notFound } from './errors.js';

const municipalityRow = z.object({
  municipality_number: z.string().regex(/^\d{4}$/),
  name: z.string().min(1),
  demo_region: z.string().min(1),
  approx_population_2021: z.coerce.number().int().positive(),
});

export interface ReferenceMunicipality {
  /** Official four-digit municipality number (Viken's 30xx numbers, 2020–2023). */
  number: string;
  name: string;
  regionName: string;
  /** Rounded to hundreds: a demo figure, not Statistics Norway's. */
  approximatePopulation2021: number;
}

export interface ReferenceRegion {
  id: string;
  name: string;
  contractMunicipalityNumber: string;
  municipalityNumbers: string[];
}

const csvUrl = new URL('../data/viken-municipalities.csv', import.meta.url);

let cached: ReferenceMunicipality[] | undefined;

export function referenceMunicipalities(): ReferenceMunicipality[] {
  if (!cached) {
    const rows: unknown[] = parse(readFileSync(csvUrl, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
    cached = rows.map((row) => {
      const parsed = municipalityRow.parse(row);
      return {
        number: parsed.municipality_number,
        name: parsed.name,
        regionName: parsed.demo_region,
        approximatePopulation2021: parsed.approx_population_2021,
      };
    });
  }
  return cached;
}

/** A stable, readable id for a region: "Asker og Bærum" becomes "asker-og-baerum". */
export function regionId(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The contract municipality of the real Follo agreement; elsewhere the demo lets the largest municipality sign. */
const knownContractMunicipalities: Record<string, string> = { Follo: '3020' };

export function referenceRegions(): ReferenceRegion[] {
  const byRegion = new Map<string, ReferenceMunicipality[]>();
  for (const m of referenceMunicipalities()) byRegion.set(m.regionName, [...(byRegion.get(m.regionName) ?? []), m]);
  return [...byRegion.entries()]
    .map(([name, municipalities]) => {
      const largest = municipalities.reduce((a, b) =>
        b.approximatePopulation2021 > a.approximatePopulation2021 ? b : a,
      );
      return {
        id: regionId(name),
        name,
        contractMunicipalityNumber: knownContractMunicipalities[name] ?? largest.number,
        municipalityNumbers: municipalities.map((m) => m.number),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

let regionIds: ReadonlySet<string> | undefined;

/** Whether `id` names a region of the county. */
export function isReferenceRegionId(id: string): boolean {
  regionIds ??= new Set(referenceRegions().map((region) => region.id));
  return regionIds.has(id);
}

/**
 * A region id that another subgraph is about to store, checked with `parseInput` before anything
 * is written: BAD_USER_INPUT naming the field when it names no region (also an id too long for a
 * column, so PostgreSQL never sees it). Checked against this list rather than by asking the
 * regions subgraph: regions seeds its regions from this same list and no mutation adds, renames
 * or removes one, so the list is the owner's, and answers without a call that could be down.
 */
export const referenceRegionId = z
  .string()
  .refine(isReferenceRegionId, "there is no region with this id (a region's id is e.g. `follo`)");

/**
 * The Region entity reference for a region id another subgraph stored, for a field that resolves
 * it through the graph. A stored id that names no region (one written before region ids were
 * checked) is NOT_FOUND on that field only: the field is nullable, so the item and its list still
 * come back, with one error naming where.
 */
export function storedRegionReference(id: string): { id: string } {
  if (!isReferenceRegionId(id))
    throw notFound(
      `There is no region ${JSON.stringify(id.slice(0, 60))}; it was stored before region ids were checked.`,
    );
  return { id };
}
