// A client's counselling sessions, one page at a time (a client may have many), with preparation time and funding
// source; and logging a session with them.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { type GraphQLRequestError, request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ClientSessionPageQuery, LogCounsellingSessionInput } from '../graphql/generated/graphql';

export const ClientSessionPageDocument = graphql(`
  query ClientSessionPage($id: ID!, $first: Int!, $offset: Int!) {
    client(id: $id) {
      id
      counsellingSessionPage(first: $first, offset: $offset) {
        totalCount
        hasNextPage
        items {
          id
          date
          durationMinutes
          preparationMinutes
          fundingSource
          form
          topic
          minutesBeyondFreeLimit
          adviser {
            id
            name
          }
        }
      }
    }
  }
`);

export const LogSessionWithDetailsDocument = graphql(`
  mutation LogSessionWithDetails($input: LogCounsellingSessionInput!) {
    logCounsellingSession(input: $input) {
      id
    }
  }
`);

export type SessionPageItem = NonNullable<ClientSessionPageQuery['client']>['counsellingSessionPage']['items'][number];

/** Sessions on one page. */
export const sessionPageSize = 10;

export interface SessionActionError {
  message: string;
  codes: string[];
  fieldErrors: Record<string, string>;
}

function toSessionError(error: GraphQLRequestError): SessionActionError {
  const fieldErrors: Record<string, string> = {};
  for (const detail of error.errors) {
    if (!detail.field) continue;
    const field = detail.field.replace(/^input\./, '');
    fieldErrors[field] = detail.message.startsWith(`${detail.field}:`)
      ? detail.message.slice(detail.field.length + 1).trim()
      : detail.message;
  }
  return { message: error.message, codes: error.codes, fieldErrors };
}

export const useClientSessionsStore = defineStore('clientSessions', () => {
  const clientId = ref<string | null>(null);
  const offset = ref(0);
  const sessions = ref<SessionPageItem[]>([]);
  const totalCount = ref(0);
  const hasNextPage = ref(false);
  const saving = ref(false);
  const actionError = ref<SessionActionError | null>(null);
  const { loading, error, run } = useLatestRequest();

  async function load(id: string, from = 0): Promise<void> {
    await run(() => request(ClientSessionPageDocument, { id, first: sessionPageSize, offset: from }), {
      onData: (data) => {
        const page = data.client?.counsellingSessionPage;
        sessions.value = page?.items ?? [];
        totalCount.value = page?.totalCount ?? 0;
        hasNextPage.value = page?.hasNextPage ?? false;
        clientId.value = id;
        offset.value = from;
      },
      onError: () => {
        sessions.value = [];
        totalCount.value = 0;
        hasNextPage.value = false;
      },
    });
  }

  const next = () => (clientId.value ? load(clientId.value, offset.value + sessionPageSize) : Promise.resolve());
  const previous = () =>
    clientId.value ? load(clientId.value, Math.max(0, offset.value - sessionPageSize)) : Promise.resolve();

  /** Logs a session and shows the first page again, where the newest is. */
  async function logSession(input: LogCounsellingSessionInput): Promise<boolean> {
    saving.value = true;
    actionError.value = null;
    try {
      await request(LogSessionWithDetailsDocument, { input });
    } catch (caught) {
      actionError.value = toSessionError(toRequestError(caught));
      return false;
    } finally {
      saving.value = false;
    }
    await load(String(input.clientId), 0);
    return true;
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    clientId,
    offset,
    sessions,
    totalCount,
    hasNextPage,
    loading,
    error,
    saving,
    actionError,
    load,
    next,
    previous,
    logSession,
    clearActionError,
  };
});
