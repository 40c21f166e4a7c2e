// Formats the public website's dates, fees and hours in Norwegian style (day before month), in the chosen language.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

const decimalString = /^-?\d+(\.\d+)?$/;

export function usePublicFormat() {
  const { locale } = useI18n();
  // British English keeps the Norwegian order of day, month and year.
  const tag = computed(() => (locale.value === 'en' ? 'en-GB' : 'nb-NO'));
  const longDate = computed(
    () =>
      new Intl.DateTimeFormat(tag.value, {
        weekday: 'short',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  );
  const wholeKroner = computed(
    () => new Intl.NumberFormat(tag.value, { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 }),
  );
  const kronerAndOre = computed(
    () => new Intl.NumberFormat(tag.value, { style: 'currency', currency: 'NOK', minimumFractionDigits: 2 }),
  );
  const hours = computed(() => new Intl.NumberFormat(tag.value, { maximumFractionDigits: 1 }));

  /** "2026-03-12" as "tor. 12. mars 2026"; the date has no time of day, so it is read and shown in UTC. */
  const formatDate = (date: string): string => longDate.value.format(new Date(`${date}T00:00:00Z`));

  return {
    formatDate,
    /** One day, or the first and last day of a course running over several. */
    formatDateRange: (from: string, to: string): string =>
      from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`,
    /**
     * "1500.00" as "1 500 kr", "1500.50" as "1 500,50 kr". Intl formats the decimal string itself,
     * so the amount never becomes a float.
     */
    formatFee: (amount: string): string => {
      if (!decimalString.test(amount)) return amount;
      const format = /\.0*$/.test(amount) || !amount.includes('.') ? wholeKroner.value : kronerAndOre.value;
      return format.format(amount as Intl.StringNumericLiteral);
    },
    /** True for a fee of nothing, which the calendar shows as "free". */
    isFree: (amount: string): boolean => decimalString.test(amount) && Number(amount) === 0,
    formatHours: (value: number): string => hours.value.format(value),
  };
}
