// The 2024 county split as the console shows it: the municipality number valid in a year, the
// counties that pay a region's county amount, and whether a county officer decides for a region.

/** One official number of a municipality and the days it was valid (from the graph's `numbers`). */
export interface NumberPeriod {
  number: string;
  validFrom: string;
  validTo?: string | null;
}

/**
 * The number valid on 1 July of `year` (numbers changed on 1 January 2024, so any day of the year
 * gives the same), or `fallback` (the number the platform keeps it under) when none is known.
 */
export function numberInYear(
  numbers: readonly NumberPeriod[] | null | undefined,
  fallback: string,
  year: number,
): string {
  const day = `${year}-07-01`;
  return (
    numbers?.find((period) => period.validFrom <= day && (period.validTo == null || day <= period.validTo))?.number ??
    fallback
  );
}

/** A county paying the county amount for some of a region's municipalities. */
export interface Payer {
  county: { id: string; name: string };
  amount: string;
}

/** The payers of a region's year, as "Østfold fylkeskommune 350 900,00; Akershus fylkeskommune 101 200,00". */
export function payersText(
  payers: readonly Payer[] | null | undefined,
  formatMoney: (amount: string) => string,
): string {
  return (payers ?? []).map((payer) => `${payer.county.name} ${formatMoney(payer.amount)}`).join('; ');
}

/** County officers decide for the regions their county answers to (Viken's officers for none). */
export function decidesForRegion(
  caller: { role: string; organisationId?: string | null } | null | undefined,
  regionCountyId: string | null | undefined,
): boolean {
  return (
    caller?.role === 'COUNTY_OFFICER' &&
    regionCountyId != null &&
    caller.organisationId != null &&
    caller.organisationId === regionCountyId
  );
}
