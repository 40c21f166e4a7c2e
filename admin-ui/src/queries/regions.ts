// The county's regions with their municipalities and population figures, through the query layer: the regions page
// lists them, and the pages that choose a region offer them.
import { computed } from 'vue';
import { unavailableServicesOf } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { RegionsOverviewQuery } from '../graphql/generated/graphql';
import { type GraphQLQueryOptions, useGraphQLQuery } from '../graphql/queries';

export const RegionsOverviewDocument = graphql(`
  query RegionsOverview {
    regions {
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
      }
    }
  }
`);

export type RegionOverview = RegionsOverviewQuery['regions'][number];
export type MunicipalityOverview = RegionOverview['municipalities'][number];

/** The regions; `enabled` false waits (a page that offers them only to some roles). */
export function useRegions({ enabled }: Pick<GraphQLQueryOptions, 'enabled'> = {}) {
  const query = useGraphQLQuery(RegionsOverviewDocument, {}, enabled === undefined ? {} : { enabled });
  return {
    regions: computed<RegionOverview[]>(() => query.data.value?.regions ?? []),
    /**
     * True when the answer came without the county service, which owns the population figures: they are unknown
     * then, not missing from the county's records (the banner says why).
     */
    populationUnavailable: computed(
      () => query.data.value !== undefined && unavailableServicesOf(query.data.value).includes('county'),
    ),
    /** True when any figure shown is a demo approximation rather than an official SSB figure. */
    hasApproximateFigures: computed(() =>
      (query.data.value?.regions ?? []).some((region) =>
        region.municipalities.some((municipality) => municipality.populationSource === 'DEMO_APPROXIMATION'),
      ),
    ),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}
