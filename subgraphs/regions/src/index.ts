// Starts the regions subgraph (PORT, default 4002) against DATABASE_URL.
import { requiredDatabaseUrl, runAsProcess, startSubgraph } from '@etablerer/kit';
import { regionsSubgraph } from './server.js';

await runAsProcess(() => startSubgraph(regionsSubgraph, { server: requiredDatabaseUrl() }));
