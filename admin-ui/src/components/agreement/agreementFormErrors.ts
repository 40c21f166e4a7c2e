// What an agreement form shows of the server's refusal: a field's own message beside the field, and otherwise one
// sentence in the person's language (a conflict says to reload; never the server's English text).
import { useI18n } from 'vue-i18n';
import { useRequestErrorText } from '../../composables/useRequestErrorText';
import type { AgreementActionError } from '../../queries/agreements';

export function useAgreementFormErrors(error: () => AgreementActionError | null) {
  const { t } = useI18n();
  const requestErrorText = useRequestErrorText();
  return {
    /** The server's message for `field`, when it named one. */
    fieldError: (field: string): string | null => error()?.fieldErrors[field] ?? null,
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
