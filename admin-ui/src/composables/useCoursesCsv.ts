// The course calendar as CSV rows: one course a row, with places, waiting list and the fee as a number Excel can sum.
import { useI18n } from 'vue-i18n';
import type { CalendarCourse } from '../queries/courses';
import { nokWithDecimalMark } from './overviewFigures';
import { spreadsheetDate } from './useClientsCsv';

export function useCoursesCsv() {
  const { t, locale } = useI18n();

  function rows(courses: readonly CalendarCourse[]): string[][] {
    // Norwegian Excel reads "1500,00" as a number and "1500.00" as text, so the mark follows the language.
    const decimalMark = locale.value === 'nb' ? ',' : '.';
    const yesNo = (value: boolean) => (value ? t('courses.csv.yes') : t('courses.csv.no'));
    // "–" for a count suppressed to the reader, as the other CSV downloads mark it.
    const count = (value: number | null) => (value === null ? '–' : String(value));
    const header = [
      t('courses.table.title'),
      t('courses.table.kind'),
      t('courses.csv.startsOn'),
      t('courses.csv.endsOn'),
      t('courses.csv.location'),
      t('courses.csv.online'),
      t('courses.csv.capacity'),
      t('courses.csv.enrolled'),
      t('courses.csv.seatsLeft'),
      t('courses.table.waitlist'),
      `${t('courses.table.fee')} (NOK)`,
      t('courses.table.status'),
    ];
    const body = courses.map((course) => [
      course.title,
      t(`courses.kindName.${course.kind}`),
      // Days as Norwegian Excel reads them as dates, whatever the language.
      spreadsheetDate(course.startsOn),
      spreadsheetDate(course.endsOn),
      course.location ?? '',
      yesNo(course.online),
      count(course.capacity),
      count(course.enrolledCount),
      count(course.seatsLeft),
      count(course.waitlistCount),
      nokWithDecimalMark(course.participantFee, decimalMark),
      t(`courses.status.${course.status}`),
    ]);
    return [header, ...body];
  }

  return { rows };
}
