// The per-request context of the county subgraph: its EntityManager fork and DataLoaders.
import { loaderByKey, loaderOfGroups, type Orm, type SubgraphContext } from '@etablerer/kit';
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

export interface Context extends SubgraphContext {
  loaders: ReturnType<typeof createLoaders>;
}

export function createContext(orm: Orm): Context {
  const em = orm.em.fork() as EntityManager;
  return { em, loaders: createLoaders(em) };
}
