// A municipality's number of inhabitants on one date, with where the figure comes from.
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const populationSources = ['DEMO_APPROXIMATION', 'SSB'] as const;
export type PopulationSource = (typeof populationSources)[number];

/** Funding uses the official figure as of this date for every year of the period (§6). */
export const fundingPopulationDate = '2021-07-01';

export const PopulationFigureSchema = defineEntity({
  name: 'PopulationFigure',
  properties: (p) => ({
    /** The number the municipality had on `date`: Viken's 30xx before 2024, 31xx–33xx after. */
    municipalityNumber: p.string().length(4).primary(),
    date: p.date().primary(),
    population: p.integer(),
    source: p.enum(populationSources as unknown as PopulationSource[]),
    /** When the figure was recorded: seeded or imported. */
    recordedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    /** The SSB table the figure was read from, e.g. `01222`; null for demo figures. */
    sourceTable: p.string().length(5).nullable(),
    /** When SSB last updated that table, as the imported file says (its `updated`). */
    sourceUpdatedAt: p.datetime().nullable(),
    /** Who imported it: the officer's name, or the command line and the system user. */
    importedBy: p.string().length(200).nullable(),
  }),
});

export type PopulationFigure = InferEntity<typeof PopulationFigureSchema>;
