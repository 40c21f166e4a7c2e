// The regions store: the county's regions with their municipalities and population figures, as the gateway reports them.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, unavailableServicesOf } from '../graphql/client';
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

export const useRegionsStore = defineStore('regions', () => {
  const regions = ref<RegionOverview[]>([]);
  /**
   * True when the newest answer came without the county service, which owns the population
   * figures: they are unknown then, not missing from the county's records (the banner says why).
   */
  const populationUnavailable = ref(false);

  const hasApproximateFigures = computed(() =>
    regions.value.some((region) =>
      region.municipalities.some((municipality) => municipality.populationSource === 'DEMO_APPROXIMATION'),
    ),
  );

  // A retry can overlap a slow earlier request; only the newest one may write the state. A failed
  // load keeps the regions shown: they are the same whichever request answers.
  const { loading, error, run } = useLatestRequest();

  async function load(): Promise<void> {
    await run(() => request(RegionsOverviewDocument), {
      onData: (data) => {
        regions.value = data.regions;
        populationUnavailable.value = unavailableServicesOf(data).includes('county');
      },
    });
  }

  return { regions, populationUnavailable, loading, error, hasApproximateFigures, load };
});
