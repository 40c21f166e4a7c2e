// The public forms' messages: the browser's own check at each field, the server's field errors
// where the browser had none, and one sentence for a refusal that is about no field.
import { computed, type Ref, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { PublicActionError } from '../queries/publicRequests';
import { useFieldMessage } from './fixedFields';
import type { PublicFieldErrors } from './publicForm';
import { useServerFieldText } from './serverFieldText';

export function usePublicFormErrors(
  actionError: Ref<PublicActionError | null>,
  /** Fields the form shows; a server error about any other field is told in the summary. */
  fields: readonly string[],
  /** The message for a key the caller words itself, e.g. `outsideRegion`, which names regions. */
  custom: (field: string, key: string) => string | null = () => null,
  /** The form's draft, by field path (`person.email`); a field's message goes when its value changes. */
  values?: () => unknown,
) {
  const { t } = useI18n();
  const serverFieldText = useServerFieldText();
  const clientErrors = ref<PublicFieldErrors>({});
  const errorFor = useFieldMessage(
    actionError,
    clientErrors,
    (field, own) => custom(field, own) ?? t(`publicSite.validation.${own}`),
    values,
  );

  const generalError = computed(() => {
    const failure = actionError.value;
    if (!failure) return null;
    if (failure.codes.includes('RATE_LIMITED')) {
      if (failure.retryAfterSeconds === null) return t('publicSite.actionError.rateLimitedLater');
      const minutes = Math.max(1, Math.ceil(failure.retryAfterSeconds / 60));
      return t('publicSite.actionError.rateLimited', { minutes }, minutes);
    }
    const fieldsWithErrors = Object.keys(failure.fieldErrors);
    const elsewhere = fieldsWithErrors.filter((field) => !fields.includes(field));
    if (elsewhere.length > 0) {
      return t('publicSite.actionError.body', {
        message: elsewhere.map((field) => serverFieldText(failure.fieldErrors[field])).join(' '),
      });
    }
    if (fieldsWithErrors.length > 0) return t('publicSite.actionError.fields');
    if (failure.codes.includes('BAD_USER_INPUT')) return t('publicSite.actionError.body', { message: failure.message });
    return t('publicSite.actionError.failed');
  });

  return { clientErrors, errorFor, generalError };
}
