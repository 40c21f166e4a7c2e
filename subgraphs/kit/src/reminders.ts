// When a reminder of a deadline goes out (issue 21): the same rule for every service that reminds
// people of something owed by a date (the county's reports, instalments and meetings; the partners'
// professional gatherings), so a day the scheduled task did not run is caught up the next day and no
// reminder is made twice.
import { daysBetween } from './calendar.js';
import type { NotificationAudience } from './outbox.js';

/** REMINDER_SCHEDULE in production by default: every morning at 07:00, Norwegian time. */
export const defaultReminderSchedule = '0 7 * * *';

/**
 * How long after a deadline a run still announces it as overdue: a day the task did not run (an
 * outage) is caught up, while the first run of a new installation does not announce years of history.
 */
export const overdueAnnouncementDays = 14;

/**
 * Which reminder a deadline gets today: before it, the one of the smallest offset in `days` that
 * the days left have reached (so a day the task did not run is caught up by the next run, and a
 * reminder already made is not made again); after it, the overdue one within the announcement
 * window; otherwise none.
 */
export function reminderTiming(
  dueDate: string,
  today: string,
  days: readonly number[],
): { offset: string; daysLeft: number } | null {
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft >= 0) {
    const offset = [...days].sort((a, b) => a - b).find((day) => day >= daysLeft);
    return offset === undefined ? null : { offset: String(offset), daysLeft };
  }
  return -daysLeft <= overdueAnnouncementDays ? { offset: 'overdue', daysLeft } : null;
}

/** The audience's part of a reminder's dedupe key: `MUNICIPALITY_OFFICER`, `COUNTY_OFFICER-akershus`. */
export const audienceKey = (audience: NotificationAudience) =>
  [audience.role, audience.organisationId, audience.subject].filter(Boolean).join('-');
