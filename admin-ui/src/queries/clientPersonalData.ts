// A person's rights over their data (GDPR art. 15, 17 and 20) on the client page: everything the graph holds about a
// client in one file, and the erasure of it from every subgraph at once (after which the page asks again).
import { computed, ref } from 'vue';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { useGraphQLMutation } from '../graphql/queries';

export const ClientDataExportDocument = graphql(`
  query ClientDataExport($id: ID!) {
    clientDataExport(clientId: $id) {
      exportedAt
      exportedBy
      heldByRegions
      client {
        id
        erasedAt
        personalDataHeldByPartners
      }
    }
  }
`);

// One operation: the gateway runs root mutations in order, the CRM first, then the referrals.
export const EraseClientDocument = graphql(`
  mutation EraseClient($id: ID!, $reason: ErasureReason!) {
    eraseClient(id: $id, reason: $reason) {
      id
      erasedAt
    }
    eraseClientReferrals(clientId: $id, reason: $reason) {
      referrals
      assessments
    }
  }
`);

/** The file a person (or the controller for them) gets: one section per subgraph that holds their data. */
export interface PersonalDataFile {
  format: 'etablerertjenesten/personal-data-export/1';
  exportedAt: string;
  exportedBy: string;
  clientId: string;
  erasedAt: string | null;
  heldBy: {
    /** The regions subgraph: the client, counselling, courses, businesses, surveys, website requests, audit log. */
    regions: unknown;
    /** The partners subgraph: referrals, business assessments, qualification measures, audit log. */
    partners: unknown;
  };
}

export interface PersonalDataError {
  action: 'export' | 'erase';
  message: string;
  codes: string[];
}

/** The file's name, e.g. `personopplysninger-<id>-2026-11-27.json`: no name of the person in it. */
export const exportFileName = (file: PersonalDataFile) =>
  `personopplysninger-${file.clientId}-${file.exportedAt.slice(0, 10)}.json`;

/**
 * The export and the erasure. The export is asked for when the person wants the file, straight from the graph and not
 * through the query layer's cache: each export is audit-logged, and a file must be as of the moment it is made.
 */
export function useClientPersonalData() {
  const exporting = ref(false);
  const erasure = useGraphQLMutation(EraseClientDocument);
  const error = ref<PersonalDataError | null>(null);

  /** Everything held about the client, or null with the reason in `error`. */
  async function exportData(clientId: string): Promise<PersonalDataFile | null> {
    exporting.value = true;
    error.value = null;
    try {
      const { clientDataExport } = await request(ClientDataExportDocument, { id: clientId });
      return {
        format: 'etablerertjenesten/personal-data-export/1',
        exportedAt: clientDataExport.exportedAt,
        exportedBy: clientDataExport.exportedBy,
        clientId: clientDataExport.client.id,
        erasedAt: clientDataExport.client.erasedAt ?? null,
        heldBy: {
          regions: clientDataExport.heldByRegions,
          partners: clientDataExport.client.personalDataHeldByPartners,
        },
      };
    } catch (caught) {
      const requestError = toRequestError(caught);
      error.value = { action: 'export', message: requestError.message, codes: requestError.codes };
      return null;
    } finally {
      exporting.value = false;
    }
  }

  /** Erases the person's data on their request; resolves to whether it worked. */
  async function erase(clientId: string): Promise<boolean> {
    error.value = null;
    try {
      await erasure.run({ id: clientId, reason: 'REQUEST' });
      return true;
    } catch (caught) {
      const requestError = toRequestError(caught);
      error.value = { action: 'erase', message: requestError.message, codes: requestError.codes };
      return false;
    }
  }

  return {
    exporting: computed(() => exporting.value),
    erasing: erasure.running,
    error,
    exportData,
    erase,
    clearError: () => {
      error.value = null;
    },
  };
}
