// The audit log of personal data (§11): every read from outside the client's region and every
// write, kept in the database of the subgraph that owns the data.
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Caller } from './auth.js';

export const auditOperations = ['READ', 'CREATE', 'UPDATE', 'DELETE'] as const;
export type AuditOperation = (typeof auditOperations)[number];

export const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  properties: (p) => ({
    id: p.bigint('number').primary(),
    at: p.datetime().defaultRaw('now()'),
    subject: p.string(),
    callerName: p.string(),
    role: p.string(),
    organisationId: p.string(),
    organisationName: p.string(),
    operation: p.enum(auditOperations as unknown as AuditOperation[]),
    recordType: p.string(),
    recordId: p.string(),
    /** What was done, e.g. "client" or "clients list". */
    detail: p.string().nullable(),
  }),
  indexes: [{ properties: ['recordType', 'recordId'] }, { properties: ['at'] }],
});

export type AuditEntry = InferEntity<typeof AuditEntrySchema>;

export interface AuditedAccess {
  operation: AuditOperation;
  recordType: string;
  recordId: string;
  detail?: string;
}

/** Who an audit entry names: a signed-in caller, or the public website acting for a person. */
export interface AuditActor {
  subject: string;
  name: string;
  role: string;
  organisation: { id: string; name: string };
}

/** The actor of writes a person makes themselves on the public website, without signing in. */
export const publicWebsiteActor: AuditActor = {
  subject: 'public-website',
  name: 'The person, on the public website',
  role: 'PUBLIC_WEBSITE',
  organisation: { id: 'public-website', name: 'The common public website' },
};

/** Writes the entries at once, in the EntityManager's current transaction when there is one. */
export async function recordAudit(em: EntityManager, caller: AuditActor, accesses: AuditedAccess[]): Promise<void> {
  if (accesses.length === 0) return;
  await em.insertMany(
    AuditEntrySchema,
    accesses.map((access) => ({
      at: new Date(),
      subject: caller.subject,
      callerName: caller.name,
      role: caller.role,
      organisationId: caller.organisation.id,
      organisationName: caller.organisation.name,
      operation: access.operation,
      recordType: access.recordType,
      recordId: access.recordId,
      detail: access.detail ?? null,
    })),
  );
}

/**
 * Reads audited during one request, written in one statement per tick rather than one per
 * resolver: a page of entity references would otherwise cost an insert per row. A record read
 * in one request is logged once: its name, e-mail and phone (each audited at the field, see
 * personal-data-audit.ts) are one read, and the first entry says how it was reached.
 */
export function auditBatcher(em: EntityManager, caller: Caller) {
  const batch = new DataLoader<AuditedAccess, true>(
    async (accesses) => {
      await recordAudit(em, caller, [...accesses]);
      return accesses.map(() => true as const);
    },
    { cache: false },
  );
  const readAlready = new Map<string, Promise<unknown>>();
  return async (accesses: AuditedAccess[]): Promise<void> => {
    const pending: Promise<unknown>[] = [];
    const freshReads = new Set<string>();
    const fresh = accesses.filter((access) => {
      if (access.operation !== 'READ') return true;
      const key = `${access.recordType}:${access.recordId}`;
      const earlier = readAlready.get(key);
      if (earlier) pending.push(earlier);
      if (earlier || freshReads.has(key)) return false;
      freshReads.add(key);
      return true;
    });
    const loading = batch.loadMany(fresh);
    for (const key of freshReads) readAlready.set(key, loading);
    // A read logged earlier in the request is only answered once its entry is written.
    await Promise.all(pending);
    const results = await loading;
    const failure = results.find((result) => result instanceof Error);
    if (failure) throw failure;
  };
}
