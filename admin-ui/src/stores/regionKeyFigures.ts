// One region's key figures across the years the graph offers: one query per year (the same
// document each time, the year a variable), so a new agreement period needs no new document.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { RegionKeyFiguresQuery } from '../graphql/generated/graphql';

export const RegionKeyFiguresDocument = graphql(`
  query RegionKeyFigures($id: ID!, $year: Int!) {
    region(id: $id) {
      id
      statistics(year: $year) {
        year
        newClients
        clientsWithImmigrantBackground
        immigrantBackgroundShare
        counsellingHours
        coursesHeld
        courseParticipants
        businessesStarted
        suppressed
        suppressionReason
      }
    }
  }
`);

export type RegionKeyFigures = NonNullable<RegionKeyFiguresQuery['region']>['statistics'];

/** The years key figures are shown for: the offered years up to this one (later ones have none yet). */
export function keyFigureYearsOf(years: readonly number[], today: Date = new Date()): number[] {
  return years.filter((year) => year <= today.getFullYear());
}

export const useRegionKeyFiguresStore = defineStore('regionKeyFigures', () => {
  /** Oldest first. */
  const figures = ref<RegionKeyFigures[]>([]);
  /** The region the figures are for; null before the first finished load. */
  const regionId = ref<string | null>(null);
  const { loading, error, run } = useLatestRequest();

  async function load(id: string, years: readonly number[]): Promise<void> {
    await run(() => Promise.all(years.map((year) => request(RegionKeyFiguresDocument, { id, year }))), {
      onData: (answers) => {
        figures.value = answers.flatMap((answer) => (answer.region ? [answer.region.statistics] : []));
        regionId.value = id;
      },
      onError: () => {
        figures.value = [];
        regionId.value = null;
      },
    });
  }

  return { figures, regionId, loading, error, load };
});
