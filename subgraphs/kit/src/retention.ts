// How long the service keeps a person's data, and who erases it when that time is up: the public
// privacy notice promises deletion at the latest three years after the last contact.

import type { AuditActor } from './audit.js';

/** Years after a person's last contact with the service that their personal data is kept. */
export const retentionYears = 3;

/** Why personal data is erased: the person asked (GDPR art. 17), or the retention period ended. */
export const erasureReasons = ['REQUEST', 'RETENTION'] as const;
export type ErasureReason = (typeof erasureReasons)[number];

/**
 * What an erased text that may not be empty reads instead. It names no one, so the row still
 * counts in the key figures without keeping the person.
 */
export const erasedText = '(anonymised)';

/**
 * The first day whose contacts are still kept on `today` (`YYYY-MM-DD`): data whose last contact
 * is before it is past retention. 29 February falls back to 28 February.
 */
export function retentionCutoff(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const cutoff = new Date(Date.UTC(year - retentionYears, month - 1, day));
  // Date.UTC rolls 29 February of a non-leap year over into March; the notice means the same day.
  if (cutoff.getUTCMonth() !== month - 1) cutoff.setUTCDate(0);
  return cutoff.toISOString().slice(0, 10);
}

/** The actor audit entries name when the scheduled retention task erases data, not a person. */
export const retentionActor: AuditActor = {
  subject: 'retention-task',
  name: `Retention task (${retentionYears} years after the last contact)`,
  role: 'SYSTEM',
  organisation: { id: 'retention-task', name: 'The service, by its retention policy' },
};
