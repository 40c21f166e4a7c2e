// `pnpm migrate | seed | seed:county-scale | migration:create` for the partners subgraph.
import { subgraphCli } from '@etablerer/kit';
import { partnersSubgraph } from './server.js';

await subgraphCli(partnersSubgraph, process.argv[2], ...process.argv.slice(3));
