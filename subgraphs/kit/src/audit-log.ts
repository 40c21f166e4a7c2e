// The audit log as county officers read it: one page of one record type, newest first.
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireRole } from './access.js';
import { checkPage, page } from './arguments.js';
import { AuditEntrySchema } from './audit.js';
import type { Caller } from './auth.js';

export async function auditLogPage(
  em: EntityManager,
  caller: Caller,
  {
    recordType,
    recordId,
    first,
    offset,
  }: { recordType: string; recordId?: string | null; first: number; offset: number },
) {
  requireRole(caller, 'COUNTY_OFFICER');
  const { limit } = checkPage(first, offset);
  const [items, totalCount] = await em.findAndCount(
    AuditEntrySchema,
    { recordType, ...(recordId ? { recordId } : {}) },
    { orderBy: { at: 'desc', id: 'desc' }, limit, offset },
  );
  return page(items, totalCount, offset);
}
