// Entry points of the regions subgraph.
import {
  auditLogPage,
  badUserInput,
  canSeePersonalDataIn,
  checkPage,
  emptyPage,
  entitiesFromSql,
  municipalityKeyOrSelf,
  page,
  recordAudit,
  regionsWithPersonalData,
} from '@etablerer/kit';
import { type EntityDictionary, type FilterQuery, raw } from '@mikro-orm/core';
import { z } from 'zod';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { AdviserSchema } from '../entities/adviser.js';
import { type Client, ClientSchema } from '../entities/client.js';
import { MunicipalitySchema } from '../entities/municipality.js';
import { RegionSchema } from '../entities/region.js';
import { clientGroup, personalDataOf } from '../personal-data.js';
import { auditReads, clientNotVisible, visibleClient } from './Client.js';

/** The most adviser ids one `advisersByIds` may ask about (partners asks in batches of this size). */
const maxAdviserIds = 500;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Escapes LIKE's wildcards so a search for "50%" finds "50%", not everything. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The client fields a search text can be part of. Every way a client is registered checks the e-mail address
 * (no white space) and the phone number (digits, spaces and a leading +, input-rules.ts), so a text that
 * could not stand in one is not looked for there: a full name is looked for in the names alone, which the
 * trigram index of the region's names (client_region_id_name_trgm_index) answers by itself, where an OR with
 * the phone or the address made PostgreSQL read every client of the region (EXPLAIN ANALYZE: 29 ms → 13 ms at
 * county scale, on a busy machine).
 */
export function searchedFields(search: string): ('name' | 'email' | 'phone')[] {
  const fields: ('name' | 'email' | 'phone')[] = ['name'];
  if (!/\s/.test(search)) fields.push('email');
  if (/^[0-9 +]+$/.test(search)) fields.push('phone');
  return fields;
}

export const Query: QueryResolvers = {
  regions: (_parent, _args, { em }) => entitiesFromSql(em, RegionSchema, 'select * from region order by name'),
  region: (_parent, { id }, { loaders }) => loaders.region.load(id).then((region) => region ?? null),
  municipalities: (_parent, _args, { em }) => em.find(MunicipalitySchema, {}, { orderBy: { number: 'asc' } }),
  municipality: (_parent, { number }, { loaders }) =>
    loaders.municipality.load(municipalityKeyOrSelf(number)).then((municipality) => municipality ?? null),

  clients: async (_parent, args, context) => {
    const { em, caller } = context;
    const { limit } = checkPage(args.first, args.offset);
    const visible = regionsWithPersonalData(caller);
    const { regionId } = args;
    // Roles without access to persons get an empty list, never an error that tells them more.
    if (visible !== 'all' && (visible.length === 0 || (regionId && !visible.includes(regionId)))) return emptyPage;
    const filters: FilterQuery<Client>[] = [
      regionId ? { region: regionId } : visible === 'all' ? {} : { region: { $in: visible } },
    ];
    if (!args.includeMerged) filters.push({ mergedIntoId: null });
    const search = args.search?.trim().slice(0, 100) ?? '';
    const searching = search !== '';
    if (searching) {
      const pattern = `%${escapeLike(search)}%`;
      filters.push({ $or: searchedFields(search).map((field) => ({ [field]: { $ilike: pattern } })) });
    }
    if (args.registeredFrom) filters.push({ registeredOn: { $gte: args.registeredFrom } });
    if (args.registeredTo) filters.push({ registeredOn: { $lte: args.registeredTo } });
    if (args.immigrantBackground) filters.push({ immigrantBackground: args.immigrantBackground });
    if (args.adviserId && !uuid.test(args.adviserId)) return emptyPage;
    const matching = () => {
      const query = em.createQueryBuilder(ClientSchema, 'c').where({ $and: filters });
      if (args.adviserId) {
        query.andWhere('c.id in (select s.client_id from counselling_session s where s.adviser_id = ?)', [
          args.adviserId,
        ]);
      }
      if (args.hasBusiness !== null && args.hasBusiness !== undefined) {
        query.andWhere(`c.id ${args.hasBusiness ? 'in' : 'not in'} (select b.client_id from business b)`);
      }
      return query;
    };
    // The page and the count of every matching row in one statement (a window over the filtered
    // rows, counted before the limit): a search's trigram index scans and rechecks ran twice when
    // the count was a statement of its own, and they are most of a search's time at national scale.
    const rows: (EntityDictionary<Client> & { total_count: string })[] = searching
      ? await em.execute(
          em
            .getKnex()
            .queryBuilder()
            // A search's matches first, by its trigram index, then counted and paged. In one query the
            // LIMIT led PostgreSQL to walk the region newest first and test every client against the
            // text, hoping to stop after a page, which the count never lets it do: 275 ms for a common
            // surname at national scale (3,350 of the region's 61,000), 26 ms this way (EXPLAIN ANALYZE).
            .withMaterialized('found', matching().select('*').getKnexQuery())
            .select('*', em.getKnex().raw('count(*) over () as total_count'))
            .from('found')
            .orderBy([
              { column: 'registered_on', order: 'desc' },
              { column: 'id', order: 'asc' },
            ])
            .limit(limit)
            .offset(args.offset),
        )
      : await matching()
          .select(['*', raw('count(*) over () as total_count')])
          .orderBy({ registeredOn: 'desc', id: 'asc' })
          .limit(limit)
          .offset(args.offset)
          .execute('all', false);
    // A page past the last row has no row to carry the count.
    const totalCount = rows[0] ? Number(rows[0].total_count) : args.offset > 0 ? await matching().getCount() : 0;
    const items = rows.map(({ total_count: _count, ...row }) => em.map(ClientSchema, row as EntityDictionary<Client>));
    await auditReads(context, items, 'clients list');
    return page(items, totalCount, args.offset);
  },

  client: (_parent, { id }, context) => visibleClient(context, id, 'client'),

  // Reads no personal data (so it is not audited): only whose client it is and whether it is erased.
  clientStanding: async (_parent, { id }, { caller, loaders }) => {
    const seesAll = caller.role === 'COUNTY_OFFICER' || caller.role === 'NAV';
    if (!seesAll && caller.role !== 'ADVISER') throw clientNotVisible();
    const client = z.uuid().safeParse(id).success ? await loaders.client.load(id) : null;
    if (!client) {
      if (seesAll) return null;
      throw clientNotVisible();
    }
    if (!seesAll && client.region.id !== caller.regionId) throw clientNotVisible();
    return {
      id: client.id,
      regionId: client.region.id,
      erased: client.erasedAt != null,
      mergedIntoId: client.mergedIntoId ?? null,
    };
  },
  // Reads no personal data (only region and username), so any signed-in caller may ask and it is
  // not audited; partners asks it for all of a request's registrations at once.
  advisersByIds: async (_parent, { ids }, { em }) => {
    if (ids.length > maxAdviserIds) throw badUserInput(`ids: at most ${maxAdviserIds}`, 'ids');
    const wellFormed = [...new Set(ids)].filter((id) => uuid.test(id));
    if (wellFormed.length === 0) return [];
    const advisers = await em.find(AdviserSchema, { id: { $in: wellFormed } });
    return advisers.map((adviser) => ({
      id: adviser.id,
      regionId: adviser.region.id,
      subject: adviser.username ?? null,
    }));
  },
  course: (_parent, { id }, { loaders }) => loaders.course.load(id).then((course) => course ?? null),

  clientDataExport: async (_parent, { clientId }, { em, caller, loaders }) => {
    const client = await loaders.client.load(clientId);
    if (!client || !canSeePersonalDataIn(caller, client.region.id)) throw clientNotVisible();
    const ids = await clientGroup(em, client.id);
    const heldByRegions = await personalDataOf(em, ids);
    // Every export is logged, from inside the region too: it hands over everything at once.
    await recordAudit(
      em,
      caller,
      ids.map((id) => ({
        operation: 'READ' as const,
        recordType: 'Client',
        recordId: id,
        detail: 'personal data exported',
      })),
    );
    return {
      exportedAt: new Date().toISOString(),
      exportedBy: `${caller.name} (${caller.organisation.name})`,
      client,
      heldByRegions,
    };
  },

  clientAuditLog: (_parent, { clientId, first, offset }, { em, caller }) =>
    auditLogPage(em, caller, { recordType: 'Client', recordId: clientId, first, offset }),
};
