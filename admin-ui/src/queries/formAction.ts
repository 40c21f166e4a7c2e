// A form's mutation through the query layer: sent, refused with the server's messages by field, or done, after
// which every page on screen asks again for what it shows.
import { ref } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import type { TypedDocumentString } from '../graphql/generated/graphql';
import { useGraphQLMutation } from '../graphql/queries';

/**
 * `send(variables)` resolves to the mutation's answer, or null with the reason in `actionError`. `prefixes` are the
 * arguments the server's field paths start with (`input` for an input object).
 */
export function useFormAction<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  prefixes: readonly string[] = ['input'],
) {
  const mutation = useGraphQLMutation(document);
  const actionError = ref<FormActionError | null>(null);

  async function send(variables: TVariables): Promise<TResult | null> {
    actionError.value = null;
    try {
      return await mutation.run(variables);
    } catch (caught) {
      actionError.value = toFormActionError(toRequestError(caught), prefixes);
      return null;
    }
  }

  return {
    send,
    saving: mutation.running,
    actionError,
    clearActionError: () => {
      actionError.value = null;
    },
  };
}
