// Counselling against the region's free limit per client and year (§5.2.1): sessions past the
// limit are recorded in full and the part beyond it is flagged, never dropped.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

export interface CounsellingHours {
  year: number;
  total: number;
  free: number;
  beyondFreeLimit: number;
  freeLimit: number;
}

/**
 * Minutes beyond the free limit for each session of the given clients: the running total of the
 * client's minutes that year, in date order, past the limit, at most the session's own length.
 */
export function minutesBeyondFreeLimitLoader(em: EntityManager) {
  return new DataLoader<{ sessionId: string; clientId: string }, number, string>(
    async (keys) => {
      const clientIds = [...new Set(keys.map((key) => key.clientId))];
      const rows: { id: string; beyond: number }[] = await em.execute(
        `select id, greatest(0, least(duration_minutes, running - free_limit))::int as beyond
           from (select s.id, s.duration_minutes, r.free_counselling_minutes_per_client_year as free_limit,
                        sum(s.duration_minutes) over (
                          partition by s.client_id, extract(year from s.date) order by s.date, s.id
                        ) as running
                   from counselling_session s join region r on r.id = s.region_id
                  where s.client_id in (?)) per_session`,
        [clientIds],
      );
      const beyond = new Map(rows.map((row) => [row.id, row.beyond]));
      return keys.map((key) => beyond.get(key.sessionId) ?? 0);
    },
    { cacheKeyFn: (key) => key.sessionId },
  );
}

/** A client's hours in a year against the limit, for all the clients of a request at once. */
export function counsellingHoursLoader(em: EntityManager) {
  return new DataLoader<{ clientId: string; year: number }, CounsellingHours, string>(
    async (keys) => {
      const clientIds = [...new Set(keys.map((key) => key.clientId))];
      const rows: { client_id: string; year: number; minutes: number; free_limit: number }[] = await em.execute(
        `select c.id as client_id, y.year, coalesce(sum(s.duration_minutes), 0)::int as minutes,
                r.free_counselling_minutes_per_client_year as free_limit
           from client c
           join region r on r.id = c.region_id
           cross join (select distinct unnest(array[${keys.map(() => '?::int').join(', ')}]) as year) y
           left join counselling_session s on s.client_id = c.id and extract(year from s.date) = y.year
          where c.id in (?)
          group by c.id, y.year, r.free_counselling_minutes_per_client_year`,
        [...keys.map((key) => key.year), clientIds],
      );
      const byKey = new Map(rows.map((row) => [`${row.client_id}:${row.year}`, row]));
      return keys.map((key) => {
        const row = byKey.get(`${key.clientId}:${key.year}`);
        const minutes = row?.minutes ?? 0;
        const limit = row?.free_limit ?? 0;
        return {
          year: key.year,
          total: minutes / 60,
          free: Math.min(minutes, limit) / 60,
          beyondFreeLimit: Math.max(0, minutes - limit) / 60,
          freeLimit: limit / 60,
        };
      });
    },
    { cacheKeyFn: (key) => `${key.clientId}:${key.year}` },
  );
}
