// Names a caller's role in words in the current language, e.g. COORDINATION_MEMBER as "Medlem av koordineringsgruppen".
import { useI18n } from 'vue-i18n';
import { isCallerRole } from '../graphql/platform-auth';

export function useRoleName() {
  const { t } = useI18n();
  // A role the gateway learns later is shown by its code: odd-looking, but truer than a guess.
  return { roleName: (role: string): string => (isCallerRole(role) ? t(`roles.${role}`) : role) };
}
