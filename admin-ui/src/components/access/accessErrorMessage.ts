// How the access page words a refused change: by its code, with the server's reason where the code's sentence takes one.
import { useI18n } from 'vue-i18n';
import type { AccessActionError } from '../../queries/access';

export function useAccessErrorMessage() {
  const { t } = useI18n();
  return function errorMessage(failure: AccessActionError): string {
    const code = (['FORBIDDEN', 'CONFLICT', 'BAD_USER_INPUT'] as const).find((known) => failure.codes.includes(known));
    if (code === 'BAD_USER_INPUT' && Object.keys(failure.fieldErrors).length === 0) {
      return t('access.errors.other', { message: failure.message });
    }
    return code
      ? t(`access.errors.${code}`, { message: failure.message })
      : t('access.errors.other', { message: failure.message });
  };
}
