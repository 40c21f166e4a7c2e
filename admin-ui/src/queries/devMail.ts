// The development mail page's messages through the query layer's cache (Pinia Colada): what the local SMTP catcher got,
// asked from the gateway's /dev/mail/messages (not GraphQL, so not through useGraphQLQuery). Development only.
import { useQuery } from '@pinia/colada';
import { computed } from 'vue';
import { type DevMailMessage, DevMailRequestError, fetchDevMailMessages } from '../graphql/dev-mail';
import { useAuthStore } from '../stores/auth';

/** Why the messages could not be listed; `unavailable` when the gateway has no catcher to ask (404, 502, 503). */
export interface DevMailError {
  message: string;
  unavailable: boolean;
}

export function useDevMailMessages() {
  const auth = useAuthStore();
  const query = useQuery<DevMailMessage[], unknown>({
    // The catcher holds every message sent on this machine, whoever is signed in: nothing here is one person's.
    key: ['dev-mail', 'messages'],
    query: async () => fetchDevMailMessages(await auth.validAccessToken()),
    // A catcher that is not there will not be there a second later either.
    retry: 0,
  });
  return {
    messages: computed<DevMailMessage[] | null>(() => query.data.value ?? null),
    loading: computed(() => query.asyncStatus.value === 'loading'),
    error: computed<DevMailError | null>(() => {
      const caught = query.error.value;
      if (caught === null) return null;
      const status = caught instanceof DevMailRequestError ? caught.status : undefined;
      return {
        message: caught instanceof Error ? caught.message : String(caught),
        unavailable: status === 404 || status === 502 || status === 503,
      };
    }),
    refetch: () => query.refetch(),
  };
}
