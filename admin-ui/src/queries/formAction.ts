// A form's mutation through the query layer: sent, refused with the server's messages by field, or done, after
// which every page on screen asks again for what it shows.
import { computed, type Ref, ref, shallowReactive, shallowRef } from 'vue';
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

/** What `useFormActions` gives. */
export interface FormActions<Action extends string, About extends object> {
  define<TResult, TVariables>(
    action: Action,
    document: TypedDocumentString<TResult, TVariables>,
    prefixes?: readonly string[],
  ): (about: About, variables: TVariables) => Promise<boolean>;
  /** True while any of the actions is being sent. */
  saving: Readonly<Ref<boolean>>;
  failure: Ref<(FormActionError & { action: Action } & About) | null>;
  clearFailure: () => void;
}

/**
 * A page's several form actions (giving and ending a role, say) with one failure between them: the newest action's,
 * with which `action` it was and what it was `about` (e.g. `{ clientId }`), as plain data. Name each action with
 * `define` in setup; it resolves to whether it worked. Sending any action clears the failure of the one before.
 */
export function useFormActions<Action extends string, About extends object>(): FormActions<Action, About> {
  const failure: FormActions<Action, About>['failure'] = shallowRef(null);
  const running = shallowReactive<Readonly<Ref<boolean>>[]>([]);

  const define: FormActions<Action, About>['define'] = (action, document, prefixes) => {
    const form = useFormAction(document, prefixes);
    running.push(form.saving);
    return async (about, variables) => {
      failure.value = null;
      await form.send(variables);
      const error = form.actionError.value;
      if (error) failure.value = { action, ...about, ...error };
      return error === null;
    };
  };

  return {
    define,
    saving: computed(() => running.some((one) => one.value)),
    failure,
    clearFailure: () => {
      failure.value = null;
    },
  };
}
