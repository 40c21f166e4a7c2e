// The clients store: one page of the caller's client list, with the search and filters it was asked for; the regions to
// filter by; and every page of a filtered list for its CSV file.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ClientListQuery, ClientListQueryVariables, ImmigrantBackground } from '../graphql/generated/graphql';
import type { LoadError } from './regions';

export const ClientListDocument = graphql(`
  query ClientList(
    $regionId: ID
    $search: String
    $immigrantBackground: ImmigrantBackground
    $hasBusiness: Boolean
    $registeredFrom: Date
    $registeredTo: Date
    $first: Int!
    $offset: Int!
  ) {
    clients(
      regionId: $regionId
      search: $search
      immigrantBackground: $immigrantBackground
      hasBusiness: $hasBusiness
      registeredFrom: $registeredFrom
      registeredTo: $registeredTo
      first: $first
      offset: $offset
    ) {
      items {
        id
        name
        erasedAt
        registeredOn
        immigrantBackground
        municipality {
          number
          name
        }
        region {
          id
          name
        }
        businesses {
          id
        }
      }
      totalCount
      hasNextPage
    }
  }
`);

export const ClientRegionOptionsDocument = graphql(`
  query ClientRegionOptions {
    regions {
      id
      name
    }
  }
`);

export type ClientPage = ClientListQuery['clients'];
export type ClientListItem = ClientPage['items'][number];
export type { LoadError };

/** Clients per page of the list. */
export const clientPageSize = 50;
/** Clients per request when the whole list is fetched for a file: the graph's largest page. */
export const clientExportPageSize = 200;

/** What the list is asked for; empty or null values mean "no such filter". */
export interface ClientListRequest {
  regionId: string | null;
  search: string;
  immigrantBackground: ImmigrantBackground | null;
  hasBusiness: boolean | null;
  registeredFrom: string | null;
  registeredTo: string | null;
  offset: number;
}

/** The query's variables: filters that are not set are left out, so the gateway applies none. */
export function toClientListVariables(asked: ClientListRequest, first = clientPageSize): ClientListQueryVariables {
  const variables: ClientListQueryVariables = { first, offset: asked.offset };
  if (asked.regionId) variables.regionId = asked.regionId;
  const search = asked.search.trim();
  if (search !== '') variables.search = search;
  if (asked.immigrantBackground) variables.immigrantBackground = asked.immigrantBackground;
  if (asked.hasBusiness !== null) variables.hasBusiness = asked.hasBusiness;
  if (asked.registeredFrom) variables.registeredFrom = asked.registeredFrom;
  if (asked.registeredTo) variables.registeredTo = asked.registeredTo;
  return variables;
}

export const useClientsStore = defineStore('clients', () => {
  /** The request the page below answers; null before the first successful load. */
  const asked = ref<ClientListRequest | null>(null);
  const page = ref<ClientPage | null>(null);
  // Typing in the search box can overlap requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  async function load(next: ClientListRequest): Promise<void> {
    await run(() => request(ClientListDocument, toClientListVariables(next)), {
      onData: (data) => {
        page.value = data.clients;
        asked.value = { ...next };
      },
      onError: () => {
        page.value = null;
        asked.value = null;
      },
    });
  }

  /** The regions a county officer may filter by; empty until loaded (and for everyone else). */
  const regionOptions = ref<{ id: string; name: string }[]>([]);

  async function loadRegionOptions(): Promise<void> {
    try {
      const data = await request(ClientRegionOptionsDocument);
      regionOptions.value = [...data.regions].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
    } catch {
      // Without the options the list still works, unfiltered by region; the list's own error says what is wrong.
      regionOptions.value = [];
    }
  }

  const exporting = ref(false);
  const exportError = ref<LoadError | null>(null);

  /**
   * Every client the filter matches, page after page, for a CSV file of the whole list (each read is audit-logged by
   * the graph, as for the pages on screen). Null when a page could not be fetched: half a list must not look whole.
   */
  async function fetchAll(filter: Omit<ClientListRequest, 'offset'>): Promise<ClientListItem[] | null> {
    exporting.value = true;
    exportError.value = null;
    try {
      const byId = new Map<string, ClientListItem>();
      for (let offset = 0; ; offset += clientExportPageSize) {
        const data = await request(
          ClientListDocument,
          toClientListVariables({ ...filter, offset }, clientExportPageSize),
        );
        // A client registered meanwhile shifts the pages by one; the id keeps another from appearing twice.
        for (const item of data.clients.items) if (!byId.has(item.id)) byId.set(item.id, item);
        if (!data.clients.hasNextPage || data.clients.items.length === 0) return [...byId.values()];
      }
    } catch (caught) {
      const requestError = toRequestError(caught);
      exportError.value = { message: requestError.message, codes: requestError.codes };
      return null;
    } finally {
      exporting.value = false;
    }
  }

  return { asked, page, loading, error, load, regionOptions, loadRegionOptions, exporting, exportError, fetchAll };
});
