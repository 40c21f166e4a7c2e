// How a gathering's registration names its adviser, the same in the list, the attendance form and the notices.
import { useI18n } from 'vue-i18n';
import type { GatheringRegistrationItem } from '../../queries/gatherings';

/** The adviser's name; the regions service may not know an old registration's adviser, and says so on that row only. */
export function useAdviserName(): (registration: GatheringRegistrationItem) => string {
  const { t } = useI18n();
  return (registration) =>
    registration.adviser?.name ??
    t('partnerActions.gatherings.unregister.unknownAdviser', { id: registration.adviserId });
}
