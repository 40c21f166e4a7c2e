// The region store: one region's page for one year (municipalities, agreement, people, payments, submissions);
// the key figures across years have a store of their own (regionKeyFigures).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, unavailableServicesOf } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { RegionPageQuery } from '../graphql/generated/graphql';
import type { LoadError } from './regions';

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
          id
          decidedOn
          effectiveFrom
          description
          consentedBy
        }
        extensions {
          id
          decidedOn
          previousValidTo
          validTo
        }
        notices {
          id
          organisationName
          givenOn
          effectiveOn
          reason
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
export type { LoadError };

export const useRegionStore = defineStore('region', () => {
  const region = ref<RegionPage | null>(null);
  /** The id and year the state below is for; null before the first finished load. */
  const regionId = ref<string | null>(null);
  const year = ref<number | null>(null);
  /** True when the gateway knows no region with the asked id. */
  const notFound = ref(false);
  /** The county service, which owns the population figures, did not answer: they are unknown, not missing. */
  const populationUnavailable = ref(false);
  // Switching region or year quickly can overlap requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  async function load(id: string, requestedYear: number): Promise<void> {
    await run(() => request(RegionPageDocument, { id, year: requestedYear }), {
      onData: (data) => {
        region.value = data.region ?? null;
        notFound.value = data.region == null;
        populationUnavailable.value = unavailableServicesOf(data).includes('county');
        regionId.value = id;
        year.value = requestedYear;
      },
      onError: () => {
        region.value = null;
        notFound.value = false;
        populationUnavailable.value = false;
        regionId.value = null;
        year.value = null;
      },
    });
  }

  return { region, regionId, year, notFound, populationUnavailable, loading, error, load };
});
