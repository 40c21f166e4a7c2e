// The client edit store: saving an adviser's changes to a client with the version they were based on,
// then loading the client page again; a CONFLICT means someone else saved in between.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { serverFieldErrors } from '../composables/fieldErrors';
import { type GraphQLRequestError, request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { UpdateClientInput } from '../graphql/generated/graphql';
import { useClientStore } from './client';

export const UpdateClientDocument = graphql(`
  mutation UpdateClient($id: ID!, $version: Int!, $input: UpdateClientInput!) {
    updateClient(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

/** What went wrong saving; plain data, so the store state stays serialisable. */
export interface ClientEditError {
  message: string;
  codes: string[];
  /** The server's messages by input field, without the `input.` prefix (e.g. `industryCode`). */
  fieldErrors: Record<string, string>;
}

function toEditError(error: GraphQLRequestError): ClientEditError {
  return { message: error.message, codes: error.codes, fieldErrors: serverFieldErrors(error) };
}

export const useClientEditStore = defineStore('clientEdit', () => {
  const saving = ref(false);
  const actionError = ref<ClientEditError | null>(null);
  /** Someone else saved the client since it was loaded: the adviser must reload before editing again. */
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);

  /**
   * Saves the changes made to `version` of the client, then loads the client page again so it shows
   * what was saved (and the new version); resolves to whether the save worked.
   */
  async function save(id: string, version: number, input: UpdateClientInput): Promise<boolean> {
    saving.value = true;
    actionError.value = null;
    try {
      await request(UpdateClientDocument, { id, version, input });
    } catch (caught) {
      actionError.value = toEditError(toRequestError(caught));
      return false;
    } finally {
      saving.value = false;
    }
    await reloadClient(id);
    return true;
  }

  /** Loads the client page's data again, e.g. to see another person's changes after a conflict. */
  async function reloadClient(id: string): Promise<void> {
    const clientStore = useClientStore();
    await clientStore.load(id, clientStore.year ?? new Date().getFullYear());
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return { saving, actionError, conflict, save, reloadClient, clearActionError };
});
