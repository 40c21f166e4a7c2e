// `pnpm migrate | seed | seed:county-scale | migration:create` for the regions subgraph.
import { subgraphCli } from '@etablerer/kit';
import { regionsSubgraph } from './server.js';

await subgraphCli(regionsSubgraph, process.argv[2], ...process.argv.slice(3));
