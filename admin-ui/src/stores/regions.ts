// The regions store: the county's regions with their municipalities and population figures, as the gateway reports them.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { type GraphQLRequestError, request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { RegionsOverviewQuery } from '../graphql/generated/graphql';

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

/** What the view needs to tell the user about a failed load; plain data, so the store state stays serialisable. */
export interface LoadError {
  message: string;
  codes: string[];
}

function describe(error: GraphQLRequestError): LoadError {
  return { message: error.message, codes: error.codes };
}

export const useRegionsStore = defineStore('regions', () => {
  const regions = ref<RegionOverview[]>([]);
  const loading = ref(false);
  const error = ref<LoadError | null>(null);

  const hasApproximateFigures = computed(() =>
    regions.value.some((region) =>
      region.municipalities.some((municipality) => municipality.populationSource === 'DEMO_APPROXIMATION'),
    ),
  );

  // A retry can overlap a slow earlier request; only the newest one may write the state.
  let latestRequest = 0;

  async function load(): Promise<void> {
    const thisRequest = ++latestRequest;
    loading.value = true;
    error.value = null;
    try {
      const data = await request(RegionsOverviewDocument);
      if (thisRequest !== latestRequest) return;
      regions.value = data.regions;
    } catch (caught) {
      if (thisRequest !== latestRequest) return;
      error.value = describe(toRequestError(caught));
    } finally {
      if (thisRequest === latestRequest) loading.value = false;
    }
  }

  return { regions, loading, error, hasApproximateFigures, load };
});
