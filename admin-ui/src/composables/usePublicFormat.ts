// Formats the public website's dates, fees and hours in the chosen language, through vue-i18n's named formats.
import { useI18n } from 'vue-i18n';
import { calendarDay } from '../i18n';

const decimalString = /^-?\d+(\.\d+)?$/;

export function usePublicFormat() {
  const { d, n } = useI18n();

  /** "2026-03-12" as "tor. 12. mars 2026"; the date has no time of day, so it is read and shown in UTC. */
  const formatDate = (date: string): string => d(calendarDay(date), 'weekdayDay');

  return {
    formatDate,
    /** One day, or the first and last day of a course running over several. */
    formatDateRange: (from: string, to: string): string =>
      from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`,
    /**
     * "1500.00" as "1 500 kr", "1500.50" as "1 500,50 kr". A fee is a decimal string in kroner with at most two
     * decimals and far below 2^53 øre, so as a number it prints the same digits.
     */
    formatFee: (amount: string): string => {
      if (!decimalString.test(amount)) return amount;
      const whole = /\.0*$/.test(amount) || !amount.includes('.');
      return n(Number(amount), whole ? 'wholeNok' : 'nok');
    },
    /** True for a fee of nothing, which the calendar shows as "free". */
    isFree: (amount: string): boolean => decimalString.test(amount) && Number(amount) === 0,
    /** Hours with up to one decimal: 7,5. */
    formatHours: (value: number): string => n(value, 'decimal'),
  };
}
