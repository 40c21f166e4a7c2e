// The per-request context of the partners subgraph: its EntityManager fork, caller and DataLoaders.
import { contextWithLoaders, loaderByKey } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GatheringSchema } from './entities/gathering.js';
import { ReferralSchema } from './entities/referral.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A malformed id cannot match a row; leaving it out keeps PostgreSQL from refusing the batch.
const wellFormed = (ids: string[]) => ids.filter((id) => uuid.test(id));

function createLoaders(em: EntityManager) {
  return {
    gathering: loaderByKey(
      (ids: string[]) => em.find(GatheringSchema, { id: { $in: wellFormed(ids) } }),
      (gathering) => gathering.id,
    ),
    referral: loaderByKey(
      (ids: string[]) => em.find(ReferralSchema, { id: { $in: wellFormed(ids) } }),
      (referral) => referral.id,
    ),
  };
}

export const createContext = contextWithLoaders(createLoaders);

export type Context = ReturnType<typeof createContext>;
