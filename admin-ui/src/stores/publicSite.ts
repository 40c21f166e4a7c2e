// The public website's directory: the regions with their offices, advisers and offer, every
// municipality with its region, and the organisations responsible for the service. Anonymous
// requests only, and loaded once: it changes seldom, and every public page needs it.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { anonymousRequest } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { PublicDirectoryQuery, PublicResponsiblePartiesQuery } from '../graphql/generated/graphql';

export const PublicDirectoryDocument = graphql(`
  query PublicDirectory {
    publicRegions {
      id
      name
      contractMunicipality {
        number
        name
      }
      municipalities {
        number
        name
      }
      operatorName
      offices {
        name
        streetAddress
        postalCode
        postalTown
        municipalityName
        coLocatedWith
      }
      advisers {
        name
        email
        phone
      }
      freeCounsellingHoursPerClientYear
      services {
        kind
        description
      }
    }
    publicMunicipalities {
      number
      name
      region {
        id
        name
      }
    }
  }
`);

export const PublicResponsiblePartiesDocument = graphql(`
  query PublicResponsibleParties {
    publicResponsibleParties {
      kind
      name
      regionIds
    }
  }
`);

export type PublicRegionItem = PublicDirectoryQuery['publicRegions'][number];
export type PublicMunicipalityItem = PublicDirectoryQuery['publicMunicipalities'][number];
export type ResponsiblePartyItem = PublicResponsiblePartiesQuery['publicResponsibleParties'][number];

export const usePublicSiteStore = defineStore('publicSite', () => {
  const regions = ref<PublicRegionItem[]>([]);
  const municipalities = ref<PublicMunicipalityItem[]>([]);
  /** True once the directory has loaded; a failed load leaves it false, so the next page asks again. */
  const directoryLoaded = ref(false);
  const directory = useLatestRequest();

  const parties = ref<ResponsiblePartyItem[]>([]);
  const partiesLoaded = ref(false);
  const partiesRequest = useLatestRequest();

  const regionsById = computed(() => new Map(regions.value.map((region) => [region.id, region])));
  /** Every municipality, by name in Norwegian order (Å last), for choosing one in a list. */
  const municipalitiesByName = computed(() =>
    [...municipalities.value].sort((a, b) => a.name.localeCompare(b.name, 'nb')),
  );

  async function loadDirectory({ force = false }: { force?: boolean } = {}): Promise<void> {
    if (!force && (directoryLoaded.value || directory.loading.value)) return;
    await directory.run(() => anonymousRequest(PublicDirectoryDocument), {
      onData: (data) => {
        regions.value = data.publicRegions;
        municipalities.value = data.publicMunicipalities;
        directoryLoaded.value = true;
      },
    });
  }

  async function loadParties({ force = false }: { force?: boolean } = {}): Promise<void> {
    if (!force && (partiesLoaded.value || partiesRequest.loading.value)) return;
    await partiesRequest.run(() => anonymousRequest(PublicResponsiblePartiesDocument), {
      onData: (data) => {
        parties.value = data.publicResponsibleParties;
        partiesLoaded.value = true;
      },
    });
  }

  return {
    regions,
    municipalities,
    directoryLoaded,
    loading: directory.loading,
    error: directory.error,
    regionsById,
    municipalitiesByName,
    parties,
    partiesLoaded,
    partiesLoading: partiesRequest.loading,
    partiesError: partiesRequest.error,
    loadDirectory,
    loadParties,
  };
});
