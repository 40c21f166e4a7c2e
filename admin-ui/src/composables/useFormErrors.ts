// A form's error messages: what the console's own checks found, by field, and what the server refused,
// beside the field it names or, when it names none the form shows, as one general message. A message
// about a field goes when the field's value changes.
import { computed, type Ref, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { RecordValidationKey } from './clientRecordRules';
import type { FormActionError } from './fieldErrors';
import { useFieldMessage } from './fixedFields';
import { useRequestErrorText } from './useRequestErrorText';

export function useFormErrors<Field extends string, Own extends string = RecordValidationKey>(
  /** The server's refusal of this form's action, or null. */
  failure: Ref<FormActionError | null>,
  /** The fields the form shows. */
  fields: readonly Field[],
  /** The text of a key the console's own checks set; by default `clients.validation.<key>`. */
  ownMessage?: (key: Own) => string,
  /** The form's draft, by field name; a field's message goes when its value changes. */
  values?: () => unknown,
) {
  const { t } = useI18n();
  const requestErrorText = useRequestErrorText();
  const clientErrors = ref<Partial<Record<Field, Own>>>({}) as Ref<Partial<Record<Field, Own>>>;
  const messageFor = useFieldMessage<Own>(
    failure,
    clientErrors,
    (_field, own) => (ownMessage ? ownMessage(own) : t(`clients.validation.${own}`)),
    values,
  );
  const errorFor = (key: Field): string | null => messageFor(key);

  /** A refusal about something the form does not show (the client's consent, its id) goes here. */
  const generalError = computed(() => {
    const failed = failure.value;
    if (!failed) return null;
    if (failed.codes.includes('FORBIDDEN')) return t('clients.actionError.forbidden');
    if (fields.some((field) => failed.fieldErrors[field])) return t('clients.actionError.fields');
    return t('clients.actionError.body', { message: requestErrorText(failed) });
  });

  return { clientErrors, errorFor, generalError };
}
