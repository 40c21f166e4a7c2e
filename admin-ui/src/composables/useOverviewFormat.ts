// Formats the overview's figures for the current language by the i18n setup's named formats: NOK amounts from exact
// decimal strings, counts, hours and shares.
import { useI18n } from 'vue-i18n';
import { defaultLocale, isSupportedLocale, numberFormats } from '../i18n';

const decimalString = /^-?\d+(\.\d+)?$/;

export function useOverviewFormat() {
  const { n, locale } = useI18n();

  return {
    /**
     * "1096500.00" as "1 096 500,00 kr" in bokmål, by the `nok` format. `n()` takes numbers only, so the format's
     * options go to Intl with the decimal string itself: the amount is never turned into a float. A value that is
     * not such a string is shown as it came.
     */
    formatMoney: (amount: string): string =>
      decimalString.test(amount)
        ? new Intl.NumberFormat(
            locale.value,
            numberFormats[isSupportedLocale(locale.value) ? locale.value : defaultLocale].nok,
          ).format(amount as Intl.StringNumericLiteral)
        : amount,
    formatInteger: (value: number): string => n(value, 'integer'),
    /** Hours with up to one decimal (3,5). */
    formatHours: (value: number): string => n(value, 'decimal'),
    /** A share from 0 to 1, e.g. 0.345 as "34,5 %". */
    formatShare: (value: number): string => n(value, 'share'),
  };
}
