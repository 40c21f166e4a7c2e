// The 2024 county split: Viken's municipalities with their numbers over time, the county each lay
// in on a day, the county each region answers to, and what a county officer has authority over.
//
// Source of the 2024 numbers and counties: Statistics Norway's classification 131 (Standard for
// kommuneinndeling), the changes valid from 2024-01-01, when Viken was dissolved into Østfold (31),
// Akershus (32) and Buskerud (33). Every 30xx number was replaced; no municipality merged or split.
// Jevnaker (3053) and Lunner (3054) went to Akershus (3236, 3234), not to Innlandet: their region
// here (Ringerike og Hadeland) has its contract municipality, Ringerike, in Buskerud. Vestby (3019)
// went to Akershus (3216) while its region (Mosseregionen) signs through Moss in Østfold.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Caller } from './auth.js';
import { forbidden } from './errors.js';
import { referenceMunicipalities, referenceRegions } from './reference-data.js';

/** The day Viken was dissolved and the municipalities got their new numbers. */
export const countySplitDate = '2024-01-01';
/** The first day of Viken and of its 30xx numbers. */
const vikenFrom = '2020-01-01';

export const countyIds = ['viken', 'ostfold', 'akershus', 'buskerud'] as const;
export type CountyId = (typeof countyIds)[number];

export const countyNames: Record<CountyId, string> = {
  viken: 'Viken fylkeskommune',
  ostfold: 'Østfold fylkeskommune',
  akershus: 'Akershus fylkeskommune',
  buskerud: 'Buskerud fylkeskommune',
};

export function isCountyId(id: string): id is CountyId {
  return (countyIds as readonly string[]).includes(id);
}

/** One number a municipality had, from a day and (for a replaced number) to a day. */
export interface MunicipalityNumberPeriod {
  number: string;
  validFrom: string;
  /** The last day the number was valid; null while it still is. */
  validTo: string | null;
  /** The county the municipality lay in while it had this number. */
  county: CountyId;
}

const numberRow = z.object({
  viken_number: z.string().regex(/^30\d\d$/),
  number_2024: z.string().regex(/^3[123]\d\d$/),
  county_2024: z.enum(['ostfold', 'akershus', 'buskerud']),
  name: z.string().min(1),
});

let histories: Map<string, MunicipalityNumberPeriod[]> | undefined;
let keys: Map<string, string> | undefined;

function load() {
  if (histories && keys) return { histories, keys };
  const rows: unknown[] = parse(
    readFileSync(new URL('../data/municipality-numbers-2024.csv', import.meta.url), 'utf8'),
    {
      columns: true,
      skip_empty_lines: true,
      trim: true,
    },
  );
  const known = new Set(referenceMunicipalities().map((m) => m.number));
  histories = new Map();
  keys = new Map();
  for (const row of rows) {
    const parsed = numberRow.parse(row);
    if (!known.has(parsed.viken_number))
      throw new Error(`${parsed.viken_number} is no municipality of the reference data`);
    histories.set(parsed.viken_number, [
      { number: parsed.viken_number, validFrom: vikenFrom, validTo: '2023-12-31', county: 'viken' },
      { number: parsed.number_2024, validFrom: countySplitDate, validTo: null, county: parsed.county_2024 },
    ]);
    keys.set(parsed.viken_number, parsed.viken_number);
    keys.set(parsed.number_2024, parsed.viken_number);
  }
  if (histories.size !== known.size) throw new Error('Every municipality of the reference data needs its 2024 number');
  return { histories, keys };
}

/**
 * The number the platform keeps a municipality under (its Viken number, 30xx, the number every
 * record of the 2022–2025 period was made with), for either of its numbers; undefined for a number
 * that is no municipality of the county. Old records, reports and feeds and new ones meet here.
 */
export function municipalityKey(number: string): string | undefined {
  return load().keys.get(number);
}

/** The key for either number, or the number as given when it is none the county knows (so a lookup finds nothing). */
export function municipalityKeyOrSelf(number: string): string {
  return municipalityKey(number) ?? number;
}

/** Every number the municipality had, oldest first. */
export function municipalityNumbers(key: string): MunicipalityNumberPeriod[] {
  return load().histories.get(key) ?? [];
}

function periodOn(key: string, day: string): MunicipalityNumberPeriod | undefined {
  const periods = municipalityNumbers(key);
  // Before Viken the demo has no numbers; such a day gets the first one the platform knows.
  return periods.find((p) => p.validFrom <= day && (p.validTo === null || day <= p.validTo)) ?? periods[0];
}

/** The municipality's number valid on a day, e.g. 3020 in 2023 and 3207 from 2024 for Nordre Follo. */
export function municipalityNumberOn(key: string, day: string): string | undefined {
  return periodOn(key, day)?.number;
}

/** The county the municipality lay in on a day. */
export function municipalityCountyOn(key: string, day: string): CountyId | undefined {
  return periodOn(key, day)?.county;
}

let regionCounties: Map<string, CountyId> | undefined;

/**
 * The county that succeeded Viken for the region: the one its contract municipality lies in from
 * 2024. It answers for the region's agreement, reports, payments and client list, its history too.
 */
export function regionCounty(regionId: string): CountyId | undefined {
  regionCounties ??= new Map(
    referenceRegions().map((region) => [
      region.id,
      municipalityCountyOn(region.contractMunicipalityNumber, countySplitDate) as CountyId,
    ]),
  );
  return regionCounties.get(regionId);
}

/** The county the region answered to on a day: Viken before 2024, its successor after. */
export function regionCountyOn(regionId: string, day: string): CountyId | undefined {
  return day < countySplitDate ? (regionCounty(regionId) ? 'viken' : undefined) : regionCounty(regionId);
}

/** The regions a county answers for (none for Viken, which no longer exists). */
export function regionsOfCounty(countyId: string): string[] {
  return referenceRegions()
    .map((region) => region.id)
    .filter((id) => regionCounty(id) === countyId);
}

/** A county that pays for inhabitants of a region in a year, and for which of its municipalities. */
export interface RegionPayer {
  countyId: CountyId;
  /** The municipalities (by key) whose inhabitants the county pays its share for. */
  municipalityNumbers: string[];
}

/**
 * Who pays the county's share for a region's municipalities in a year (§6): before 2024 Viken for
 * all; from 2024 each municipality's own county, so a region can have more than one payer. The
 * region's own county comes first.
 */
export function regionPayers(regionId: string, municipalityKeys: string[], year: number): RegionPayer[] {
  const day = `${year}-01-01`;
  const principal = regionCountyOn(regionId, day);
  const byCounty = new Map<CountyId, string[]>();
  for (const key of [...municipalityKeys].sort()) {
    const county = municipalityCountyOn(key, day) ?? principal;
    if (!county) continue;
    byCounty.set(county, [...(byCounty.get(county) ?? []), key]);
  }
  return [...byCounty.entries()]
    .map(([countyId, numbers]) => ({ countyId, municipalityNumbers: numbers }))
    .sort(
      (a, b) =>
        Number(b.countyId === principal) - Number(a.countyId === principal) || a.countyId.localeCompare(b.countyId),
    );
}

/** The county a county officer acts for, from the token's organisation (kind COUNTY). */
export function officerCounty(caller: Caller): CountyId | undefined {
  if (caller.role !== 'COUNTY_OFFICER' || caller.organisation.kind !== 'COUNTY') return undefined;
  return isCountyId(caller.organisation.id) ? caller.organisation.id : undefined;
}

/** Whether the caller is an officer of Viken, who reads the history before 2024 and nothing else. */
export function isHistoricalCountyOfficer(caller: Caller): boolean {
  return officerCounty(caller) === 'viken';
}

/** Whether a county officer has authority over the region: it is their county's. */
export function hasCountyAuthorityOver(caller: Caller, regionId: string): boolean {
  const county = officerCounty(caller);
  return county !== undefined && county !== 'viken' && regionCounty(regionId) === county;
}

/** FORBIDDEN unless the caller is an officer of the county the region answers to. */
export function requireCountyAuthorityOver(caller: Caller, regionId: string): void {
  if (hasCountyAuthorityOver(caller, regionId)) return;
  const county = regionCounty(regionId);
  throw forbidden(
    officerCounty(caller) === 'viken'
      ? 'Viken fylkeskommune was dissolved on 2024-01-01: its officers read the years before, and decide nothing.'
      : `Only officers of ${county ? countyNames[county] : 'the region’s county'} decide and pay for ${regionId}.`,
  );
}

/** FORBIDDEN when a Viken officer asks for a year from 2024, after Viken was dissolved. */
export function requireHistoryFor(caller: Caller, year: number): void {
  if (isHistoricalCountyOfficer(caller) && year >= Number(countySplitDate.slice(0, 4)))
    throw forbidden(
      `Viken fylkeskommune was dissolved on ${countySplitDate}: its officers read the years before 2024.`,
    );
}
