// A region's cooperation agreement (samarbeidsavtale): its period, signature and population date.
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { fundingPopulationDate } from './population-figure.js';

export const AgreementSchema = defineEntity({
  name: 'Agreement',
  properties: (p) => ({
    /** Readable and stable, e.g. `follo-2022`. */
    id: p.string().length(100).primary(),
    /** The region's id in the regions subgraph, e.g. `follo`. */
    regionId: p.string().length(100).index(),
    validFrom: p.date(),
    /** The last day, after extensions. */
    validTo: p.date(),
    originalValidTo: p.date(),
    signedOn: p.date().nullable(),
    /** §6: the SSB figure as of 2021-07-01 unless an amendment sets another date. */
    populationDate: p.date().default(fundingPopulationDate),
    /** Where the population figures come from, as the agreement states it, e.g. `SSB tabell 01222, 1.7.2025`. */
    populationSource: p.string().length(200).nullable(),
    /** The agreement this one was renewed from (its predecessor for the region), when it was. */
    renewedFromId: p.string().length(100).nullable(),
    /** Touched by every change, so the version moves even when only a child row was added. */
    changedAt: p.datetime().onCreate(() => new Date()),
    version: p.integer().version(),
  }),
  checks: [
    { name: 'agreement_period_in_order', expression: 'valid_to >= valid_from and original_valid_to >= valid_from' },
  ],
});

export type Agreement = InferEntity<typeof AgreementSchema>;
