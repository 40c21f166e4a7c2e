// The calendar the service works by: Norwegian days, whatever the time zone of the user's computer.

/**
 * Today as YYYY-MM-DD on the Oslo calendar, the day the agreement's deadlines and the subgraphs'
 * "not in the future" rules count by: just after midnight in Oslo, a browser set to UTC would
 * still say yesterday.
 */
export function todayInOslo(now: Date = new Date()): string {
  // A machine format (YYYY-MM-DD, for comparing with the graph's dates), not a display one, so no vue-i18n format:
  // Swedish writes dates as ISO does.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(now);
}
