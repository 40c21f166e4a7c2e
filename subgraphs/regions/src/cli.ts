// `pnpm migrate | seed | seed:county-scale | migration:create | retention [--dry-run]` for the regions subgraph.
import { logger, subgraphCli, withSubgraphDatabase } from '@etablerer/kit';
import { erasePastRetention } from './personal-data.js';
import { regionsSubgraph } from './server.js';

const [command, ...args] = process.argv.slice(2);
if (command === 'retention') {
  // The privacy notice's promise, run on a schedule: persons past three years since their last contact are anonymised.
  const run = await withSubgraphDatabase(regionsSubgraph, (orm) =>
    orm.em.fork().transactional((em) => erasePastRetention(em, { dryRun: args.includes('--dry-run') })),
  );
  logger.info(run, run.dryRun ? 'retention: clients past retention counted' : 'retention: clients anonymised');
} else {
  await subgraphCli(regionsSubgraph, command, ...args);
}
