// An instalment a county has paid; one row per agreement, year, instalment and paying county, so nothing is paid twice.
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
  }),
  uniques: [
    { name: 'payment_once_per_instalment_and_payer', properties: ['agreement', 'year', 'instalment', 'payerId'] },
  ],
});
export type Payment = InferEntity<typeof PaymentSchema>;
