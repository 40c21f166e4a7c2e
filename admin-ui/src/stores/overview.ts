// The overview store: one year of every region's agreement, funding, payments, submissions and key figures, and the year's gatherings.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { CoordinationOverviewQuery } from '../graphql/generated/graphql';
import type { LoadError } from './regions';

// The contract operation of schema/operations/coordination-overview.graphql, plus a few fields the page needs:
// the instalment, whether a submission is late, the immigrant share and which figures are suppressed; and since
// the 2024 county split the region's county, the counties that pay and the contract municipality's numbers.
export const CoordinationOverviewDocument = graphql(`
  query CoordinationOverview($year: Int!) {
    regions {
      id
      name
      county {
        id
        name
      }
      contractMunicipality {
        number
        name
        numbers {
          number
          validFrom
          validTo
        }
      }
      municipalities {
        number
        name
        population
      }
      agreement {
        id
        status
        validFrom
        validTo
      }
      funding(year: $year) {
        countyAmount
        municipalAmount
        total
        countyPayers {
          county {
            id
            name
          }
          amount
        }
      }
      payments(year: $year) {
        instalment
        dueDate
        amount
        status
        shares {
          county {
            id
            name
          }
          amount
          status
        }
      }
      submissions(year: $year) {
        kind
        coversYear
        dueDate
        status
        late
      }
      statistics(year: $year) {
        newClients
        clientsWithImmigrantBackground
        immigrantBackgroundShare
        counsellingHours
        coursesHeld
        courseParticipants
        businessesStarted
        suppressed
      }
      referrals(year: $year) {
        toInnovasjonNorge
        toNav
        fromNav
        suppressed
      }
    }
    gatherings(year: $year) {
      id
      title
      date
      attendeeCount
    }
  }
`);

export type RegionYear = CoordinationOverviewQuery['regions'][number];
export type GatheringOfYear = NonNullable<CoordinationOverviewQuery['gatherings']>[number];
export type { LoadError };

export const useOverviewStore = defineStore('overview', () => {
  /** The year the data below is for; null before the first successful load. */
  const year = ref<number | null>(null);
  const regions = ref<RegionYear[]>([]);
  /** Null when the partners service did not answer: unknown, not none (the layout's banner says why). */
  const gatherings = ref<GatheringOfYear[] | null>([]);
  // Switching years quickly can overlap requests; only the newest may write, so the page never shows another year's figures.
  const { loading, error, run } = useLatestRequest();

  async function load(requestedYear: number): Promise<void> {
    await run(() => request(CoordinationOverviewDocument, { year: requestedYear }), {
      onData: (data) => {
        regions.value = data.regions;
        gatherings.value = data.gatherings;
        year.value = requestedYear;
      },
      onError: () => {
        regions.value = [];
        gatherings.value = [];
        year.value = null;
      },
    });
  }

  return { year, regions, gatherings, loading, error, load };
});
