// Formats the course pages' dates, sign-up times and fees in the reader's language, with the console's named formats
// (`day`, `momentInOslo`, `wholeNok`, `nok`): 01.03.2027 and 1 500 kr in bokmål.
import { useI18n } from 'vue-i18n';
import { calendarDay } from '../i18n';

const decimalString = /^-?\d+(\.\d+)?$/;

/** True for a fee of nothing: "0.00". */
export const isFreeFee = (amount: string): boolean => decimalString.test(amount) && /^-?0+(\.0+)?$/.test(amount);

export function useCourseFormat() {
  const { t, d, n } = useI18n();
  /** A course's day; a date has no time of day, so no time zone moves it. */
  const formatDate = (date: string): string => d(calendarDay(date), 'day');
  /** "1500.00" as "1 500 kr", "1500.50" as "1 500,50 kr": øre only when there are any. */
  const formatFee = (amount: string): string => {
    if (!decimalString.test(amount)) return amount;
    // A fee is at most 100 000,00 kr: as a number it is exact to the øre.
    return n(Number(amount), /\.0*$/.test(amount) || !amount.includes('.') ? 'wholeNok' : 'nok');
  };
  return {
    formatDate,
    /** One day, or the first and last day of a course running over several. */
    formatDates: (startsOn: string, endsOn: string): string =>
      startsOn === endsOn ? formatDate(startsOn) : `${formatDate(startsOn)}–${formatDate(endsOn)}`,
    /** A sign-up is a moment; the advisers read it in Norwegian time. */
    formatMoment: (moment: string): string => d(new Date(moment), 'momentInOslo'),
    /** The fee, or "free" for none: a basic course is always free. */
    feeText: (amount: string): string => (isFreeFee(amount) ? t('courses.free') : formatFee(amount)),
    /** A count, or null when the API suppressed it for the reader (fewer than 5 persons): SuppressibleFigure's dash. */
    countText: (count: number | null): string | null => (count === null ? null : String(count)),
    /** "3 of 12" places taken, or null when either count is suppressed to the reader. */
    takenText: (course: { enrolledCount: number | null; capacity: number | null }): string | null =>
      course.enrolledCount === null || course.capacity === null
        ? null
        : t('courses.takenValue', { taken: course.enrolledCount, capacity: course.capacity }),
    /** Where it is held: the place, "online", or both. */
    placeText: (course: { location?: string | null; online: boolean }): string => {
      if (course.location && course.online) return t('courses.placeAndOnline', { place: course.location });
      if (course.location) return course.location;
      return course.online ? t('courses.online') : t('courses.noPlace');
    },
  };
}
