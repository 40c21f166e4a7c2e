// A person's data in every subgraph: how an export shows it, how long the service keeps it, and
// who erases it when that time is up (the public privacy notice promises deletion at the latest
// three years after the last contact).

import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditActor } from './audit.js';

const camelCase = (name: string) => name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());

/**
 * The rows of a query as an export shows them: every column, named in camelCase as the graph
 * names fields, with the values as PostgreSQL writes them in JSON (dates as ISO strings).
 */
export async function exportedRows(
  em: EntityManager,
  query: string,
  parameters: unknown[],
): Promise<Record<string, unknown>[]> {
  const result: { rows: Record<string, unknown>[] }[] = await em.execute(
    `select coalesce(json_agg(t), '[]'::json) as rows from (${query}) t`,
    parameters,
  );
  return (result[0]?.rows ?? []).map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [camelCase(key), value])),
  );
}

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
