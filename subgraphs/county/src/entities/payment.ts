// An instalment the county has paid; one row per agreement, year and instalment, so nothing is paid twice.
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
  }),
  uniques: [{ name: 'payment_once_per_instalment', properties: ['agreement', 'year', 'instalment'] }],
});
export type Payment = InferEntity<typeof PaymentSchema>;
