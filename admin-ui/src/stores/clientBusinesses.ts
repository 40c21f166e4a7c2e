// The client page's businesses: what the register of legal entities says of each (status, industry,
// dates, set by the register's import), and registering a business the client started.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { serverFieldErrors } from '../composables/fieldErrors';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ClientBusinessesQuery, RegisterBusinessInput } from '../graphql/generated/graphql';

export const ClientBusinessesDocument = graphql(`
  query ClientBusinesses($id: ID!) {
    client(id: $id) {
      id
      businesses {
        id
        name
        organisationNumber
        registeredOn
        legalForm
        industryCode
        registeredInRegisterOn
        deletedOn
        bankruptOn
        registerCheckedAt
        missingFromRegisterSince
        registerStatus
      }
    }
  }
`);

export const RegisterBusinessDocument = graphql(`
  mutation RegisterBusiness($input: RegisterBusinessInput!) {
    registerBusiness(input: $input) {
      id
    }
  }
`);

export type ClientBusiness = NonNullable<ClientBusinessesQuery['client']>['businesses'][number];

/** What went wrong; the server's messages by input field (without `input.`), shown beside the fields. */
export interface BusinessActionError {
  message: string;
  codes: string[];
  fieldErrors: Record<string, string>;
}

export const useClientBusinessesStore = defineStore('clientBusinesses', () => {
  const clientId = ref<string | null>(null);
  const businesses = ref<ClientBusiness[]>([]);
  const loading = ref(false);
  const error = ref<{ message: string; codes: string[] } | null>(null);
  const saving = ref(false);
  const actionError = ref<BusinessActionError | null>(null);

  async function load(id: string): Promise<void> {
    clientId.value = id;
    loading.value = true;
    error.value = null;
    try {
      const data = await request(ClientBusinessesDocument, { id });
      // A later load for another client wins.
      if (clientId.value === id) businesses.value = data.client?.businesses ?? [];
    } catch (caught) {
      const failure = toRequestError(caught);
      if (clientId.value === id) error.value = { message: failure.message, codes: failure.codes };
    } finally {
      if (clientId.value === id) loading.value = false;
    }
  }

  /** Registers the business, then loads the list again; resolves to whether it was registered. */
  async function register(input: RegisterBusinessInput): Promise<boolean> {
    saving.value = true;
    actionError.value = null;
    try {
      await request(RegisterBusinessDocument, { input });
    } catch (caught) {
      const failure = toRequestError(caught);
      actionError.value = { message: failure.message, codes: failure.codes, fieldErrors: serverFieldErrors(failure) };
      return false;
    } finally {
      saving.value = false;
    }
    await load(String(input.clientId));
    return true;
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return { clientId, businesses, loading, error, saving, actionError, load, register, clearActionError };
});
