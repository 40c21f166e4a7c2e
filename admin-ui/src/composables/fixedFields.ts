// Which fields a person has changed since a form's messages were set: a message about a field goes as
// soon as its value changes, not only at the next send, so a fixed field stops saying it is wrong.
import { type Ref, ref, watch } from 'vue';
import { useServerFieldText } from './serverFieldText';

/** A form's values by field path (`note`, `person.email`): nested objects are walked, arrays are one value. */
export function fieldValues(values: unknown, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    flat[prefix] = JSON.stringify(values ?? null);
    return flat;
  }
  for (const [key, value] of Object.entries(values)) {
    Object.assign(flat, fieldValues(value, prefix ? `${prefix}.${key}` : key));
  }
  return flat;
}

/**
 * Calls `onChange` with each field path whose value changed. `values` gives the form's draft
 * (a reactive object, or an object built of refs).
 */
export function watchChangedFields(values: () => unknown, onChange: (field: string) => void): void {
  let previous = fieldValues(values());
  watch(
    () => fieldValues(values()),
    (next) => {
      for (const field of new Set([...Object.keys(previous), ...Object.keys(next)])) {
        if (previous[field] !== next[field]) onChange(field);
      }
      previous = next;
    },
    { deep: true },
  );
}

/**
 * Drops a form's messages about a field (and about each of its rows, for a list) as soon as the field changes,
 * for forms that keep their messages by field themselves rather than through `useFieldMessage`.
 */
export function forgetMessagesOnChange(values: () => unknown, ...messages: Ref<Record<string, unknown>>[]): void {
  watchChangedFields(values, (field) => forgetMessages(field, ...messages));
}

/** Drops the messages about `field` and its rows (`participants.0`, …). */
export function forgetMessages(field: string, ...messages: Ref<Record<string, unknown>>[]): void {
  const stale = (key: string) => key === field || key.startsWith(`${field}.`);
  for (const message of messages) {
    if (Object.keys(message.value).some(stale)) {
      message.value = Object.fromEntries(Object.entries(message.value).filter(([key]) => !stale(key)));
    }
  }
}

/**
 * The fields changed since the server's last refusal (`failure`): their server messages are out of
 * date. `clientErrors` (the console's own findings, by field) lose a field's messages when it changes
 * too (see `forgetMessages`), so a caller need not watch the fields itself.
 */
export function useFixedFields(
  values: (() => unknown) | undefined,
  failure: Ref<unknown>,
  ...clientErrors: Ref<Record<string, unknown>>[]
): Ref<Set<string>> {
  const changedSinceFailure = ref(new Set<string>());
  watch(failure, () => {
    changedSinceFailure.value = new Set();
  });
  if (values) {
    watchChangedFields(values, (field) => {
      changedSinceFailure.value.add(field);
      forgetMessages(field, ...clientErrors);
    });
  }
  return changedSinceFailure;
}

/**
 * The message beside one field, the same way in every form: the console's own finding (worded by
 * `ownText`), else the server's reason in the user's language until the field is changed, else none.
 */
export function useFieldMessage<Own extends string>(
  failure: Ref<{ fieldErrors: Record<string, string> } | null>,
  clientErrors: Ref<Partial<Record<string, Own>>>,
  ownText: (field: string, key: Own) => string,
  values?: () => unknown,
): (field: string) => string | null {
  const serverFieldText = useServerFieldText();
  const changed = useFixedFields(values, failure, clientErrors as Ref<Record<string, unknown>>);
  return (field) => {
    const own = clientErrors.value[field];
    if (own) return ownText(field, own);
    if (changed.value.has(field)) return null;
    return serverFieldText(failure.value?.fieldErrors[field]);
  };
}
