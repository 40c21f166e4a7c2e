// Dates of the website's requests in Norwegian style whatever the language: the moment in Oslo time, a course day as it is.

// Requests arrive as instants; advisers read them as the time on the clock in Norway.
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

/** "2026-03-12T13:05:00Z" as { date: "12.03.2026", time: "14:05" }, the clock in Oslo. */
export function osloDateAndTime(instant: string): { date: string; time: string } {
  const moment = new Date(instant);
  return { date: osloDate.format(moment), time: osloTime.format(moment) };
}

/** "2026-04-20" as "20.04.2026". */
export function formatCalendarDate(date: string): string {
  return calendarDate.format(new Date(`${date}T00:00:00Z`));
}
