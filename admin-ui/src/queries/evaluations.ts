// The evaluations of the service through the query layer, newest first, and recording one (which marks the answers
// stale, so the list on screen is asked again and the new one takes its place by the day it was published).
import { computed, ref } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { EvaluationInput, EvaluationsQuery } from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

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
/** What went wrong recording an evaluation. */
export type EvaluationActionError = FormActionError;

/** The evaluation as the gateway saved it: where the page finds it in the list. */
export interface SavedEvaluation {
  id: string;
  title: string;
  publishedOn: string;
}

/** The evaluations, newest first, as the graph gives them. */
export function useEvaluations() {
  const query = useGraphQLQuery(EvaluationsDocument, {});
  return {
    evaluations: computed<EvaluationItem[]>(() => query.data.value?.evaluations ?? []),
    /** True once an answer has come: an empty list then means there are none. */
    loaded: computed(() => query.data.value !== undefined),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}

/** Recording an evaluation: resolves to the saved one, or null with the reason in `actionError`. */
export function useRecordEvaluation() {
  const mutation = useGraphQLMutation(RecordEvaluationDocument);
  const actionError = ref<EvaluationActionError | null>(null);
  async function record(input: EvaluationInput): Promise<SavedEvaluation | null> {
    actionError.value = null;
    try {
      return (await mutation.run({ input })).recordEvaluation;
    } catch (caught) {
      actionError.value = toFormActionError(toRequestError(caught));
      return null;
    }
  }
  return {
    record,
    saving: mutation.running,
    actionError,
    clearActionError: () => {
      actionError.value = null;
    },
  };
}
