// The partner systems the caller's county registered, with their keys, through the query layer; and registering,
// adding and revoking keys, and revoking clients (each marks the answers stale, so the list is asked again).
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import type { FormActionError } from '../composables/fieldErrors';
import { graphql } from '../graphql/generated';
import type { ApiClientsQuery, RegisterApiClientInput } from '../graphql/generated/graphql';
import { useGraphQLQuery } from '../graphql/queries';
import { useFormActions } from './formAction';

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
  const actions = useFormActions<ApiClientActionError['action'], Pick<ApiClientActionError, 'clientId'>>();
  const register = actions.define('register', RegisterApiClientDocument);
  const addKey = actions.define('add-key', AddApiClientKeyDocument);
  const revokeKey = actions.define('revoke-key', RevokeApiClientKeyDocument);
  const revokeClient = actions.define('revoke-client', RevokeApiClientDocument);
  return {
    saving: actions.saving,
    actionError: actions.failure,
    register: (input: RegisterApiClientInput) => register({ clientId: String(input.clientId) }, { input }),
    /** Adds a public JWK (as pasted, JSON) to a client. */
    addKey: (clientId: string, publicKey: string) => addKey({ clientId }, { input: { clientId, publicKey } }),
    revokeKey: (clientId: string, kid: string) => revokeKey({ clientId }, { input: { clientId, kid } }),
    revokeClient: (clientId: string) => revokeClient({ clientId }, { input: { clientId } }),
    clearActionError: actions.clearFailure,
  };
}
