// The partner systems the caller's county registered, with their keys, through the query layer; and registering,
// adding and revoking keys, and revoking clients (each marks the answers stale, so the list is asked again).
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ApiClientsQuery, RegisterApiClientInput } from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

export const ApiClientsDocument = graphql(`
  query ApiClients($includeRevoked: Boolean!) {
    apiClients(includeRevoked: $includeRevoked) {
      clientId
      name
      organisation {
        id
        kind
        name
      }
      scopes
      registeredAt
      registeredBy
      revokedAt
      revokedBy
      keys {
        kid
        algorithm
        addedAt
        addedBy
        revokedAt
        revokedBy
      }
    }
  }
`);

export const RegisterApiClientDocument = graphql(`
  mutation RegisterApiClient($input: RegisterApiClientInput!) {
    registerApiClient(input: $input) {
      clientId
    }
  }
`);

export const AddApiClientKeyDocument = graphql(`
  mutation AddApiClientKey($input: AddApiClientKeyInput!) {
    addApiClientKey(input: $input) {
      clientId
    }
  }
`);

export const RevokeApiClientKeyDocument = graphql(`
  mutation RevokeApiClientKey($input: RevokeApiClientKeyInput!) {
    revokeApiClientKey(input: $input) {
      clientId
    }
  }
`);

export const RevokeApiClientDocument = graphql(`
  mutation RevokeApiClient($input: RevokeApiClientInput!) {
    revokeApiClient(input: $input) {
      clientId
    }
  }
`);

export type ApiClientItem = ApiClientsQuery['apiClients'][number];
export type ApiClientKeyItem = ApiClientItem['keys'][number];

/** The scopes a partner system can be given (the kit's `scopes`). */
export const apiClientScopes = ['aggregates:read'] as const;

/** What went wrong, and with which client. */
export interface ApiClientActionError extends FormActionError {
  action: 'register' | 'add-key' | 'revoke-key' | 'revoke-client';
  /** The client the action was for. */
  clientId: string;
}

/** The clients, the revoked ones too when `includeRevoked`; the list on screen stays while the other one loads. */
export function useApiClients(includeRevoked: MaybeRefOrGetter<boolean>) {
  const query = useGraphQLQuery(ApiClientsDocument, () => ({ includeRevoked: toValue(includeRevoked) }), {
    keepPrevious: true,
  });
  return {
    clients: computed<ApiClientItem[]>(() => query.data.value?.apiClients ?? []),
    loading: query.loading,
    error: query.error,
  };
}

/** The changes: each resolves to true once done, or false with the reason in `actionError`. */
export function useApiClientActions() {
  const registerMutation = useGraphQLMutation(RegisterApiClientDocument);
  const addKeyMutation = useGraphQLMutation(AddApiClientKeyDocument);
  const revokeKeyMutation = useGraphQLMutation(RevokeApiClientKeyDocument);
  const revokeClientMutation = useGraphQLMutation(RevokeApiClientDocument);
  const actionError = ref<ApiClientActionError | null>(null);
  const saving = computed(() =>
    [registerMutation, addKeyMutation, revokeKeyMutation, revokeClientMutation].some((one) => one.running.value),
  );

  async function act(
    action: ApiClientActionError['action'],
    clientId: string,
    send: () => Promise<unknown>,
  ): Promise<boolean> {
    actionError.value = null;
    try {
      await send();
      return true;
    } catch (caught) {
      actionError.value = { action, clientId, ...toFormActionError(toRequestError(caught)) };
      return false;
    }
  }

  return {
    saving,
    actionError,
    register: (input: RegisterApiClientInput) =>
      act('register', String(input.clientId), () => registerMutation.run({ input })),
    /** Adds a public JWK (as pasted, JSON) to a client. */
    addKey: (clientId: string, publicKey: string) =>
      act('add-key', clientId, () => addKeyMutation.run({ input: { clientId, publicKey } })),
    revokeKey: (clientId: string, kid: string) =>
      act('revoke-key', clientId, () => revokeKeyMutation.run({ input: { clientId, kid } })),
    revokeClient: (clientId: string) =>
      act('revoke-client', clientId, () => revokeClientMutation.run({ input: { clientId } })),
    clearActionError: () => {
      actionError.value = null;
    },
  };
}
