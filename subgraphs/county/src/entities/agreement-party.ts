// A party of an agreement for the time it is one; a successor points at the party it succeeded.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AgreementSchema } from './agreement.js';

export const partyKinds = ['COUNTY', 'CONTRACT_MUNICIPALITY', 'MUNICIPALITY', 'INNOVASJON_NORGE', 'NAV'] as const;
export type PartyKind = (typeof partyKinds)[number];

export const AgreementPartySchema = defineEntity({
  name: 'AgreementParty',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    agreement: p.manyToOne(AgreementSchema),
    kind: p.enum(partyKinds as unknown as PartyKind[]),
    organisationId: p.string().length(100),
    organisationName: p.string().length(200),
    /** Set for the contract municipality and the municipalities it signs for: they contribute (§6). */
    municipalityNumber: p.string().length(4).nullable(),
    validFrom: p.date(),
    /** The day before a successor took over; null while the organisation stays a party. */
    validTo: p.date().nullable(),
    /** The party row this organisation succeeded (e.g. Viken fylkeskommune on 2024-01-01). */
    succeedsId: p.uuid().nullable(),
    /** The agreement's own split of the municipal contribution; null: each pays for its own inhabitants. */
    contributionShareBasisPoints: p.smallint().nullable(),
  }),
  indexes: [{ properties: ['agreement', 'validFrom'] }],
});

export type AgreementParty = InferEntity<typeof AgreementPartySchema>;
