// How the access page words a refused change: by its code, in the person's language; the service's English reason
// goes to the browser's console, not on the page.
import { useI18n } from 'vue-i18n';
import { useRequestErrorText } from '../../composables/useRequestErrorText';
import type { AccessActionError } from '../../queries/access';

export function useAccessErrorMessage() {
  const { t } = useI18n();
  const requestErrorText = useRequestErrorText();
  return function errorMessage(failure: AccessActionError): string {
    const code = (['FORBIDDEN', 'CONFLICT', 'BAD_USER_INPUT'] as const).find((known) => failure.codes.includes(known));
    // Bad input without a field to show it at is told like any other failure.
    if (!code || (code === 'BAD_USER_INPUT' && Object.keys(failure.fieldErrors).length === 0)) {
      return requestErrorText(failure);
    }
    return t(`access.errors.${code}`);
  };
}
