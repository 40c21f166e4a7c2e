// The agreement's dates (§7, §10): deadlines, instalment dates, notice periods and "today" in Norway.
import type { Instalment } from './entities/payment.js';
import type { SubmissionKind } from './entities/submission.js';

/** Deadlines are Norwegian calendar days, not UTC ones. */
export { todayInNorway } from '@etablerer/kit';

export const yearOf = (date: string) => Number(date.slice(0, 4));

/** Reports look back (the year before they are due), plans look ahead (the year after). */
export function submissionDueYear(kind: SubmissionKind, coversYear: number): number {
  return kind === 'ANNUAL_REPORT' || kind === 'ACCOUNTS' ? coversYear + 1 : coversYear - 1;
}

/** §7: reports and accounts by 1 May after the year; plans and budgets by 1 December before it. */
export function submissionDueDate(kind: SubmissionKind, coversYear: number): string {
  const dueYear = submissionDueYear(kind, coversYear);
  return kind === 'ANNUAL_REPORT' || kind === 'ACCOUNTS' ? `${dueYear}-05-01` : `${dueYear}-12-01`;
}

/**
 * What falls due in `year` under an agreement running over `firstYear`..`lastYear`: the reports
 * on the previous year, when it was an agreement year, and the plans for the next, when it is one.
 */
export function submissionsDueIn(
  year: number,
  firstYear: number,
  lastYear: number,
): { kind: SubmissionKind; coversYear: number }[] {
  const due: { kind: SubmissionKind; coversYear: number }[] = [];
  if (year - 1 >= firstYear && year - 1 <= lastYear) {
    due.push({ kind: 'ANNUAL_REPORT', coversYear: year - 1 }, { kind: 'ACCOUNTS', coversYear: year - 1 });
  }
  if (year + 1 >= firstYear && year + 1 <= lastYear) {
    due.push({ kind: 'ACTIVITY_PLAN', coversYear: year + 1 }, { kind: 'BUDGET', coversYear: year + 1 });
  }
  return due;
}

/** §7: paid in advance, 50 % in January and 50 % in August; due by the end of the month. */
export function instalmentDueDate(year: number, instalment: Instalment): string {
  return instalment === 'JANUARY' ? `${year}-01-31` : `${year}-08-31`;
}

/**
 * §10: one year's notice. The period ends on the same date a year later; notice given on 29
 * February runs to 28 February, the last day of that month (as periods counted in years do).
 */
export function earliestNoticeEffectiveDate(givenOn: string): string {
  const [year, month, day] = givenOn.split('-').map(Number) as [number, number, number];
  const lastDayOfMonth = new Date(Date.UTC(year + 1, month, 0)).getUTCDate();
  return `${year + 1}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDayOfMonth)).padStart(2, '0')}`;
}

/** The day before `date`, e.g. for a predecessor's last day. */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

export { isValidDate } from '@etablerer/kit';
