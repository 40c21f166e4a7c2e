// One region's page through the query layer: the region for one year (municipalities, agreement, people, payments,
// submissions) and its key figures across the years the graph offers.
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { unavailableServicesOf } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { RegionKeyFiguresQuery, RegionPageQuery } from '../graphql/generated/graphql';
import { useGraphQLQuery, useGraphQLQueryEach } from '../graphql/queries';

export const RegionPageDocument = graphql(`
  query RegionPage($id: ID!, $year: Int!) {
    region(id: $id) {
      id
      name
      contractMunicipality {
        number
        name
      }
      municipalities {
        number
        name
        population
        populationSource
        populationFigure {
          date
          source
          sourceTable
          sourceUpdatedAt
          importedBy
          recordedAt
        }
      }
      operator {
        id
        name
        organisationNumber
        runByContractMunicipality
      }
      advisers {
        id
        name
        email
        phone
      }
      offices {
        id
        name
        streetAddress
        postalCode
        postalTown
        coLocatedWith
      }
      agreement {
        id
        status
        validFrom
        validTo
        originalValidTo
        signedOn
        partyHistory {
          id
          kind
          organisationName
          validFrom
          validTo
          succeeds {
            id
            organisationName
          }
        }
        amendments {
          ...AgreementAmendmentFields
        }
        extensions {
          id
          decidedOn
          previousValidTo
          validTo
        }
        notices {
          ...AgreementNoticeFields
        }
      }
      funding(year: $year) {
        year
        countyAmount
        municipalAmount
        total
        municipalShares {
          municipality {
            number
          }
          inhabitants
          amount
        }
      }
      payments(year: $year) {
        instalment
        dueDate
        amount
        status
        paidOn
      }
      submissions(year: $year) {
        kind
        coversYear
        dueDate
        status
        late
        submittedOn
      }
    }
  }
`);

export type RegionPage = NonNullable<RegionPageQuery['region']>;

/**
 * The region `id` in `year`. While another year loads, the year on screen stays (`shownYear` names it); another
 * region's page never shows under this one's address, and a year that fails shows its error, not the year before.
 */
export function useRegionPage(id: MaybeRefOrGetter<string>, year: MaybeRefOrGetter<number>) {
  const page = useGraphQLQuery(RegionPageDocument, () => ({ id: toValue(id), year: toValue(year) }), {
    keepPrevious: true,
  });
  const isThisRegion = computed(() => page.shownVariables.value?.id === toValue(id));
  return {
    /** Null while this region has no answer yet, or when the gateway knows no region with the id. */
    region: computed<RegionPage | null>(() => (isThisRegion.value ? (page.data.value?.region ?? null) : null)),
    /** True when the gateway answered that it knows no region with this id. */
    notFound: computed(() => isThisRegion.value && page.data.value !== undefined && page.data.value.region == null),
    /** The county service, which owns the population figures, did not answer: they are unknown, not missing. */
    populationUnavailable: computed(
      () => page.data.value !== undefined && unavailableServicesOf(page.data.value).includes('county'),
    ),
    /** The year of the region on screen; null before its first answer. */
    shownYear: computed(() => (isThisRegion.value ? (page.shownVariables.value?.year ?? null) : null)),
    loading: page.loading,
    error: page.error,
    refetch: page.refetch,
  };
}

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

/**
 * The key figures of the region `id` in each of `years` (oldest first): one request per year with the same document,
 * the year a variable, so a new agreement period needs no new document. Waits while `years` is null (not yet known).
 */
export function useRegionKeyFigures(id: MaybeRefOrGetter<string>, years: MaybeRefOrGetter<readonly number[] | null>) {
  const figures = useGraphQLQueryEach(
    RegionKeyFiguresDocument,
    () => (toValue(years) ?? []).map((year) => ({ id: toValue(id), year })),
    { enabled: () => toValue(years) !== null },
  );
  return {
    figures: computed<RegionKeyFigures[]>(() =>
      (figures.data.value ?? []).flatMap((answer) => (answer.region ? [answer.region.statistics] : [])),
    ),
    loading: figures.loading,
    error: figures.error,
    refetch: figures.refetch,
  };
}
