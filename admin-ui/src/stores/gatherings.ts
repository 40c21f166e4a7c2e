// The gatherings store: a year's professional gatherings, the count against the agreement's minimum, and who attended none.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { GatheringsOfYearQuery } from '../graphql/generated/graphql';
import type { LoadError } from './regions';

export const GatheringsOfYearDocument = graphql(`
  query GatheringsOfYear($year: Int!) {
    gatherings(year: $year) {
      id
      title
      date
      location
      online
      organisers
      programme
      description
      attendeeCount
      invitedRegions {
        id
        name
      }
      registrations {
        adviser {
          id
          name
        }
        region {
          id
          name
        }
        registeredAt
        attended
      }
    }
    gatheringYear(year: $year) {
      year
      count
      minimum
      meetsMinimum
      regionsWithoutAttendance {
        id
        name
      }
      advisersWithoutAttendance {
        id
        name
      }
    }
  }
`);

export type GatheringItem = GatheringsOfYearQuery['gatherings'][number];
export type GatheringRegistrationItem = GatheringItem['registrations'][number];
export type GatheringYearSummary = GatheringsOfYearQuery['gatheringYear'];
export type { LoadError };

export const useGatheringsStore = defineStore('gatherings', () => {
  /** The year the data below is for; null before the first successful load. */
  const year = ref<number | null>(null);
  const gatherings = ref<GatheringItem[]>([]);
  const summary = ref<GatheringYearSummary | null>(null);
  const loading = ref(false);
  const error = ref<LoadError | null>(null);

  let latestRequest = 0;

  async function load(requestedYear: number): Promise<void> {
    const thisRequest = ++latestRequest;
    loading.value = true;
    error.value = null;
    try {
      const data = await request(GatheringsOfYearDocument, { year: requestedYear });
      if (thisRequest !== latestRequest) return;
      gatherings.value = data.gatherings;
      summary.value = data.gatheringYear;
      year.value = requestedYear;
    } catch (caught) {
      if (thisRequest !== latestRequest) return;
      const requestError = toRequestError(caught);
      // Another year's gatherings must not stay on screen under the new heading.
      gatherings.value = [];
      summary.value = null;
      year.value = null;
      error.value = { message: requestError.message, codes: requestError.codes };
    } finally {
      if (thisRequest === latestRequest) loading.value = false;
    }
  }

  return { year, gatherings, summary, loading, error, load };
});
