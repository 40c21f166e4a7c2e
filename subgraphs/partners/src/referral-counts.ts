// A region's referrals per year by direction, for all the regions of a request in one statement.
import { smallestShownCount } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

export interface RegionReferrals {
  toInnovasjonNorge: number | null;
  toNav: number | null;
  fromNav: number | null;
  toOtherActors: number | null;
  suppressed: string[];
}

export function referralCountsLoader(em: EntityManager) {
  return new DataLoader<{ regionId: string; year: number }, RegionReferrals, string>(
    async (keys) => {
      const years = keys.map((key) => key.year);
      const rows: { region_id: string; year: number; direction: string; count: number }[] = await em.execute(
        `select region_id, extract(year from sent_on)::int as year, direction, count(*)::int as count
           from referral
          where region_id in (?) and sent_on >= ? and sent_on < ?
          group by region_id, year, direction`,
        [
          [...new Set(keys.map((key) => key.regionId))],
          `${Math.min(...years)}-01-01`,
          `${Math.max(...years) + 1}-01-01`,
        ],
      );
      const count = (key: { regionId: string; year: number }, direction: string) =>
        rows.find((row) => row.region_id === key.regionId && row.year === key.year && row.direction === direction)
          ?.count ?? 0;
      return keys.map((key) => {
        const suppressed: string[] = [];
        // A referral is a person: fewer than 5 in a count could single someone out.
        const shown = (field: string, value: number) => {
          if (value >= smallestShownCount) return value;
          suppressed.push(field);
          return null;
        };
        return {
          toInnovasjonNorge: shown('toInnovasjonNorge', count(key, 'TO_INNOVASJON_NORGE')),
          toNav: shown('toNav', count(key, 'TO_NAV')),
          fromNav: shown('fromNav', count(key, 'FROM_NAV')),
          toOtherActors: shown('toOtherActors', count(key, 'TO_OTHER_ACTOR')),
          suppressed,
        };
      });
    },
    { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
  );
}
