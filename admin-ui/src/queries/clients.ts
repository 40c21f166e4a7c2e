// The client list through the query layer: one page of the clients the caller may see, with the search and filters
// asked for; the regions a county officer filters by; and every page of a filtered list for its CSV file.
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import type { LoadError } from '../graphql/client';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ClientListQuery, ClientListQueryVariables, ImmigrantBackground } from '../graphql/generated/graphql';
import { useGraphQLQuery } from '../graphql/queries';

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
      county {
        id
      }
    }
  }
`);

export type ClientPage = ClientListQuery['clients'];
export type ClientListItem = ClientPage['items'][number];

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

/**
 * The page of the list `asked` names. While another page or filter loads, the page on screen stays (`shownOffset`
 * says where it starts), so the table does not empty between pages; one that fails shows its error instead.
 */
export function useClientList(asked: MaybeRefOrGetter<ClientListRequest>) {
  const list = useGraphQLQuery(ClientListDocument, () => toClientListVariables(toValue(asked)), {
    keepPrevious: true,
  });
  return {
    /** The page on screen; undefined before the first answer and after a failure. */
    page: computed<ClientPage | undefined>(() => list.data.value?.clients),
    shownOffset: computed(() => list.shownVariables.value?.offset ?? null),
    loading: list.loading,
    error: list.error,
    refetch: list.refetch,
  };
}

/**
 * The regions a county officer may filter by, by name; asked for only when `enabled`. Without them the list still
 * works, unfiltered by region, and its own error says what is wrong, so a failure here only leaves them out.
 */
/**
 * The regions a county officer's client list (and website requests) can be narrowed to: their county's, those whose
 * clients they may see (since 2024 each region answers to Østfold, Akershus or Buskerud).
 */
export function useClientRegionOptions(enabled: MaybeRefOrGetter<boolean>, countyId: MaybeRefOrGetter<string | null>) {
  const options = useGraphQLQuery(ClientRegionOptionsDocument, {}, { enabled });
  return computed(() =>
    (options.data.value?.regions ?? [])
      // Without the county service a region's county is unknown: it is offered, and the graph still decides.
      .filter((region) => !region.county || region.county.id === toValue(countyId))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
  );
}

/**
 * Every client the filter matches, page after page, for a CSV file of the whole list (each read is audit-logged by
 * the graph, as for the pages on screen). `fetchAll` resolves to null when a page could not be fetched, the reason
 * in `exportError`: half a list must not look whole.
 */
export function useClientExport() {
  const exporting = ref(false);
  const exportError = ref<LoadError | null>(null);

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

  return { exporting, exportError, fetchAll };
}
