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
    // What the register of legal entities (Enhetsregisteret) says, set by its import
    // (business-register.ts), never typed: survival is computed from these dates.
    /** The main industry code (NACE, e.g. 62.010). */
    industryCode: p.string().length(10).nullable(),
    registeredInRegisterOn: p.date().nullable(),
    deletedOn: p.date().nullable(),
    bankruptOn: p.date().nullable(),
    /** When the last import that found the business in the register ran. */
    registerCheckedAt: p.datetime().nullable(),
    /**
     * The day of the first import that did not find the business (the register's file lists the
     * entities that exist): it was deleted on that day at the latest. Null once an import finds it.
     */
    missingFromRegisterSince: p.date().nullable(),
  }),
});

export type Business = InferEntity<typeof BusinessSchema>;
