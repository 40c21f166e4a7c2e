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
    /** The decision this one corrects; the corrected one stays, as history. */
    supersedesId: p.uuid().nullable(),
    /** Set on a decision once a correction replaced it; null on the decision in force. */
    supersededById: p.uuid().nullable(),
    recordedAt: p.datetime().onCreate(() => new Date()),
    recordedBy: p.string().length(200).nullable(),
  }),
  // One decision in force per payer and year; the ones it corrected stay beside it.
  indexes: [{ properties: ['agreement', 'year', 'payer'] }],
  uniques: [
    {
      name: 'budget_decision_one_in_force',
      expression:
        'create unique index "budget_decision_one_in_force" on "budget_decision" ("agreement_id", "year", "payer") where "superseded_by_id" is null',
    },
  ],
  checks: [{ name: 'budget_decision_not_negative', expression: 'granted_ore >= 0' }],
});
export type BudgetDecision = InferEntity<typeof BudgetDecisionSchema>;
