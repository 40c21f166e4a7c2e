// A municipality's number of inhabitants on one date, with where the figure comes from.
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const populationSources = ['DEMO_APPROXIMATION', 'SSB'] as const;
export type PopulationSource = (typeof populationSources)[number];

/** Funding uses the official figure as of this date for every year of the period (§6). */
export const fundingPopulationDate = '2021-07-01';

export const PopulationFigureSchema = defineEntity({
  name: 'PopulationFigure',
  properties: (p) => ({
    municipalityNumber: p.string().length(4).primary(),
    date: p.date().primary(),
    population: p.integer(),
    source: p.enum(populationSources as unknown as PopulationSource[]),
    recordedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  }),
});

export type PopulationFigure = InferEntity<typeof PopulationFigureSchema>;
