// Starts the gateway (PORT, default 4000) over the subgraphs at COUNTY_URL, REGIONS_URL, PARTNERS_URL.
import { runAsProcess } from '@etablerer/kit';
import { gatewayOptionsFromEnvironment, startGateway } from './server.js';

await runAsProcess(() => startGateway(gatewayOptionsFromEnvironment()));
