// The business a client registered, once it exists in the Register of Business Enterprises.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ClientSchema } from './client.js';

export const legalForms = ['ENK', 'AS', 'ANS', 'DA', 'SA', 'OTHER'] as const;
export type LegalForm = (typeof legalForms)[number];

export const BusinessSchema = defineEntity({
  name: 'Business',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    client: p.manyToOne(ClientSchema).index(),
    name: p.string().length(200),
    /** Null once the client's personal data is erased: a sole proprietorship's number names its owner. */
    organisationNumber: p.string().length(9).unique().nullable(),
    registeredOn: p.date().index(),
    legalForm: p.enum(legalForms as unknown as LegalForm[]),
  }),
});

export type Business = InferEntity<typeof BusinessSchema>;
