// A moment of the administration pages (assigned, ended, registered, revoked) as its day and time in Oslo; a value
// that is no moment is shown as it is, none as nothing.
import { useI18n } from 'vue-i18n';

export function useMomentText() {
  const { d } = useI18n();
  return function momentText(iso: string | null | undefined): string {
    if (!iso) return '';
    const time = Date.parse(iso);
    if (Number.isNaN(time)) return iso;
    return d(time, 'momentInOslo');
  };
}
