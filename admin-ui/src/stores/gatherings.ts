// The gatherings store: a year's professional gatherings, the count against the agreement's minimum, and who attended none.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import type { LoadError } from '../graphql/client';
import { type GraphQLErrorDetail, requestTolerating } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { GatheringsOfYearQuery } from '../graphql/generated/graphql';

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
        adviserId
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

export type GatheringItem = NonNullable<GatheringsOfYearQuery['gatherings']>[number];
export type GatheringRegistrationItem = GatheringItem['registrations'][number];
export type GatheringYearSummary = GatheringsOfYearQuery['gatheringYear'];
export type { LoadError };

/**
 * An error on one registration's adviser: the regions service does not know the id (a registration
 * made before registrations were checked). The registration shows without a name; the page stays.
 */
export function isUnknownAdviserOfRegistration(error: GraphQLErrorDetail): boolean {
  const [root, , list, , field] = error.path ?? [];
  return root === 'gatherings' && list === 'registrations' && field === 'adviser';
}

export const useGatheringsStore = defineStore('gatherings', () => {
  /** The year the data below is for; null before the first successful load. */
  const year = ref<number | null>(null);
  const gatherings = ref<GatheringItem[]>([]);
  const summary = ref<GatheringYearSummary | null>(null);
  // Switching years quickly can overlap requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  async function load(requestedYear: number): Promise<void> {
    await run(
      () => requestTolerating(GatheringsOfYearDocument, { year: requestedYear }, isUnknownAdviserOfRegistration),
      {
        onData: (data) => {
          // Null only with the partners service down, and then gatheringYear fails the whole answer.
          gatherings.value = data.gatherings ?? [];
          summary.value = data.gatheringYear;
          year.value = requestedYear;
        },
        // Another year's gatherings must not stay on screen under the new heading.
        onError: () => {
          gatherings.value = [];
          summary.value = null;
          year.value = null;
        },
      },
    );
  }

  return { year, gatherings, summary, loading, error, load };
});
