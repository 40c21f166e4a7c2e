// The regions store, for the pages not yet on the query layer (the website requests' region filter); the regions page
// and the county's pages use queries/regions.ts.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, unavailableServicesOf } from '../graphql/client';
import { type RegionOverview, RegionsOverviewDocument } from '../queries/regions';

export type { MunicipalityOverview, RegionOverview } from '../queries/regions';
export { RegionsOverviewDocument };

/** What the view needs to tell the user about a failed load; plain data, so the store state stays serialisable. */

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
