// Entry points of the regions subgraph.
import { auditLogPage, checkPage, emptyPage, page, regionsWithPersonalData } from '@etablerer/kit';
import type { FilterQuery } from '@mikro-orm/core';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { type Client, ClientSchema } from '../entities/client.js';
import { MunicipalitySchema } from '../entities/municipality.js';
import { RegionSchema } from '../entities/region.js';
import { auditReads, visibleClient } from './Client.js';

export const Query: QueryResolvers = {
  regions: (_parent, _args, { em }) => em.find(RegionSchema, {}, { orderBy: { name: 'asc' } }),
  region: (_parent, { id }, { loaders }) => loaders.region.load(id).then((region) => region ?? null),
  municipalities: (_parent, _args, { em }) => em.find(MunicipalitySchema, {}, { orderBy: { number: 'asc' } }),
  municipality: (_parent, { number }, { loaders }) =>
    loaders.municipality.load(number).then((municipality) => municipality ?? null),

  clients: async (_parent, { regionId, first, offset }, { em, caller }) => {
    const { limit } = checkPage(first, offset);
    const visible = regionsWithPersonalData(caller);
    // Roles without access to persons get an empty list, never an error that tells them more.
    if (visible !== 'all' && (visible.length === 0 || (regionId && !visible.includes(regionId)))) return emptyPage;
    const where: FilterQuery<Client> = regionId
      ? { region: regionId }
      : visible === 'all'
        ? {}
        : { region: { $in: visible } };
    const [items, totalCount] = await em.findAndCount(ClientSchema, where, {
      orderBy: { registeredOn: 'desc', id: 'asc' },
      limit,
      offset,
    });
    await auditReads(em, caller, items, 'clients list');
    return page(items, totalCount, offset);
  },

  client: (_parent, { id }, context) => visibleClient(context, id, 'client'),

  clientAuditLog: (_parent, { clientId, first, offset }, { em, caller }) =>
    auditLogPage(em, caller, { recordType: 'Client', recordId: clientId, first, offset }),
};
