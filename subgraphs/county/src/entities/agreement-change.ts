// What happens to an agreement after signing (§10): amendments, extensions and notices of termination.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AgreementSchema } from './agreement.js';

export const AmendmentSchema = defineEntity({
  name: 'Amendment',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    agreement: p.manyToOne(AgreementSchema),
    decidedOn: p.date(),
    effectiveFrom: p.date(),
    description: p.text(),
    /** Names of the parties concerned that consented. */
    consentedBy: p.array(),
    /** The agreement's party rows the change concerns (§10); empty for amendments recorded before consent was checked. */
    concernedPartyIds: p.array().default([]),
    /** The agreement's party rows that consented; every concerned party is among them. */
    consentingPartyIds: p.array().default([]),
    populationDate: p.date().nullable(),
  }),
});
export type Amendment = InferEntity<typeof AmendmentSchema>;

export const ExtensionSchema = defineEntity({
  name: 'Extension',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    agreement: p.manyToOne(AgreementSchema),
    decidedOn: p.date(),
    previousValidTo: p.date(),
    validTo: p.date(),
    /** The party rows that consented: every party on the day it was decided. Empty for older extensions. */
    consentingPartyIds: p.array().default([]),
    /** Why it was decided only after the agreement had ended; null when decided in time. */
    lateReason: p.text().nullable(),
  }),
});
export type Extension = InferEntity<typeof ExtensionSchema>;

export const NoticeSchema = defineEntity({
  name: 'Notice',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    agreement: p.manyToOne(AgreementSchema),
    organisationId: p.string().length(100),
    organisationName: p.string().length(200),
    givenOn: p.date(),
    effectiveOn: p.date(),
    reason: p.text().nullable(),
  }),
  checks: [{ name: 'notice_one_year', expression: "effective_on >= (given_on + '1 year'::interval)" }],
});
export type Notice = InferEntity<typeof NoticeSchema>;
