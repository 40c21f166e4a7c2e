// The per-request context of the partners subgraph: its EntityManager fork and DataLoaders.
import { contextWithLoaders, loaderByKey } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GatheringSchema } from './entities/gathering.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function createLoaders(em: EntityManager) {
  return {
    gathering: loaderByKey(
      // A malformed id cannot match a row; leaving it out keeps PostgreSQL from refusing the batch.
      (ids: string[]) => em.find(GatheringSchema, { id: { $in: ids.filter((id) => uuid.test(id)) } }),
      (gathering) => gathering.id,
    ),
  };
}

export const createContext = contextWithLoaders(createLoaders);

export type Context = ReturnType<typeof createContext>;
