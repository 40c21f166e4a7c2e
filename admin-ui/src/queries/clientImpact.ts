// A client's impact records (jobs, capital, revenue) on the client page, through the query layer: listing them,
// recording and correcting them, and the client's confirmation (in person, on a form, or by the e-mail link the
// adviser asks the server to send); after each, the page asks again.
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { serverFieldErrors } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  ClientImpactQuery,
  CorrectImpactInput,
  ImpactConfirmationMethod,
  RecordImpactInput,
} from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

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

/** The impact records of the client with `id`, and whether the client has an e-mail address to ask by. */
export function useClientImpact(id: MaybeRefOrGetter<string>) {
  const answer = useGraphQLQuery(ClientImpactDocument, () => ({ id: toValue(id) }), {
    enabled: () => toValue(id) !== '',
  });
  return {
    records: computed<ImpactRecordItem[]>(() => answer.data.value?.client?.impactRecords ?? []),
    hasEmail: computed(() => !!answer.data.value?.client?.email),
    loading: answer.loading,
    error: answer.error,
  };
}

/** The actions on impact records; each resolves to whether it worked (the reason otherwise in `actionError`). */
export function useImpactActions() {
  const recording = useGraphQLMutation(RecordImpactDocument);
  const correcting = useGraphQLMutation(CorrectImpactDocument);
  const deleting = useGraphQLMutation(DeleteImpactDocument);
  const confirming = useGraphQLMutation(RecordImpactConfirmationDocument);
  const requesting = useGraphQLMutation(RequestImpactConfirmationDocument);
  const actionError = ref<ImpactActionError | null>(null);

  async function act(
    action: ImpactActionError['action'],
    recordId: string | null,
    perform: () => Promise<unknown>,
  ): Promise<boolean> {
    actionError.value = null;
    try {
      await perform();
      return true;
    } catch (caught) {
      const failure = toRequestError(caught);
      actionError.value = {
        action,
        recordId,
        message: failure.message,
        codes: failure.codes,
        fieldErrors: serverFieldErrors(failure),
      };
      return false;
    }
  }

  return {
    saving: computed(() =>
      [recording, correcting, deleting, confirming, requesting].some((mutation) => mutation.running.value),
    ),
    actionError,
    recordImpact: (input: RecordImpactInput) => act('record', null, () => recording.run({ input })),
    correct: (record: ImpactRecordItem, input: CorrectImpactInput) =>
      act('correct', record.id, () => correcting.run({ id: record.id, version: record.version, input })),
    remove: (record: ImpactRecordItem) => act('delete', record.id, () => deleting.run({ id: record.id })),
    confirm: (record: ImpactRecordItem, via: ImpactConfirmationMethod) =>
      act('confirm', record.id, () => confirming.run({ id: record.id, via })),
    requestConfirmation: (record: ImpactRecordItem) =>
      act('request', record.id, () => requesting.run({ id: record.id })),
    clearActionError: () => {
      actionError.value = null;
    },
  };
}
