// The regions subgraph as the kit runs it: database, schema, demo and county-scale data, request context.
import { fileURLToPath } from 'node:url';
import { cronVariable, type SubgraphDefinition, scheduleTask, urlVariable } from '@etablerer/kit';
import {
  businessRegisterDownloadUrl,
  defaultBusinessRegisterSchedule,
  logBusinessRegisterImport,
  runBusinessRegisterImport,
} from './business-register.js';
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
  variables: {
    BUSINESS_REGISTER_URL: urlVariable(
      `Where the register of legal entities' (Enhetsregisteret) bulk file of entities is fetched from for the scheduled import that sets the businesses' registration, deletion and bankruptcy dates and industry codes (survival is computed from them): the register's open download is ${businessRegisterDownloadUrl}. Unset: no scheduled import. \`node dist/cli.js import-business-register --file F | --url U\` imports once.`,
    ),
    BUSINESS_REGISTER_SCHEDULE: cronVariable(
      'When the register of legal entities is imported from BUSINESS_REGISTER_URL: a cron pattern (minute hour day month weekday, Norwegian time), or `off`.',
      `\`${defaultBusinessRegisterSchedule}\` with NODE_ENV=production and BUSINESS_REGISTER_URL set, \`off\` otherwise`,
    ),
  },
  // The register's import, on BUSINESS_REGISTER_SCHEDULE: once per run over all instances (kit retention-task.ts).
  tasks: (orm, { values, production }) => {
    const url = values.BUSINESS_REGISTER_URL;
    const pattern =
      values.BUSINESS_REGISTER_SCHEDULE === undefined
        ? production
          ? defaultBusinessRegisterSchedule
          : null
        : values.BUSINESS_REGISTER_SCHEDULE;
    if (typeof url !== 'string' || typeof pattern !== 'string') return [];
    return [
      scheduleTask({
        name: 'business register',
        pattern,
        run: async () => logBusinessRegisterImport(await runBusinessRegisterImport(orm, { url })),
      }),
    ];
  },
};
