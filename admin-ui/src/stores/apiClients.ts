// The API clients store: the partner systems the caller's county registered, with their keys, and registering,
// adding and revoking keys, and revoking clients.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ApiClientsQuery, RegisterApiClientInput } from '../graphql/generated/graphql';
import { type PartnerActionError, toPartnerActionError } from './partnerErrors';

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

/** What went wrong; plain data, so the store state stays serialisable. */
export interface ApiClientActionError extends PartnerActionError {
  action: 'register' | 'add-key' | 'revoke-key' | 'revoke-client';
  /** The client the action was for. */
  clientId: string;
}

export const useApiClientsStore = defineStore('apiClients', () => {
  const clients = ref<ApiClientItem[]>([]);
  const includeRevoked = ref(false);
  const saving = ref(false);
  const actionError = ref<ApiClientActionError | null>(null);
  const { loading, error, run } = useLatestRequest();

  async function load(options: { includeRevoked?: boolean } = {}): Promise<void> {
    const wanted = options.includeRevoked ?? includeRevoked.value;
    await run(() => request(ApiClientsDocument, { includeRevoked: wanted }), {
      onData: (data) => {
        clients.value = data.apiClients;
        includeRevoked.value = wanted;
      },
      onError: () => {
        clients.value = [];
      },
    });
  }

  async function act(
    action: ApiClientActionError['action'],
    clientId: string,
    send: () => Promise<unknown>,
  ): Promise<boolean> {
    saving.value = true;
    actionError.value = null;
    try {
      await send();
    } catch (caught) {
      actionError.value = { action, clientId, ...toPartnerActionError(toRequestError(caught)) };
      return false;
    } finally {
      saving.value = false;
    }
    await load();
    return true;
  }

  function register(input: RegisterApiClientInput): Promise<boolean> {
    return act('register', String(input.clientId), () => request(RegisterApiClientDocument, { input }));
  }

  /** Adds a public JWK (as pasted, JSON) to a client. */
  function addKey(clientId: string, publicKey: string): Promise<boolean> {
    return act('add-key', clientId, () => request(AddApiClientKeyDocument, { input: { clientId, publicKey } }));
  }

  function revokeKey(clientId: string, kid: string): Promise<boolean> {
    return act('revoke-key', clientId, () => request(RevokeApiClientKeyDocument, { input: { clientId, kid } }));
  }

  function revokeClient(clientId: string): Promise<boolean> {
    return act('revoke-client', clientId, () => request(RevokeApiClientDocument, { input: { clientId } }));
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    clients,
    includeRevoked,
    loading,
    error,
    saving,
    actionError,
    load,
    register,
    addKey,
    revokeKey,
    revokeClient,
    clearActionError,
  };
});
