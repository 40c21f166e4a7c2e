// What an agreement form shows of the server's refusal: a field's own message beside the field, in the person's
// language and until the field is changed, and otherwise one sentence (a conflict says to reload; never the server's
// English text).
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useFieldMessage } from '../../composables/fixedFields';
import { useRequestErrorText } from '../../composables/useRequestErrorText';
import type { AgreementActionError } from '../../queries/agreements';

/** `values`: the form's draft by the server's field paths (`signature.signedBy`), so a changed field's message goes. */
export function useAgreementFormErrors(error: () => AgreementActionError | null, values?: () => unknown) {
  const { t } = useI18n();
  const requestErrorText = useRequestErrorText();
  const serverMessage = useFieldMessage(
    computed(error),
    ref<Record<string, string>>({}),
    (_field, text) => text,
    values,
  );
  return {
    /** The server's message for `field`, when it named one, in the person's language. */
    fieldError: (field: string): string | null => serverMessage(field),
    /** The refusal as a sentence, unless the fields' own messages tell it. */
    generalError: (): string | null => {
      const failure = error();
      if (!failure) return null;
      if (failure.codes.includes('CONFLICT')) return t('agreements.form.conflict');
      return Object.keys(failure.fieldErrors).length
        ? null
        : t('agreements.form.failed', { message: requestErrorText(failure) });
    },
  };
}
