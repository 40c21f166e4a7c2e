// A client's name as the console shows it: the services write an erased client's name as the English
// "(anonymised)" (kit's retention rules); the console says so in the user's language instead.
import { useI18n } from 'vue-i18n';

/** The name the services give a client whose personal data was erased. */
export const erasedName = '(anonymised)';

export function usePersonName() {
  const { t } = useI18n();
  /** The name, or "Anonymisert" for an erased client. */
  return (name: string): string => (name === erasedName ? t('personalData.anonymised') : name);
}
