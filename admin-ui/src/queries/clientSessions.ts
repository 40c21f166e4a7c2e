// A client's counselling sessions through the query layer, one page at a time (a client may have many), with
// preparation time and funding source; and logging a session with them (after which the page asks again).
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { graphql } from '../graphql/generated';
import type { ClientSessionPageQuery, LogCounsellingSessionInput } from '../graphql/generated/graphql';
import { useGraphQLQuery } from '../graphql/queries';
import { useFormAction } from './formAction';

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

/**
 * The page of the client's sessions from `offset`. While another page loads, the one on screen stays (`shownOffset`
 * says where it starts), so the table does not empty between pages.
 */
export function useClientSessionPage(id: MaybeRefOrGetter<string>, offset: MaybeRefOrGetter<number>) {
  const answer = useGraphQLQuery(
    ClientSessionPageDocument,
    () => ({ id: toValue(id), first: sessionPageSize, offset: toValue(offset) }),
    { enabled: () => toValue(id) !== '', keepPrevious: true },
  );
  const page = computed(() => answer.data.value?.client?.counsellingSessionPage);
  return {
    sessions: computed<SessionPageItem[]>(() => page.value?.items ?? []),
    totalCount: computed(() => page.value?.totalCount ?? 0),
    hasNextPage: computed(() => page.value?.hasNextPage ?? false),
    shownOffset: computed(() => answer.shownVariables.value?.offset ?? 0),
    loading: answer.loading,
    error: answer.error,
  };
}

/** Logging a session: `log` resolves to whether it was logged. */
export function useLogSession() {
  const action = useFormAction(LogSessionWithDetailsDocument);
  return {
    ...action,
    log: async (input: LogCounsellingSessionInput) => (await action.send({ input })) !== null,
  };
}
