// Municipality as the county sees it: population figures, looked up by either number it has had.
import type { MunicipalityResolvers } from '../__generated__/resolvers-types.js';

/** The county knows a municipality only by its number; everything else comes from its loaders. */
export interface MunicipalityReference {
  number: string;
}

export const Municipality: MunicipalityResolvers = {
  // Either number (Viken's 30xx or the 2024 one) finds the same figures (population/loaders.ts).
  __resolveReference: ({ number }) => ({ number }),
  population: async ({ number }, _args, { loaders }) =>
    (await loaders.fundingPopulation.load(number))[0]?.population ?? null,
  populationSource: async ({ number }, _args, { loaders }) =>
    (await loaders.fundingPopulation.load(number))[0]?.source ?? null,
  populationFigure: async ({ number }, _args, { loaders }) => (await loaders.fundingPopulation.load(number))[0] ?? null,
  populationFigures: ({ number }, _args, { loaders }) => loaders.populationFigures.load(number),
};
