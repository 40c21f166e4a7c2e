// The per-request context of the regions subgraph: its EntityManager fork, caller and DataLoaders.
import { contextWithLoaders, loaderByKey, loaderOfGroups } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { AdviserSchema } from './entities/adviser.js';
import { ClientSchema } from './entities/client.js';
import { MunicipalitySchema } from './entities/municipality.js';
import { OfficeSchema } from './entities/office.js';
import { OperatorSchema } from './entities/operator.js';
import { RegionSchema } from './entities/region.js';
import { ServiceOfferingSchema } from './entities/service-offering.js';
import { statisticsLoader } from './statistics.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Counts clients registered per region in one year, for all the regions of a request at once. */
function clientCounts(em: EntityManager) {
  return new DataLoader<{ regionId: string; year: number }, number, string>(
    async (keys) => {
      const years = [...new Set(keys.map((key) => key.year))];
      const regionIds = [...new Set(keys.map((key) => key.regionId))];
      const rows: { region_id: string; year: number; count: number }[] = await em.execute(
        `select region_id, extract(year from registered_on)::int as year, count(*)::int as count
           from client
          where region_id in (?) and registered_on >= ? and registered_on < ?
          group by region_id, year`,
        // One range over the years asked for; rows of years in between that nobody asked for are dropped below.
        [regionIds, `${Math.min(...years)}-01-01`, `${Math.max(...years) + 1}-01-01`],
      );
      const counts = new Map(rows.map((row) => [`${row.region_id}:${row.year}`, row.count]));
      return keys.map((key) => counts.get(`${key.regionId}:${key.year}`) ?? 0);
    },
    { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
  );
}

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
    client: loaderByKey(
      // A malformed id cannot match a row; leaving it out keeps PostgreSQL from refusing the batch.
      (ids: string[]) => em.find(ClientSchema, { id: { $in: ids.filter((id) => uuid.test(id)) } }),
      (client) => client.id,
    ),
    clientCount: clientCounts(em),
    statistics: statisticsLoader(em),
    adviser: loaderByKey(
      (ids: string[]) => em.find(AdviserSchema, { id: { $in: ids.filter((id) => uuid.test(id)) } }),
      (adviser) => adviser.id,
    ),
    advisersOfRegion: loaderOfGroups(
      (regionIds: string[]) => em.find(AdviserSchema, { region: { $in: regionIds } }, { orderBy: { name: 'asc' } }),
      (adviser) => adviser.region.id,
    ),
    operator: loaderByKey(
      (ids: string[]) => em.find(OperatorSchema, { id: { $in: ids } }),
      (operator) => operator.id,
    ),
    operatorOfRegion: loaderByKey(
      (regionIds: string[]) => em.find(OperatorSchema, { region: { $in: regionIds } }),
      (operator) => operator.region.id,
    ),
    officesOfRegion: loaderOfGroups(
      (regionIds: string[]) => em.find(OfficeSchema, { region: { $in: regionIds } }, { orderBy: { name: 'asc' } }),
      (office) => office.region.id,
    ),
    servicesOfRegion: loaderOfGroups(
      (regionIds: string[]) =>
        em.find(ServiceOfferingSchema, { region: { $in: regionIds } }, { orderBy: { validFrom: 'asc', kind: 'asc' } }),
      (service) => service.region.id,
    ),
  };
}

export const createContext = contextWithLoaders(createLoaders);

export type Context = ReturnType<typeof createContext>;
