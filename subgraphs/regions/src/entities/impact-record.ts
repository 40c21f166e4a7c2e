// An impact record (effekt): a figure of a client's business on a day — jobs created or retained
// (full-time equivalents), capital raised by source, or revenue — recorded by an adviser and
// confirmed by the client, as funders read only client-confirmed figures.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AdviserSchema } from './adviser.js';
import { ClientSchema } from './client.js';
import { RegionSchema } from './region.js';

export const impactKinds = ['JOBS_CREATED', 'JOBS_RETAINED', 'CAPITAL_RAISED', 'REVENUE'] as const;
export type ImpactKind = (typeof impactKinds)[number];

export const capitalSources = ['LOAN', 'EQUITY', 'GRANT', 'OWN_FUNDS'] as const;
export type CapitalSource = (typeof capitalSources)[number];

export const impactConfirmationMethods = ['CLIENT_LINK', 'IN_PERSON', 'SIGNED_FORM'] as const;
export type ImpactConfirmationMethod = (typeof impactConfirmationMethods)[number];

/** The kinds counted in full-time equivalents; the others are amounts. */
export const jobKinds: readonly ImpactKind[] = ['JOBS_CREATED', 'JOBS_RETAINED'];

export const ImpactRecordSchema = defineEntity({
  name: 'ImpactRecord',
  tableName: 'impact_record',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    client: p.manyToOne(ClientSchema).index(),
    /** The adviser who recorded it. */
    adviser: p.manyToOne(AdviserSchema),
    /** The client's region, kept on the record so the key figures sum without a join. */
    region: p.manyToOne(RegionSchema),
    kind: p.enum(impactKinds as unknown as ImpactKind[]),
    /** The day the figure is true on. */
    recordedFor: p.date(),
    /** Full-time equivalents, one decimal: the jobs kinds only. */
    fte: p.decimal('number').precision(6).scale(1).nullable(),
    /** Øre: capital raised and revenue only. */
    amountOre: p.bigint('number').nullable(),
    /** Where the capital came from: CAPITAL_RAISED only. */
    capitalSource: p.enum(capitalSources as unknown as CapitalSource[]).nullable(),
    /** The adviser's note; cleared when the client's personal data is erased. */
    note: p.text().nullable(),
    createdAt: p.datetime(),
    /** When the client confirmed the figure; a confirmed record no longer changes. */
    confirmedAt: p.datetime().nullable(),
    confirmedVia: p.enum(impactConfirmationMethods as unknown as ImpactConfirmationMethod[]).nullable(),
    version: p.integer().version(),
  }),
  // The key figures sum a region's confirmed records by the day they are true on.
  indexes: [{ properties: ['region', 'recordedFor'] }],
  checks: [
    {
      name: 'impact_record_fields_of_kind',
      expression: `case kind
        when 'JOBS_CREATED' then fte is not null and amount_ore is null and capital_source is null
        when 'JOBS_RETAINED' then fte is not null and amount_ore is null and capital_source is null
        when 'CAPITAL_RAISED' then fte is null and amount_ore is not null and capital_source is not null
        when 'REVENUE' then fte is null and amount_ore is not null and capital_source is null
        end`,
    },
    {
      name: 'impact_record_positive',
      expression: '(fte is null or fte > 0) and (amount_ore is null or amount_ore > 0)',
    },
    {
      name: 'impact_record_confirmed_with_method',
      expression: '(confirmed_at is null) = (confirmed_via is null)',
    },
  ],
});

export type ImpactRecord = InferEntity<typeof ImpactRecordSchema>;
