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
