// An agreement's way from draft to in force: each party's signature, and the region's supplementary services (§5.2.1).
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AgreementSchema } from './agreement.js';
import { AgreementPartySchema } from './agreement-party.js';

/** One party's signature: who signed for it and when. The agreement is in force once every signing party has signed. */
export const AgreementSignatureSchema = defineEntity({
  name: 'AgreementSignature',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    agreement: p.manyToOne(AgreementSchema),
    party: p.manyToOne(AgreementPartySchema).unique(),
    /** The person who signed on the party's behalf, e.g. `Ola Nordmann, fylkesdirektør`. */
    signedBy: p.string().length(200),
    signedOn: p.date(),
    /** The county officer who recorded the signature. */
    recordedBy: p.string().length(200),
    recordedAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type AgreementSignature = InferEntity<typeof AgreementSignatureSchema>;

/**
 * A supplementary service the region offers beyond the minimum content (§5.2.1: "the list can be
 * extended and edited"). An edit of an agreement in force ends the old row and starts a new one,
 * so the list on any day stays visible.
 */
export const SupplementaryServiceSchema = defineEntity({
  name: 'SupplementaryService',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    agreement: p.manyToOne(AgreementSchema),
    description: p.string().length(500),
    /** The first day it is part of the agreement. */
    validFrom: p.date(),
    /** The last day, or null while it stays on the list. */
    validTo: p.date().nullable(),
    position: p.smallint(),
  }),
  indexes: [{ properties: ['agreement', 'validFrom'] }],
});
export type SupplementaryService = InferEntity<typeof SupplementaryServiceSchema>;
