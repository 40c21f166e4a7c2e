// Starts the gateway (PORT, default 4000) over the subgraphs at COUNTY_URL, REGIONS_URL, PARTNERS_URL.
import { runAsProcess } from '@etablerer/kit';
import { startGateway, subgraphUrlsFromEnvironment } from './server.js';

await runAsProcess(() =>
  startGateway({
    port: Number(process.env.PORT ?? 4000),
    ...(process.env.HOST ? { host: process.env.HOST } : {}),
    subgraphUrls: subgraphUrlsFromEnvironment(),
  }),
);
