// The calendar years the console offers: those the agreements cover, read from the agreements
// themselves so a new period appears without a code change.
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * From the first year an agreement starts through the last year one covers, or the current year
 * when that is later (so "this year" can be shown even when nothing is in force), but never beyond
 * the current year + 1 (a renewal signed ahead shows its first year, not its whole period).
 */
export function agreementYearsBetween(first: number | null, last: number | null, currentYear: number): number[] {
  const from = Math.min(first ?? currentYear, currentYear);
  const through = Math.min(Math.max(last ?? currentYear, currentYear), currentYear + 1);
  return Array.from({ length: through - from + 1 }, (_, i) => from + i);
}

/** The first and last calendar year any agreement covers, computed in SQL. */
export async function agreementYearSpan(em: EntityManager): Promise<{ first: number | null; last: number | null }> {
  const [row] = await em.execute<{ first: number | null; last: number | null }[]>(
    `select min(extract(year from valid_from))::int as first, max(extract(year from valid_to))::int as last from agreement`,
  );
  return { first: row?.first ?? null, last: row?.last ?? null };
}
