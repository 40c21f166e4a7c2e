// Who works with the requests from the public website: the CRM's roles read them, only advisers pick them up.
import { counselsClients, seesClients } from './clientAccess';

/** The website's requests are filed as clients, so the same roles as the client list see them. */
export function seesWebsiteRequests(role: string | undefined): boolean {
  return seesClients(role);
}

/** Only advisers take on a request, and the gateway allows it only in their own region. */
export function picksUpWebsiteRequests(role: string | undefined): boolean {
  return counselsClients(role);
}

/**
 * The pending count in the header is for the roles whose own region it counts. A county officer
 * sees every region, and each count would log a read of a client they never looked at.
 */
export function countsPendingWebsiteRequests(role: string | undefined): boolean {
  return role === 'ADVISER' || role === 'MUNICIPALITY_OFFICER';
}
