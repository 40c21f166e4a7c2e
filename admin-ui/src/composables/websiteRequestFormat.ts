// Dates of the website's requests, notifications and messages: the moment on the clock in Oslo, a course day as it
// is. On screen through vue-i18n's named formats in the chosen language; the plain functions below stay Norwegian
// whatever the language, for CSV files (a spreadsheet's columns read the same for everyone) and their other users.
import { useI18n } from 'vue-i18n';
import { calendarDay } from '../i18n';

/** The page's formats: `osloDateAndTime` and `formatCalendarDate` in the chosen language. */
export function useWebsiteRequestFormat() {
  const { d } = useI18n();
  return {
    /** "2026-03-12T13:05:00Z" as { date: "12.03.2026", time: "14:05" }, the clock in Oslo. */
    osloDateAndTime: (instant: string): { date: string; time: string } => {
      const moment = new Date(instant);
      return { date: d(moment, 'dayInOslo'), time: d(moment, 'timeInOslo') };
    },
    /** "2026-04-20" as "20.04.2026": a calendar day has no time zone, so it never moves a day. */
    formatCalendarDate: (date: string): string => d(calendarDay(date), 'day'),
  };
}

// Machine-like formats for CSV files: fixed Norwegian style, whatever the language of the page.
const osloDate = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Oslo',
});
const osloTime = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' });
// A course day has no time of day, so it is read and shown in UTC and never moves a day.
const calendarDate = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-03-12T13:05:00Z" as { date: "12.03.2026", time: "14:05" }, the clock in Oslo, in Norwegian (CSV). */
export function osloDateAndTime(instant: string): { date: string; time: string } {
  const moment = new Date(instant);
  return { date: osloDate.format(moment), time: osloTime.format(moment) };
}

/** "2026-04-20" as "20.04.2026", in Norwegian (CSV). */
export function formatCalendarDate(date: string): string {
  return calendarDate.format(new Date(`${date}T00:00:00Z`));
}
