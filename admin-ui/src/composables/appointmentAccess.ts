// Who works with appointment slots (issue 22): a region's advisers publish and withdraw them; its municipality officers see them.

/** The region's own people see its slots and bookings (the gateway allows the county too, region by region). */
export function seesAppointments(role: string | undefined): boolean {
  return role === 'ADVISER' || role === 'MUNICIPALITY_OFFICER';
}

/** Only advisers publish slots (their own) and withdraw them (their region's). */
export function publishesAppointments(role: string | undefined): boolean {
  return role === 'ADVISER';
}

// Not a format anyone reads: Intl is asked only for Oslo's offset from UTC on a day, which vue-i18n has no use for.
const osloOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' });

/**
 * A day and a time on the clock in Oslo as ISO 8601 with Oslo's offset that day, e.g.
 * ("2027-01-12", "09:00") → "2027-01-12T09:00:00+01:00" (and +02:00 in summer).
 */
export function osloIso(date: string, time: string): string {
  // Noon UTC of the day lies in the same offset as the morning in Oslo but on the days the clocks change.
  const noon = new Date(`${date}T12:00:00Z`);
  const name = osloOffset.formatToParts(noon).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const offset = name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  return `${date}T${time}:00${offset}`;
}
