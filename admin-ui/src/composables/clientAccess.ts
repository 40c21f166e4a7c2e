// Who works with the advisers' CRM: advisers register and counsel, municipality and county officers only read.
/** Roles that see the client list and client pages; everyone else is sent to the start page. */
export const clientRoles: readonly string[] = ['ADVISER', 'MUNICIPALITY_OFFICER', 'COUNTY_OFFICER'];

export function seesClients(role: string | undefined): boolean {
  return role !== undefined && clientRoles.includes(role);
}

/** Only advisers register clients and log counselling sessions, in their own region. */
export function counselsClients(role: string | undefined): boolean {
  return role === 'ADVISER';
}

/**
 * A person's request for erasure is carried out by the advisers of the client's region, who talk
 * with them, or by the county's officers, for the controller.
 */
export function erasesClients(role: string | undefined): boolean {
  return role === 'ADVISER' || role === 'COUNTY_OFFICER';
}

/** Today as an ISO date (YYYY-MM-DD) in the user's own time zone, the day an adviser means by "today". */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
