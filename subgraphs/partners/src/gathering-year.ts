// A year's professional gatherings against the agreement's minimum (§5.4), and which regions and
// advisers attended none of them.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { KnownAdviser } from './advisers.js';
import { GatheringSchema } from './entities/gathering.js';

/** §5.4: Innovasjon Norge and the county hold at least two professional gatherings a year. */
export const minimumGatheringsPerYear = 2;

export interface GatheringYear {
  year: number;
  count: number;
  minimum: number;
  meetsMinimum: boolean;
  regionsWithoutAttendance: { id: string }[];
  advisersWithoutAttendance: { id: string }[];
}

/**
 * The year's figures; `knownAdviser` is the request's loader of the advisers regions knows (a
 * SERVICE_UNAVAILABLE from it, regions not reachable, fails the whole answer: the advisers
 * without attendance cannot be told apart from dangling ids without it).
 */
export async function gatheringYear(
  em: EntityManager,
  knownAdviser: { loadMany(ids: readonly string[]): Promise<(KnownAdviser | null | Error)[]> },
  year: number,
): Promise<GatheringYear> {
  const range = { $gte: `${year}-01-01`, $lt: `${year + 1}-01-01` };
  const count = await em.count(GatheringSchema, { date: range });
  // Attendance counts once recorded; before that, registration stands in for it.
  const attendedThisYear = `select r.adviser_id, r.region_id from gathering_registration r join gathering g on g.id = r.gathering_id
     where g.date >= ? and g.date < ? and coalesce(r.attended, g.date >= current_date)`;
  const bounds = [`${year}-01-01`, `${year + 1}-01-01`];
  const regions: { region_id: string }[] = await em.execute(
    `select distinct region_id from gathering_registration
      where region_id not in (select region_id from (${attendedThisYear}) a) order by region_id`,
    bounds,
  );
  const advisers: { adviser_id: string }[] = await em.execute(
    `select distinct adviser_id from gathering_registration
      where adviser_id not in (select adviser_id from (${attendedThisYear}) a) order by adviser_id`,
    bounds,
  );
  // An id the regions subgraph does not know cannot be named, and would null the whole year's answer.
  const answers = await knownAdviser.loadMany(advisers.map((row) => row.adviser_id));
  const failed = answers.find((answer) => answer instanceof Error);
  if (failed) throw failed;
  const known = new Set(answers.flatMap((answer) => (answer && !(answer instanceof Error) ? [answer.id] : [])));
  return {
    year,
    count,
    minimum: minimumGatheringsPerYear,
    meetsMinimum: count >= minimumGatheringsPerYear,
    regionsWithoutAttendance: regions.map((row) => ({ id: row.region_id })),
    advisersWithoutAttendance: advisers
      .filter((row) => known.has(row.adviser_id))
      .map((row) => ({ id: row.adviser_id })),
  };
}
