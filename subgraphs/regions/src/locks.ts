// PostgreSQL advisory locks held to the end of a transaction, for a check that reads before it
// writes: without one, two transactions at once would both find nothing and both write.
import type { EntityManager } from '@mikro-orm/postgresql';

/** Each kind of lock's namespace (the first key): numbers no other lock of this database uses. */
const lockSpaces = { emailAddress: 4_180_227, clientRegistration: 4_180_228, adviserSlots: 4_180_229 } as const;

/** What one e-mail address sends on the public website is filed one request at a time. */
export async function lockEmailAddress(em: EntityManager, email: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(?, hashtext(lower(?)))', [lockSpaces.emailAddress, email]);
}

/**
 * A region's new clients are registered one at a time (by advisers and from the public website),
 * so two registrations of the same person at once find each other as duplicates.
 */
export async function lockClientRegistrations(em: EntityManager, regionId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [lockSpaces.clientRegistration, regionId]);
}

/** An adviser's appointment slots are published one publication at a time, so overlaps are always seen. */
export async function lockAdviserSlots(em: EntityManager, adviserId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [lockSpaces.adviserSlots, adviserId]);
}
