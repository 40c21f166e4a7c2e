// Formats the course pages' dates, sign-up times and fees the Norwegian way (01.03.2027, 1 500 kr) in either language.
import { useI18n } from 'vue-i18n';

const decimalString = /^-?\d+(\.\d+)?$/;

// Day before month whatever the language, like the rest of the console; a date has no time of day, so UTC.
const dateFormat = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
// A sign-up is a moment; the advisers read it in Norwegian time.
const momentFormat = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Oslo',
});
const wholeKroner = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
const kronerAndOre = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', minimumFractionDigits: 2 });

export const formatCourseDate = (date: string): string => dateFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));

/** True for a fee of nothing: "0.00". */
export const isFreeFee = (amount: string): boolean => decimalString.test(amount) && /^-?0+(\.0+)?$/.test(amount);

/** "1500.00" as "1 500 kr", "1500.50" as "1 500,50 kr"; Intl formats the decimal string itself, so no float. */
export function formatFee(amount: string): string {
  if (!decimalString.test(amount)) return amount;
  const format = /\.0*$/.test(amount) || !amount.includes('.') ? wholeKroner : kronerAndOre;
  return format.format(amount as Intl.StringNumericLiteral);
}

export function useCourseFormat() {
  const { t } = useI18n();
  return {
    formatDate: formatCourseDate,
    /** One day, or the first and last day of a course running over several. */
    formatDates: (startsOn: string, endsOn: string): string =>
      startsOn === endsOn ? formatCourseDate(startsOn) : `${formatCourseDate(startsOn)}–${formatCourseDate(endsOn)}`,
    formatMoment: (moment: string): string => momentFormat.format(new Date(moment)),
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
