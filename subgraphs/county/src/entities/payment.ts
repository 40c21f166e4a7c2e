// A county's part of an instalment as paid: recorded by one officer of the paying county and confirmed
// by a second; one row per agreement, year, instalment and paying county, so nothing is paid twice.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AgreementSchema } from './agreement.js';

export const instalments = ['JANUARY', 'AUGUST'] as const;
export type Instalment = (typeof instalments)[number];

export const PaymentSchema = defineEntity({
  name: 'Payment',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    agreement: p.manyToOne(AgreementSchema),
    year: p.smallint(),
    instalment: p.enum(instalments as unknown as Instalment[]),
    amountOre: p.bigint('bigint'),
    paidOn: p.date(),
    reference: p.string().length(200),
    recordedBy: p.string().length(200),
    /**
     * The paying county's organisation id (`viken` up to 2023; from 2024 the county of the
     * municipalities it pays for, so a region with municipalities in two counties has two payers).
     */
    payerId: p.string().length(20),
    /** The recording officer's user id, to tell two officers with one name apart; null for rows recorded before the control. */
    recordedBySubject: p.string().length(255).nullable(),
    recordedOn: p.date().nullable(),
    /** Separation of duties: a second officer of the paying county confirms; only a confirmed payment counts as paid. */
    confirmedBy: p.string().length(200).nullable(),
    confirmedBySubject: p.string().length(255).nullable(),
    confirmedOn: p.date().nullable(),
  }),
  uniques: [
    { name: 'payment_once_per_instalment_and_payer', properties: ['agreement', 'year', 'instalment', 'payerId'] },
  ],
  checks: [
    {
      name: 'payment_confirmed_by_a_second_officer',
      expression:
        'confirmed_by_subject is null or recorded_by_subject is null or confirmed_by_subject <> recorded_by_subject',
    },
  ],
});
export type Payment = InferEntity<typeof PaymentSchema>;
