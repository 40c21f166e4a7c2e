// Formats the overview's figures for the current language: NOK amounts from exact decimal strings, counts, hours and shares.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

const decimalString = /^-?\d+(\.\d+)?$/;

export function useOverviewFormat() {
  const { locale } = useI18n();
  const money = computed(() => new Intl.NumberFormat(locale.value, { style: 'currency', currency: 'NOK' }));
  const integer = computed(() => new Intl.NumberFormat(locale.value, { maximumFractionDigits: 0 }));
  const hours = computed(() => new Intl.NumberFormat(locale.value, { maximumFractionDigits: 1 }));
  const percent = computed(() => new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 1 }));

  return {
    /**
     * "1096500.00" as "1 096 500,00 kr" in bokmål. Intl formats the decimal string itself, so the
     * amount is never turned into a float; a value that is not such a string is shown as it came.
     */
    formatMoney: (amount: string): string =>
      decimalString.test(amount) ? money.value.format(amount as Intl.StringNumericLiteral) : amount,
    formatInteger: (value: number): string => integer.value.format(value),
    formatHours: (value: number): string => hours.value.format(value),
    /** A share from 0 to 1, e.g. 0.345 as "34,5 %". */
    formatShare: (value: number): string => percent.value.format(value),
  };
}
