// The per-request context of the regions subgraph: its EntityManager fork and DataLoaders.
import { contextWithLoaders, loaderByKey, loaderOfGroups } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MunicipalitySchema } from './entities/municipality.js';
import { RegionSchema } from './entities/region.js';

function createLoaders(em: EntityManager) {
  return {
    region: loaderByKey(
      (ids: string[]) => em.find(RegionSchema, { id: { $in: ids } }),
      (region) => region.id,
    ),
    municipality: loaderByKey(
      (numbers: string[]) => em.find(MunicipalitySchema, { number: { $in: numbers } }),
      (municipality) => municipality.number,
    ),
    municipalitiesOfRegion: loaderOfGroups(
      (regionIds: string[]) =>
        em.find(MunicipalitySchema, { region: { $in: regionIds } }, { orderBy: { number: 'asc' } }),
      (municipality) => municipality.region.id,
    ),
  };
}

export const createContext = contextWithLoaders(createLoaders);

export type Context = ReturnType<typeof createContext>;
