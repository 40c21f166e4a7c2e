// The key figures' rows of a region's year, kept in this process while the region's data is unchanged:
// computing them reads a year of the region's clients, sessions, courses and businesses (at county scale
// most of the coordination overview's time), and a closed year's seldom change. Each request reads the
// regions' generations (entities/key-figure-generation.ts; one statement), which the database's triggers
// renew in the same transaction as any change to the rows the figures count, and uses a region's kept rows
// only when they were computed from its current generation on the same day (survival counts anniversaries
// up to today). The generation is read before the rows are computed, so a change committed in between
// leaves the kept rows under an older generation: they are computed again by the next request. Each
// process of the subgraph keeps its own; the database says to all of them what changed.
import type { EntityManager } from '@mikro-orm/postgresql';

interface Kept {
  generation: string;
  today: string;
  rows: unknown;
}

/** Kept rows per database (one ORM's driver), by `year:region`. */
const keptOf = new WeakMap<object, Map<string, Kept>>();
/** At most this many region-years kept per database; the oldest kept go first. */
const maxKept = 2_000;

/** The regions' current generations, by region id; a region without one is never kept. */
async function generationsOf(em: EntityManager, regionIds: string[]): Promise<Map<string, string>> {
  const rows = await em.execute<{ region_id: string; generation: string }[]>(
    'select region_id, generation::text as generation from key_figure_generation where region_id in (?)',
    [regionIds],
  );
  return new Map(rows.map((row) => [row.region_id, row.generation]));
}

/**
 * The rows of each region's `year` computed on `today`: kept ones where the region's generation is the one
 * they were computed from, the others from `compute` (called once, with the regions missing) and kept.
 * A region that `compute` gives no rows for is missing from the answer.
 */
export async function keptPerRegion<Rows>(
  em: EntityManager,
  year: number,
  today: string,
  regionIds: string[],
  compute: (regionIds: string[]) => Promise<Map<string, Rows>>,
): Promise<Map<string, Rows>> {
  const driver = em.getDriver();
  const kept = keptOf.get(driver) ?? new Map<string, Kept>();
  keptOf.set(driver, kept);
  const generations = await generationsOf(em, regionIds);
  const answer = new Map<string, Rows>();
  const missing: string[] = [];
  for (const regionId of regionIds) {
    const entry = kept.get(`${year}:${regionId}`);
    const generation = generations.get(regionId);
    if (entry && generation !== undefined && entry.generation === generation && entry.today === today) {
      answer.set(regionId, entry.rows as Rows);
    } else missing.push(regionId);
  }
  if (missing.length === 0) return answer;
  const computed = await compute(missing);
  for (const [regionId, rows] of computed) {
    answer.set(regionId, rows);
    const generation = generations.get(regionId);
    if (generation === undefined) continue;
    const key = `${year}:${regionId}`;
    kept.delete(key);
    kept.set(key, { generation, today, rows });
    if (kept.size > maxKept) kept.delete(kept.keys().next().value as string);
  }
  return answer;
}
