// The partners subgraph as the kit runs it: database, schema, demo and county-scale data, request context.
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@etablerer/kit';
import { type Context, createContext } from './context.js';
import { GatheringSchema } from './entities/gathering.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { erasePartnerDataPastRetention } from './personal-data.js';
import { schema } from './schema.js';
import { CountyScaleSeeder } from './seeders/CountyScaleSeeder.js';
import { DemoSeeder } from './seeders/DemoSeeder.js';

export const partnersSubgraph: SubgraphDefinition<Context> = {
  name: 'partners',
  database: 'partners',
  defaultPort: 4003,
  schema,
  entities,
  migrations,
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  demoSeeder: DemoSeeder,
  countyScaleSeeder: CountyScaleSeeder,
  isEmpty: async (orm) => (await orm.em.fork().count(GatheringSchema)) === 0,
  context: createContext,
  // Regions erases partners' copies of a client; partners asks regions whose client an id is.
  trustedServices: ['gateway', 'regions'],
  // Its outbox's notifications go to the county's /internal/notifications (kit outbox-dispatcher.ts).
  calls: ['regions', 'county'],
  retention: (em, { dryRun }) => erasePartnerDataPastRetention(em, { dryRun }),
};
