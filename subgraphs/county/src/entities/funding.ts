// An agreement's funding settings per year (§6): rates above the minimums and parties' budget decisions.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AgreementSchema } from './agreement.js';

/** Øre per inhabitant the agreement requires at least (§6): NOK 5.50 from the county, 2.50 from the municipalities. */
export const minimumCountyRateOre = 550n;
export const minimumMunicipalRateOre = 250n;

export const FundingRateSchema = defineEntity({
  name: 'FundingRate',
  properties: (p) => ({
    agreement: p.manyToOne(AgreementSchema).primary(),
    year: p.smallint().primary(),
    countyRateOre: p.bigint('bigint'),
    municipalRateOre: p.bigint('bigint'),
  }),
  checks: [{ name: 'funding_rate_minimums', expression: 'county_rate_ore >= 550 and municipal_rate_ore >= 250' }],
});
export type FundingRate = InferEntity<typeof FundingRateSchema>;

export const BudgetDecisionSchema = defineEntity({
  name: 'BudgetDecision',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    agreement: p.manyToOne(AgreementSchema),
    year: p.smallint(),
    /** `COUNTY` or a municipality number. */
    payer: p.string().length(10),
    grantedOre: p.bigint('bigint'),
    decidedOn: p.date(),
    reference: p.string().length(200),
  }),
  uniques: [{ properties: ['agreement', 'year', 'payer'] }],
  checks: [{ name: 'budget_decision_not_negative', expression: 'granted_ore >= 0' }],
});
export type BudgetDecision = InferEntity<typeof BudgetDecisionSchema>;
