// The evaluations store: the evaluations of the service, newest first, and recording one.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { EvaluationInput, EvaluationsQuery } from '../graphql/generated/graphql';
import { type PartnerActionError, toPartnerActionError } from './partnerErrors';
import type { LoadError } from './regions';

export const EvaluationsDocument = graphql(`
  query Evaluations {
    evaluations {
      id
      title
      periodFrom
      periodTo
      author
      findings
      documentReference
      publishedOn
    }
  }
`);

export const RecordEvaluationDocument = graphql(`
  mutation RecordEvaluation($input: EvaluationInput!) {
    recordEvaluation(input: $input) {
      id
      title
      publishedOn
    }
  }
`);

export type EvaluationItem = EvaluationsQuery['evaluations'][number];
export type { LoadError };

/** What went wrong recording an evaluation; plain data, so the store state stays serialisable. */
export type EvaluationActionError = PartnerActionError;

/** The evaluation as the gateway saved it: where the page finds it in the list. */
export interface SavedEvaluation {
  id: string;
  title: string;
  publishedOn: string;
}

export const useEvaluationsStore = defineStore('evaluations', () => {
  /** Newest first, as the graph gives them; empty before the first successful load. */
  const evaluations = ref<EvaluationItem[]>([]);
  /** True once an answer has come: an empty list then means there are none. */
  const loaded = ref(false);
  /** True while an evaluation is being sent. */
  const saving = ref(false);
  const actionError = ref<EvaluationActionError | null>(null);

  // A reload after recording may overlap one the user started; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  async function load(): Promise<void> {
    await run(() => request(EvaluationsDocument), {
      onData: (data) => {
        evaluations.value = data.evaluations;
        loaded.value = true;
      },
      onError: () => {
        evaluations.value = [];
        loaded.value = false;
      },
    });
  }

  /** Records an evaluation; resolves to the saved one, or null with the reason in `actionError`. */
  async function record(input: EvaluationInput): Promise<SavedEvaluation | null> {
    saving.value = true;
    actionError.value = null;
    let saved: SavedEvaluation;
    try {
      saved = (await request(RecordEvaluationDocument, { input })).recordEvaluation;
    } catch (caught) {
      actionError.value = toPartnerActionError(toRequestError(caught));
      return null;
    } finally {
      saving.value = false;
    }
    // The list is ordered by the day published, so the new one's place comes from the graph.
    await load();
    return saved;
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return { evaluations, loaded, loading, error, saving, actionError, load, record, clearActionError };
});
