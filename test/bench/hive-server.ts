// Hive Gateway (@graphql-hive/gateway-runtime) in a process of its own for the benchmark, so that its CPU
// time and memory are its own: the committed supergraph over the subgraphs in HIVE_SUBGRAPH_URLS (JSON),
// signing subgraph requests with the stack's gateway key, as the gateway's test runs it
// (gateway/test/support/hive-gateway.ts). Prints "listening <port>" once it answers.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadOrCreateServiceKeys, repositoryDataDir } from '@etablerer/kit';
import { startHiveGateway } from '../../gateway/test/support/hive-gateway.js';

const subgraphUrls = JSON.parse(process.env.HIVE_SUBGRAPH_URLS ?? '{}');
const gatewayKey = (await loadOrCreateServiceKeys(`${repositoryDataDir}service-keys/keys.json`)).privateKeys.gateway;
if (!gatewayKey) throw new Error('no gateway key in .data/service-keys');
const hive = await startHiveGateway({ subgraphUrls, gatewayKey });
const server = createServer(hive);
server.listen(0, '127.0.0.1');
await once(server, 'listening');
console.log(`listening ${(server.address() as AddressInfo).port}`);
const stop = () => {
  server.close();
  void Promise.resolve(hive.dispose()).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
