// `pnpm migrate | seed | seed:county-scale | migration:create | retention [--dry-run]` for the partners subgraph.
import { logger, subgraphCli, withSubgraphDatabase } from '@etablerer/kit';
import { erasePartnerDataPastRetention } from './personal-data.js';
import { partnersSubgraph } from './server.js';

const [command, ...args] = process.argv.slice(2);
if (command === 'retention') {
  // Referrals and assessments past three years since their last event lose the client data they share.
  const run = await withSubgraphDatabase(partnersSubgraph, (orm) =>
    orm.em.fork().transactional((em) => erasePartnerDataPastRetention(em, { dryRun: args.includes('--dry-run') })),
  );
  logger.info(run, run.dryRun ? 'retention: records past retention counted' : 'retention: records anonymised');
} else {
  await subgraphCli(partnersSubgraph, command, ...args);
}
