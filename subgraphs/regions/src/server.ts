// The regions subgraph as the kit runs it: database, schema, demo and county-scale data, request context.
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@etablerer/kit';
import { type Context, createContext } from './context.js';
import { entities } from './entities/index.js';
import { RegionSchema } from './entities/region.js';
import { migrations } from './migrations/index.js';
import { erasePastRetention } from './personal-data.js';
import { publicMutationLimitPlugin } from './public-limits.js';
import { schema } from './schema.js';
import { CountyScaleSeeder } from './seeders/CountyScaleSeeder.js';
import { DemoSeeder } from './seeders/DemoSeeder.js';

export const regionsSubgraph: SubgraphDefinition<Context> = {
  name: 'regions',
  database: 'regions',
  defaultPort: 4002,
  schema,
  entities,
  migrations,
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  demoSeeder: DemoSeeder,
  countyScaleSeeder: CountyScaleSeeder,
  isEmpty: async (orm) => (await orm.em.fork().count(RegionSchema)) === 0,
  context: createContext,
  // Partners asks whose client an id is (clientStanding); regions tells partners of erasures.
  trustedServices: ['gateway', 'partners'],
  // Its outbox's notifications go to the county's /internal/notifications (kit outbox-dispatcher.ts).
  calls: ['partners', 'county'],
  retention: (em, { dryRun }) => erasePastRetention(em, { dryRun }),
  // The public mutations store what they send here, so here is where their limit holds.
  plugins: [publicMutationLimitPlugin<Context>()],
};
