// The public website's directory through the query layer: the regions with their offices, advisers and offer, every
// municipality with its region, and the organisations responsible for the service. Anonymous requests only; every
// public page asks, and they share one cached answer.
import { computed } from 'vue';
import { graphql } from '../graphql/generated';
import type { PublicDirectoryQuery, PublicResponsiblePartiesQuery } from '../graphql/generated/graphql';
import { useGraphQLQuery } from '../graphql/queries';

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

/** The regions and municipalities of the county, for every public page. */
export function usePublicDirectory() {
  const query = useGraphQLQuery(PublicDirectoryDocument, {}, { anonymous: true });
  const regions = computed<PublicRegionItem[]>(() => query.data.value?.publicRegions ?? []);
  const municipalities = computed<PublicMunicipalityItem[]>(() => query.data.value?.publicMunicipalities ?? []);
  return {
    regions,
    municipalities,
    /** True once the directory has an answer; a failed one leaves it false. */
    directoryLoaded: computed(() => query.data.value !== undefined),
    regionsById: computed(() => new Map(regions.value.map((region) => [region.id, region]))),
    /** Every municipality, by name in Norwegian order (Å last), for choosing one in a list. */
    municipalitiesByName: computed(() => [...municipalities.value].sort((a, b) => a.name.localeCompare(b.name, 'nb'))),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}

/** The county and municipalities responsible for the service, for the footer and the privacy notice. */
export function useResponsibleParties() {
  const query = useGraphQLQuery(PublicResponsiblePartiesDocument, {}, { anonymous: true });
  return {
    parties: computed<ResponsiblePartyItem[]>(() => query.data.value?.publicResponsibleParties ?? []),
    partiesLoaded: computed(() => query.data.value !== undefined),
    partiesLoading: query.loading,
    partiesError: query.error,
    refetch: query.refetch,
  };
}
