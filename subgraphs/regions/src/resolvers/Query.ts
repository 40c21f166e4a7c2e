// Entry points of the regions subgraph.
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { MunicipalitySchema } from '../entities/municipality.js';
import { RegionSchema } from '../entities/region.js';

export const Query: QueryResolvers = {
  regions: (_parent, _args, { em }) => em.find(RegionSchema, {}, { orderBy: { name: 'asc' } }),
  region: (_parent, { id }, { loaders }) => loaders.region.load(id).then((region) => region ?? null),
  municipalities: (_parent, _args, { em }) => em.find(MunicipalitySchema, {}, { orderBy: { number: 'asc' } }),
  municipality: (_parent, { number }, { loaders }) =>
    loaders.municipality.load(number).then((municipality) => municipality ?? null),
};
