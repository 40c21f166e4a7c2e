// The county subgraph as the kit runs it: database, schema, demo and county-scale data, request context.
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@etablerer/kit';
import { type Context, createContext } from './context.js';
import { RoleAssignmentSchema } from './entities/access.js';
import { AgreementSchema } from './entities/agreement.js';
import { entities } from './entities/index.js';
import { countyInternalRoutes } from './internal-access.js';
import { migrations } from './migrations/index.js';
import { schema } from './schema.js';
import { CountyScaleSeeder } from './seeders/CountyScaleSeeder.js';
import { DemoSeeder } from './seeders/DemoSeeder.js';

export const countySubgraph: SubgraphDefinition<Context> = {
  name: 'county',
  database: 'county',
  defaultPort: 4001,
  schema,
  entities,
  migrations,
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  demoSeeder: DemoSeeder,
  countyScaleSeeder: CountyScaleSeeder,
  // Agreements decide: a database seeded before they existed holds population figures only; one
  // seeded before role assignments existed gets the demo people's (the seeder adds only what is missing).
  isEmpty: async (orm) => {
    const em = orm.em.fork();
    return (await em.count(AgreementSchema)) === 0 || (await em.count(RoleAssignmentSchema)) === 0;
  },
  context: (orm, caller, request) => createContext(orm, caller, request),
  // The gateway's sign-in asks whom a person is, and which keys a partner system holds.
  internalRoutes: countyInternalRoutes,
};
