// Starts the county subgraph (PORT, default 4001) against DATABASE_URL.
import { requiredDatabaseUrl, runAsProcess, startSubgraph } from '@etablerer/kit';
import { countySubgraph } from './server.js';

await runAsProcess(() => startSubgraph(countySubgraph, { server: requiredDatabaseUrl() }));
