// Calendar days as Norwegians count them: the service's deadlines and "not in the future" checks.

/** One formatter for every call: making one took about 0.5 ms, and the overview asked for today hundreds of times. */
const osloDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });

/** Today's date in Norway, `YYYY-MM-DD`: between midnight in Oslo and midnight UTC, UTC's date is yesterday. */
export function todayInNorway(now = new Date()): string {
  return osloDate.format(now);
}

/** A real calendar day written `YYYY-MM-DD` (not 2026-02-30). */
export const isValidDate = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** The day `days` days after `date` (before it when negative), `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

const osloOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' });

/** Minutes Oslo is ahead of UTC at an instant: 60 in winter, 120 in summer. */
function osloOffsetMinutes(at: number): number {
  const name = osloOffset.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The instant a Norwegian calendar day (`YYYY-MM-DD`) begins: midnight in Oslo, summer time counted. */
export function startOfDayInNorway(date: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  // Oslo changes its clocks at 02:00 or 03:00, never at midnight, so one correction is exact.
  return new Date(midnightUtc - osloOffsetMinutes(midnightUtc - osloOffsetMinutes(midnightUtc) * 60_000) * 60_000);
}
