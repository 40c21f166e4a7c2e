// Starts the county subgraph (PORT, default 4001) with the configuration in its environment (see config.ts).
import { runAsProcess, startSubgraph } from '@etablerer/kit';
import { configuration } from './config.js';
import { countySubgraph } from './server.js';

await runAsProcess(() => startSubgraph(countySubgraph, configuration()));
