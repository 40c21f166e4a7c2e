// Formats figures for the current language through Intl, e.g. 61200 as "61 200" in bokmål and "61,200" in English.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

export function useNumberFormat() {
  const { locale } = useI18n();
  const integerFormat = computed(() => new Intl.NumberFormat(locale.value, { maximumFractionDigits: 0 }));
  return {
    formatInteger: (value: number): string => integerFormat.value.format(value),
  };
}
