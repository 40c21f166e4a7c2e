// Formats figures for the current language by the i18n setup's `integer` format, e.g. 61200 as "61 200" in bokmål and
// "61,200" in English.
import { useI18n } from 'vue-i18n';

export function useNumberFormat() {
  const { n } = useI18n();
  return {
    formatInteger: (value: number): string => n(value, 'integer'),
  };
}
