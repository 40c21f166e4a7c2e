// The clients store: one page of the caller's client list, with the search and filters it was asked for.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request } from '../graphql/client';
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
        businesses {
          id
        }
      }
      totalCount
      hasNextPage
    }
  }
`);

export type ClientPage = ClientListQuery['clients'];
export type ClientListItem = ClientPage['items'][number];
export type { LoadError };

/** Clients per page of the list. */
export const clientPageSize = 50;

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
export function toClientListVariables(asked: ClientListRequest): ClientListQueryVariables {
  const variables: ClientListQueryVariables = { first: clientPageSize, offset: asked.offset };
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

  return { asked, page, loading, error, load };
});
