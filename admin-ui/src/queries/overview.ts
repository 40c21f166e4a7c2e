// The overview's data: one year of every region's agreement, funding, payments, submissions and key figures, and
// the year's gatherings, through the query layer.
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { graphql } from '../graphql/generated';
import type { CoordinationOverviewQuery } from '../graphql/generated/graphql';
import { useGraphQLQuery } from '../graphql/queries';

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
/**
 * The overview of `year`. While another year loads, the year on screen stays (`shownYear` names it), so the page
 * does not empty between two years; a year that fails shows its error, never the other year's figures.
 */
export function useCoordinationOverview(year: MaybeRefOrGetter<number>) {
  const overview = useGraphQLQuery(CoordinationOverviewDocument, () => ({ year: toValue(year) }), {
    keepPrevious: true,
  });
  return {
    regions: computed<RegionYear[]>(() => overview.data.value?.regions ?? []),
    /** Null when the partners service did not answer: unknown, not none (the layout's banner says why). */
    gatherings: computed<GatheringOfYear[] | null>(() =>
      overview.data.value === undefined ? [] : overview.data.value.gatherings,
    ),
    /** The year of the figures on screen; null before the first answer. */
    shownYear: computed(() => overview.shownVariables.value?.year ?? null),
    loading: overview.loading,
    error: overview.error,
    refetch: overview.refetch,
  };
}
