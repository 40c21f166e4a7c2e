// A client's impact records (jobs, capital, revenue) on the client page: listing them, recording and correcting
// them, and the client's confirmation (in person, on a form, or by the e-mail link the adviser asks the server to send).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { serverFieldErrors } from '../composables/fieldErrors';
import { useLatestRequest } from '../composables/useLatestRequest';
import { type GraphQLRequestError, request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  ClientImpactQuery,
  CorrectImpactInput,
  ImpactConfirmationMethod,
  RecordImpactInput,
} from '../graphql/generated/graphql';

export const ClientImpactDocument = graphql(`
  query ClientImpact($id: ID!) {
    client(id: $id) {
      id
      email
      impactRecords {
        id
        kind
        recordedFor
        fte
        amount
        capitalSource
        note
        recordedAt
        confirmedAt
        confirmedVia
        confirmationRequestedAt
        version
        adviser {
          id
          name
        }
      }
    }
  }
`);

export const RecordImpactDocument = graphql(`
  mutation RecordImpact($input: RecordImpactInput!) {
    recordImpact(input: $input) {
      id
    }
  }
`);

export const CorrectImpactDocument = graphql(`
  mutation CorrectImpact($id: ID!, $version: Int!, $input: CorrectImpactInput!) {
    correctImpact(id: $id, version: $version, input: $input) {
      id
    }
  }
`);

export const DeleteImpactDocument = graphql(`
  mutation DeleteImpact($id: ID!) {
    deleteImpact(id: $id)
  }
`);

export const RecordImpactConfirmationDocument = graphql(`
  mutation RecordImpactConfirmation($id: ID!, $via: ImpactConfirmationMethod!) {
    recordImpactConfirmation(id: $id, via: $via) {
      id
    }
  }
`);

export const RequestImpactConfirmationDocument = graphql(`
  mutation RequestImpactConfirmation($id: ID!) {
    requestImpactConfirmation(id: $id) {
      id
    }
  }
`);

export type ImpactRecordItem = NonNullable<ClientImpactQuery['client']>['impactRecords'][number];

/** What went wrong with an action on impact records: the record (or null for a new one), and the server's field messages. */
export interface ImpactActionError {
  action: 'record' | 'correct' | 'delete' | 'confirm' | 'request';
  recordId: string | null;
  message: string;
  codes: string[];
  /** By input field, without the `input.` prefix (e.g. `fte`). */
  fieldErrors: Record<string, string>;
}

function toImpactError(
  action: ImpactActionError['action'],
  recordId: string | null,
  error: GraphQLRequestError,
): ImpactActionError {
  return { action, recordId, message: error.message, codes: error.codes, fieldErrors: serverFieldErrors(error) };
}

export const useClientImpactStore = defineStore('clientImpact', () => {
  const clientId = ref<string | null>(null);
  const records = ref<ImpactRecordItem[]>([]);
  const hasEmail = ref(false);
  const saving = ref(false);
  const actionError = ref<ImpactActionError | null>(null);
  const { loading, error, run } = useLatestRequest();

  async function load(id: string): Promise<void> {
    await run(() => request(ClientImpactDocument, { id }), {
      onData: (data) => {
        records.value = data.client?.impactRecords ?? [];
        hasEmail.value = !!data.client?.email;
        clientId.value = id;
      },
      onError: () => {
        records.value = [];
        clientId.value = null;
      },
    });
  }

  /** Runs an action and loads the records again; resolves to whether it worked (the reason otherwise in `actionError`). */
  async function act(
    action: ImpactActionError['action'],
    recordId: string | null,
    perform: () => Promise<unknown>,
  ): Promise<boolean> {
    saving.value = true;
    actionError.value = null;
    try {
      await perform();
    } catch (caught) {
      actionError.value = toImpactError(action, recordId, toRequestError(caught));
      return false;
    } finally {
      saving.value = false;
    }
    if (clientId.value) await load(clientId.value);
    return true;
  }

  const recordImpact = (input: RecordImpactInput) =>
    act('record', null, () => request(RecordImpactDocument, { input }));
  const correct = (record: ImpactRecordItem, input: CorrectImpactInput) =>
    act('correct', record.id, () => request(CorrectImpactDocument, { id: record.id, version: record.version, input }));
  const remove = (record: ImpactRecordItem) =>
    act('delete', record.id, () => request(DeleteImpactDocument, { id: record.id }));
  const confirm = (record: ImpactRecordItem, via: ImpactConfirmationMethod) =>
    act('confirm', record.id, () => request(RecordImpactConfirmationDocument, { id: record.id, via }));
  const requestConfirmation = (record: ImpactRecordItem) =>
    act('request', record.id, () => request(RequestImpactConfirmationDocument, { id: record.id }));

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    clientId,
    records,
    hasEmail,
    loading,
    error,
    saving,
    actionError,
    load,
    recordImpact,
    correct,
    remove,
    confirm,
    requestConfirmation,
    clearActionError,
  };
});
