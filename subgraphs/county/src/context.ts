// The per-request context of the county subgraph: its EntityManager fork and DataLoaders.
import { contextWithLoaders, loaderByKey, loaderOfGroups } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fundingPopulationDate, PopulationFigureSchema } from './entities/population-figure.js';

function createLoaders(em: EntityManager) {
  return {
    fundingPopulation: loaderByKey(
      (numbers: string[]) =>
        em.find(PopulationFigureSchema, { municipalityNumber: { $in: numbers }, date: fundingPopulationDate }),
      (figure) => figure.municipalityNumber,
    ),
    populationFigures: loaderOfGroups(
      (numbers: string[]) =>
        em.find(PopulationFigureSchema, { municipalityNumber: { $in: numbers } }, { orderBy: { date: 'asc' } }),
      (figure) => figure.municipalityNumber,
    ),
  };
}

export const createContext = contextWithLoaders(createLoaders);

export type Context = ReturnType<typeof createContext>;
