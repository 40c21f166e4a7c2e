// A person's data in the partners subgraph (GDPR art. 15, 17 and the privacy notice's retention):
// the referrals, business assessments and qualification measures of a client exported, and the
// client data they share erased by anonymising, so the referral counts stay the same.
import {
  type AuditActor,
  type Caller,
  conflict,
  type ErasureReason,
  erasedText,
  exportedRows,
  forbidden,
  recordAudit,
  regionsWithPersonalData,
  retentionActor,
  retentionCutoff,
  todayInNorway,
} from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErasedClientSchema } from './entities/erased-client.js';

/**
 * The regions whose clients' referrals the caller may export or erase: a county officer's
 * county's regions (none for Viken's officers, who read history), their own for the region's
 * advisers (and, to export, its municipality officers: the owners of the client list). Innovasjon
 * Norge and NAV see referrals, not the person behind them: FORBIDDEN.
 */
function regionsOf(caller: Caller, action: 'export' | 'erase'): string[] {
  if (caller.role === 'COUNTY_OFFICER') {
    const regions = regionsWithPersonalData(caller);
    if (regions !== 'all' && regions.length) return regions;
  }
  const allowed = action === 'export' ? ['ADVISER', 'MUNICIPALITY_OFFICER'] : ['ADVISER'];
  if (allowed.includes(caller.role) && caller.regionId) return [caller.regionId];
  throw forbidden(
    action === 'export'
      ? "Only the client's region and the county export a person's data."
      : "Only the client's region's advisers and the county erase a person's data.",
  );
}

/** A text[] parameter for PostgreSQL. */
const textArray = (values: string[]) => `{${values.map((value) => JSON.stringify(value)).join(',')}}`;

const sections = {
  referrals: `select r.* from referral r where r.client_id = ? and r.region_id = any($region::text[])
               order by r.sent_on, r.id`,
  businessAssessments: `select b.* from business_assessment b
                         where b.client_id = ? and b.region_id = any($region::text[])
                         order by b.requested_on, b.id`,
  qualificationMeasures: `select q.id, q.name, q.organiser_kind, q.organiser_name, q.region_id, q.starts_on, q.ends_on
                            from qualification_measure q
                           where ?::text = any(q.participant_client_ids) and q.region_id = any($region::text[])
                           order by q.starts_on, q.id`,
};

/**
 * Everything the partners subgraph holds about a client that the caller may export, with who
 * read or changed the referrals and assessments; the export is audited.
 */
export async function personalDataHeldByPartners(em: EntityManager, caller: Caller, clientId: string) {
  const regions = textArray(regionsOf(caller, 'export'));
  const held: Record<string, Record<string, unknown>[]> = {};
  for (const [section, query] of Object.entries(sections)) {
    held[section] = await exportedRows(em, query.replaceAll('$region', '?'), [clientId, regions]);
  }
  const recordIds = [...(held.referrals ?? []), ...(held.businessAssessments ?? [])].map((row) => String(row.id));
  held.auditLog = await exportedRows(
    em,
    `select a.at, a.caller_name, a.role, a.organisation_name, a.operation, a.record_type, a.record_id, a.detail
       from audit_entry a where a.record_id = any(?::text[]) order by a.at, a.id`,
    [`{${recordIds.join(',')}}`],
  );
  await recordAudit(em, caller, [
    { operation: 'READ', recordType: 'Client', recordId: clientId, detail: 'personal data exported' },
    ...(held.referrals ?? []).map((row) => ({
      operation: 'READ' as const,
      recordType: 'Referral',
      recordId: String(row.id),
      detail: 'personal data exported',
    })),
  ]);
  return held;
}

export interface PartnerDataErasure {
  cutoff: string | null;
  dryRun: boolean;
  referrals: number;
  assessments: number;
}

/** Anonymises the referrals and assessments (by id) in the current transaction, and audits each. */
async function eraseRecords(
  em: EntityManager,
  { referralIds, assessmentIds }: { referralIds: string[]; assessmentIds: string[] },
  actor: AuditActor,
  detail: string,
) {
  if (referralIds.length) {
    await em.execute(
      `update referral set shared_name = ?, shared_email = null, shared_phone = null, note = null, status_reason = null,
              erased_at = now(), version = version + 1
        where id = any(?::uuid[])`,
      [erasedText, `{${referralIds.join(',')}}`],
    );
  }
  if (assessmentIds.length) {
    await em.execute(
      `update business_assessment set shared_name = ?, shared_email = null, shared_phone = null, question = ?,
              assessment = null, erased_at = now(), version = version + 1
        where id = any(?::uuid[])`,
      [erasedText, erasedText, `{${assessmentIds.join(',')}}`],
    );
  }
  await recordAudit(em, actor, [
    ...referralIds.map((id) => ({ operation: 'DELETE' as const, recordType: 'Referral', recordId: id, detail })),
    ...assessmentIds.map((id) => ({
      operation: 'DELETE' as const,
      recordType: 'BusinessAssessment',
      recordId: id,
      detail,
    })),
  ]);
}

/**
 * Refuses to share anything new about a client whose data was erased (CONFLICT): by the county,
 * or by an adviser of `regionId`, the region the new record belongs to.
 */
export async function refuseErasedClient(em: EntityManager, clientId: string, regionId: string): Promise<void> {
  if (await em.count(ErasedClientSchema, { clientId, $or: [{ regionId: null }, { regionId }] })) {
    throw conflict("The client's personal data was erased: nothing more about them can be shared.");
  }
}

/** Erases the client data of a client's referrals and assessments the caller may erase, and remembers the client. */
export async function eraseClientReferrals(
  em: EntityManager,
  caller: Caller,
  clientId: string,
  reason: ErasureReason,
): Promise<PartnerDataErasure> {
  const regions = regionsOf(caller, 'erase');
  // A county's erasure is the controller's: the person is remembered as erased everywhere, so only
  // the county whose regions hold the person's records (or, holding none, any county) may make it.
  const region = caller.role === 'COUNTY_OFFICER' ? null : (regions[0] ?? null);
  if (caller.role === 'COUNTY_OFFICER') {
    const elsewhere = await em.execute<{ count: string }[]>(
      `select count(*) from (select region_id from referral where client_id = ? union all
                              select region_id from business_assessment where client_id = ?) held
        where not (region_id = any(?::text[]))`,
      [clientId, clientId, textArray(regions)],
    );
    if (Number(elsewhere[0]?.count ?? 0) > 0)
      throw forbidden("Only the officers of the county the client's region answers to erase a person's data.");
  }
  const ids = async (table: string) =>
    (
      await em.execute<{ id: string }[]>(
        `select id from ${table} where client_id = ? and erased_at is null and region_id = any(?::text[])
          order by id for update`,
        [clientId, textArray(regions)],
      )
    ).map((row) => row.id);
  const referralIds = await ids('referral');
  const assessmentIds = await ids('business_assessment');
  // Remembered even when nothing was shared yet: nothing may be, from now on.
  if (!(await em.count(ErasedClientSchema, { clientId, regionId: region }))) {
    em.create(ErasedClientSchema, { clientId, regionId: region, reason, erasedAt: new Date() });
    await em.flush();
  }
  await eraseRecords(
    em,
    { referralIds, assessmentIds },
    caller,
    `personal data erased, ${reason}: eraseClientReferrals`,
  );
  return { cutoff: null, dryRun: false, referrals: referralIds.length, assessments: assessmentIds.length };
}

/**
 * Erases every copy partners hold of the persons' data, in every region, and remembers each
 * person as erased everywhere: what the regions subgraph asks when it erases a client.
 */
export async function eraseClientCopies(
  em: EntityManager,
  actor: AuditActor,
  clientIds: string[],
  reason: ErasureReason,
): Promise<PartnerDataErasure> {
  const ids = async (table: string) =>
    (
      await em.execute<{ id: string }[]>(
        `select id from ${table} where client_id = any(?::uuid[]) and erased_at is null order by id for update`,
        [`{${clientIds.join(',')}}`],
      )
    ).map((row) => row.id);
  const referralIds = await ids('referral');
  const assessmentIds = await ids('business_assessment');
  for (const clientId of clientIds) {
    if (!(await em.count(ErasedClientSchema, { clientId, regionId: null }))) {
      em.create(ErasedClientSchema, { clientId, regionId: null, reason, erasedAt: new Date() });
    }
  }
  await em.flush();
  await eraseRecords(
    em,
    { referralIds, assessmentIds },
    actor,
    `personal data erased, ${reason}: eraseClient in regions`,
  );
  return { cutoff: null, dryRun: false, referrals: referralIds.length, assessments: assessmentIds.length };
}

/**
 * Erases the client data of every referral and assessment whose last event (consent, sending,
 * status change; request, delivery) is more than three years before `today`. A second run finds
 * nothing new; a dry run only counts.
 */
export async function erasePartnerDataPastRetention(
  em: EntityManager,
  {
    dryRun = false,
    today = todayInNorway(),
    actor = retentionActor,
  }: { dryRun?: boolean; today?: string; actor?: AuditActor } = {},
): Promise<PartnerDataErasure> {
  const cutoff = retentionCutoff(today);
  const referralIds = (
    await em.execute<{ id: string }[]>(
      `select id from referral
        where erased_at is null and greatest(consent_given_on, sent_on, status_changed_on) < ?::date order by id`,
      [cutoff],
    )
  ).map((row) => row.id);
  const assessmentIds = (
    await em.execute<{ id: string }[]>(
      `select id from business_assessment
        where erased_at is null and greatest(consent_given_on, requested_on, delivered_on) < ?::date order by id`,
      [cutoff],
    )
  ).map((row) => row.id);
  if (!dryRun) {
    await eraseRecords(
      em,
      { referralIds, assessmentIds },
      actor,
      `personal data erased, RETENTION: last event before ${cutoff}`,
    );
  }
  return { cutoff, dryRun, referrals: referralIds.length, assessments: assessmentIds.length };
}
