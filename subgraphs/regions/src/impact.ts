// Impact records (jobs created and retained, capital raised, revenue): the rules of their fields,
// how a figure reads to the client, and the client's confirmation through a one-time link.
import {
  badUserInput,
  enqueue,
  formatNok,
  longDate,
  type MessageLocale,
  publicWebsiteActor,
  recordAudit,
  todayInNorway,
} from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Client } from './entities/client.js';
import {
  type CapitalSource,
  capitalSources,
  type ImpactKind,
  type ImpactRecord,
  impactKinds,
  jobKinds,
} from './entities/impact-record.js';
import { RegionSchema } from './entities/region.js';
import { impactLimits } from './input-limits.js';
import { publicPageUrl } from './messages/links.js';
import { localeOf } from './messages/outgoing.js';
import { impactConfirmationRequest } from './messages/templates.js';
import { createLink, daysFromNow } from './public-links.js';

/** A confirmation link works this long after the e-mail. */
export const impactLinkDays = 30;

export const impactMessageKind = 'regions.impact-confirmation';

const pastDate = z.iso
  .date('a date as YYYY-MM-DD')
  .refine((date) => date <= todayInNorway(), 'not in the future')
  .refine((date) => date >= '2000-01-01', 'not before 2000');
const fte = z
  .number()
  .positive('above 0')
  .max(impactLimits.fte, `at most ${impactLimits.fte}`)
  .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, 'at most one decimal');
/** Øre, as the NOK scalar parses an amount. */
const amount = z
  .number()
  .int()
  .positive('above 0')
  .max(impactLimits.amount, `at most ${(impactLimits.amount / 100).toFixed(2)}`);
const note = z.string().trim().max(impactLimits.note, `at most ${impactLimits.note} characters`);

export const recordImpactInput = z.object({
  clientId: z.uuid('not a client id'),
  kind: z.enum(impactKinds),
  recordedFor: pastDate,
  fte: fte.nullish(),
  amount: amount.nullish(),
  capitalSource: z.enum(capitalSources).nullish(),
  note: note.nullish(),
});

export const correctImpactInput = z.object({
  recordedFor: pastDate.optional(),
  fte: fte.nullish(),
  amount: amount.nullish(),
  capitalSource: z.enum(capitalSources).nullish(),
  note: note.nullish(),
});

interface KindFields {
  fte: number | null;
  amountOre: number | null;
  capitalSource: CapitalSource | null;
}

/**
 * The fields a kind needs, each given, and no other: BAD_USER_INPUT naming the field otherwise
 * (the database's check says the same, as a last line).
 */
export function checkKindFields(kind: ImpactKind, fields: KindFields, prefix = 'input'): void {
  const isJobs = jobKinds.includes(kind);
  const needs = {
    fte: isJobs,
    amount: !isJobs,
    capitalSource: kind === 'CAPITAL_RAISED',
  };
  const given = {
    fte: fields.fte !== null,
    amount: fields.amountOre !== null,
    capitalSource: fields.capitalSource !== null,
  };
  for (const field of ['fte', 'amount', 'capitalSource'] as const) {
    if (needs[field] && !given[field])
      throw badUserInput(`${prefix}.${field}: needed for ${kind}`, `${prefix}.${field}`);
    if (!needs[field] && given[field]) throw badUserInput(`${prefix}.${field}: not for ${kind}`, `${prefix}.${field}`);
  }
}

const kindNames: Record<MessageLocale, Record<ImpactKind, string>> = {
  nb: {
    JOBS_CREATED: 'Arbeidsplasser skapt',
    JOBS_RETAINED: 'Arbeidsplasser opprettholdt',
    CAPITAL_RAISED: 'Kapital hentet',
    REVENUE: 'Omsetning',
  },
  en: {
    JOBS_CREATED: 'Jobs created',
    JOBS_RETAINED: 'Jobs retained',
    CAPITAL_RAISED: 'Capital raised',
    REVENUE: 'Revenue',
  },
};

const sourceNames: Record<MessageLocale, Record<CapitalSource, string>> = {
  nb: { LOAN: 'lån', EQUITY: 'egenkapital fra investorer', GRANT: 'tilskudd', OWN_FUNDS: 'egne midler' },
  en: { LOAN: 'loan', EQUITY: 'equity from investors', GRANT: 'grant', OWN_FUNDS: 'own funds' },
};

/** The figure as the client reads it in the e-mail and on the public page. */
export function describeImpact(record: ImpactRecord, locale: MessageLocale): string {
  const nb = locale === 'nb';
  const value =
    record.fte !== null && record.fte !== undefined
      ? `${new Intl.NumberFormat(nb ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 }).format(Number(record.fte))} ${nb ? 'årsverk' : 'full-time equivalents'}`
      : `NOK ${formatNok(record.amountOre ?? 0)}${record.capitalSource ? ` (${sourceNames[locale][record.capitalSource]})` : ''}`;
  return `${kindNames[locale][record.kind]}: ${value} ${nb ? 'per' : 'as of'} ${longDate(record.recordedFor, locale)}`;
}

/**
 * E-mails the client a one-time link to confirm the record, in the caller's transaction.
 * BAD_USER_INPUT when the client has no e-mail address to send it to.
 */
export async function requestConfirmation(em: EntityManager, record: ImpactRecord, client: Client): Promise<void> {
  if (!client.email) {
    throw badUserInput('id: the client has no e-mail address: record a confirmation in person or on a form', 'id');
  }
  const locale = await localeOf(em, client.id);
  const expiresAt = daysFromNow(impactLinkDays);
  const token = createLink(em, { kind: 'IMPACT_CONFIRMATION', client, locale, impactRecord: record, expiresAt });
  const region = await em.findOneOrFail(RegionSchema, { id: client.region.id });
  const mail = impactConfirmationRequest.render(
    {
      name: client.name,
      regionName: region.name,
      figure: describeImpact(record, locale),
      confirmUrl: publicPageUrl('impact', token),
      validUntil: expiresAt.toISOString().slice(0, 10),
    },
    locale,
  );
  await em.flush();
  await enqueue(em, {
    channel: 'EMAIL',
    kind: impactMessageKind,
    locale,
    to: { email: client.email, name: client.name },
    ...mail,
  });
}

/** Marks the record confirmed by the client through the link, and the link used. */
export async function confirmThroughLink(em: EntityManager, record: ImpactRecord): Promise<void> {
  record.confirmedAt = new Date();
  record.confirmedVia = 'CLIENT_LINK';
  await em.flush();
  await recordAudit(em, publicWebsiteActor, [
    { operation: 'UPDATE', recordType: 'Client', recordId: record.client.id, detail: 'confirmImpact (impact link)' },
  ]);
}
