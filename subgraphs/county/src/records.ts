// Plain rows for the read paths that show many of them at once (every region's payments, submissions
// and paying county in the coordination overview): MikroORM hydrates an entity in ~30 µs (its identity
// map, change-tracking snapshot and property accessors), ten times what mapping a plain row costs, and
// these rows are only read. They are loaded for the years asked, not the agreement's whole history.
// A write loads its own entities in its transaction (e.g. `tx.findOneOrFail(PaymentSchema, …)`). The rows a
// request keeps for the next ones (kept-rows.ts) are copied from the entities into plain data here.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Agreement } from './entities/agreement.js';
import type { Notice } from './entities/agreement-change.js';
import type { PartyKind } from './entities/agreement-party.js';
import type { BudgetDecision } from './entities/funding.js';
import type { Instalment } from './entities/payment.js';
import type { ActivityTargets, StoredSubmissionStatus, SubmissionKind } from './entities/submission.js';
import type { Funding } from './funding.js';

/** A recorded payment of one payer's part of an instalment, as a plain row (the Payment entity's fields). */
export interface PaymentRecord {
  id: string;
  agreementId: string;
  year: number;
  instalment: Instalment;
  amountOre: bigint;
  paidOn: string;
  reference: string;
  recordedBy: string;
  payerId: string;
  recordedBySubject?: string | null;
  recordedOn?: string | null;
  confirmedBy?: string | null;
  confirmedBySubject?: string | null;
  confirmedOn?: string | null;
}

/** A submission, as a plain row (the Submission entity's fields). */
export interface SubmissionRecord {
  id: string;
  kind: SubmissionKind;
  coversYear: number;
  status: StoredSubmissionStatus;
  submittedOn: string;
  submittedBy: string;
  documentReference: string;
  totalAmountOre?: bigint | null;
  targets?: ActivityTargets | null;
  reportedFigures?: ActivityTargets | null;
  decidedOn?: string | null;
  decidedBy?: string | null;
  decisionComment?: string | null;
  version: number;
}

/** A party of an agreement, as a plain row: what telling who is a party on a day needs. */
export interface PartyRecord {
  id: string;
  agreementId: string;
  kind: PartyKind;
  organisationName: string;
  validFrom: string;
  validTo?: string | null;
}

/** A loader key for an agreement's rows of one year. */
export const agreementYearKey = (agreementId: string, year: number) => `${agreementId}:${year}`;

function agreementsAndYears(keys: string[]): { agreementIds: string[]; years: number[] } {
  const agreementIds = new Set<string>();
  const years = new Set<number>();
  for (const key of keys) {
    const separator = key.lastIndexOf(':');
    agreementIds.add(key.slice(0, separator));
    years.add(Number(key.slice(separator + 1)));
  }
  return { agreementIds: [...agreementIds], years: [...years] };
}

interface PaymentRow extends Omit<PaymentRecord, 'amountOre'> {
  amountOre: string;
}

/** The payments of the agreements and years in `keys` (agreementYearKey), by year, instalment and payer. */
export async function paymentRecords(em: EntityManager, keys: string[]): Promise<PaymentRecord[]> {
  const { agreementIds, years } = agreementsAndYears(keys);
  const rows: PaymentRow[] = await em.execute(
    `select id, agreement_id as "agreementId", year, instalment, amount_ore::text as "amountOre",
            to_char(paid_on, 'YYYY-MM-DD') as "paidOn", reference, recorded_by as "recordedBy",
            payer_id as "payerId", recorded_by_subject as "recordedBySubject",
            to_char(recorded_on, 'YYYY-MM-DD') as "recordedOn", confirmed_by as "confirmedBy",
            confirmed_by_subject as "confirmedBySubject", to_char(confirmed_on, 'YYYY-MM-DD') as "confirmedOn"
       from payment
      where agreement_id in (?) and year in (?)
      order by year, instalment, id`,
    [agreementIds, years],
  );
  return rows.map((row) => ({ ...row, amountOre: BigInt(row.amountOre) }));
}

interface SubmissionRow extends Omit<SubmissionRecord, 'totalAmountOre'> {
  agreementId: string;
  totalAmountOre: string | null;
}

/** The submissions of the agreements and covered years in `keys` (agreementYearKey). */
export async function submissionRecords(
  em: EntityManager,
  keys: string[],
): Promise<(SubmissionRecord & { agreementId: string })[]> {
  const { agreementIds, years } = agreementsAndYears(keys);
  const rows: SubmissionRow[] = await em.execute(
    `select id, agreement_id as "agreementId", kind, covers_year as "coversYear", status,
            to_char(submitted_on, 'YYYY-MM-DD') as "submittedOn", submitted_by as "submittedBy",
            document_reference as "documentReference", total_amount_ore::text as "totalAmountOre",
            targets, reported_figures as "reportedFigures", to_char(decided_on, 'YYYY-MM-DD') as "decidedOn",
            decided_by as "decidedBy", decision_comment as "decisionComment", version
       from submission
      where agreement_id in (?) and covers_year in (?)
      order by covers_year, kind`,
    [agreementIds, years],
  );
  return rows.map((row) => ({
    ...row,
    totalAmountOre: row.totalAmountOre === null ? null : BigInt(row.totalAmountOre),
  }));
}

/** The parties of the agreements in `agreementIds`, in the order of the agreement's party loader. */
export function partyRecords(em: EntityManager, agreementIds: string[]): Promise<PartyRecord[]> {
  return em.execute(
    `select id, agreement_id as "agreementId", kind, organisation_name as "organisationName",
            to_char(valid_from, 'YYYY-MM-DD') as "validFrom", to_char(valid_to, 'YYYY-MM-DD') as "validTo"
       from agreement_party
      where agreement_id in (?)
      order by valid_from, kind, organisation_name`,
    [agreementIds],
  );
}

/** An agreement as plain data, to keep between requests (kept-rows.ts): its fields, no EntityManager's entity. */
export function agreementRecord(agreement: Agreement): Agreement {
  const { id, regionId, validFrom, validTo, originalValidTo, signedOn, populationDate, populationSource } = agreement;
  const { renewedFromId, changedAt, version } = agreement;
  return {
    id,
    regionId,
    validFrom,
    validTo,
    originalValidTo,
    signedOn,
    populationDate,
    populationSource,
    renewedFromId,
    changedAt,
    version,
  } as Agreement;
}

/** A notice as plain data, its agreement by id (as an unloaded reference has it). */
export function noticeRecord(notice: Notice): Notice {
  const { id, organisationId, organisationName, givenOn, effectiveOn, reason } = notice;
  return {
    id,
    agreement: { id: notice.agreement.id },
    organisationId,
    organisationName,
    givenOn,
    effectiveOn,
    reason,
  } as Notice;
}

/** A budget decision as plain data, its agreement by id. */
function budgetDecisionRecord(decision: BudgetDecision): BudgetDecision {
  const { id, year, payer, grantedOre, decidedOn, reference, supersedesId, supersededById, recordedAt, recordedBy } =
    decision;
  return {
    id,
    agreement: { id: decision.agreement.id },
    year,
    payer,
    grantedOre,
    decidedOn,
    reference,
    supersedesId,
    supersededById,
    recordedAt,
    recordedBy,
  } as BudgetDecision;
}

/** A year's funding as plain data: its budget decisions copied (the rest of it is plain already). */
export function fundingRecord(funding: Funding | null): Funding | null {
  if (!funding) return null;
  const copies = new Map(funding.budgetDecisionHistory.map((decision) => [decision, budgetDecisionRecord(decision)]));
  const copyOf = (decision: BudgetDecision) => copies.get(decision) ?? budgetDecisionRecord(decision);
  return {
    ...funding,
    budgetDecisions: funding.budgetDecisions.map(copyOf),
    budgetDecisionHistory: funding.budgetDecisionHistory.map(copyOf),
  };
}
