// The per-request context of the partners subgraph: its EntityManager fork and DataLoaders.
import { loaderByKey, type Orm, type SubgraphContext } from '@etablerer/kit';
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

export interface Context extends SubgraphContext {
  loaders: ReturnType<typeof createLoaders>;
}

export function createContext(orm: Orm): Context {
  const em = orm.em.fork() as EntityManager;
  return { em, loaders: createLoaders(em) };
}
