// The gateway's and the subgraphs' sources as processes of their own, as the tests run them (through tsx).
import { fileURLToPath } from 'node:url';
import { type ServiceProcess, type ServiceProcessOptions, startServiceProcess } from '@etablerer/kit';
import type { SubgraphName } from '../../src/composition.js';

export type { ServiceProcess };

const entries: Record<SubgraphName | 'gateway', string> = {
  county: fileURLToPath(import.meta.resolve('@etablerer/county/entry')),
  regions: fileURLToPath(import.meta.resolve('@etablerer/regions/entry')),
  partners: fileURLToPath(import.meta.resolve('@etablerer/partners/entry')),
  gateway: fileURLToPath(new URL('../../src/index.ts', import.meta.url)),
};

/** Forks the gateway or a subgraph from its source and resolves once it listens. */
export function startSourceProcess(name: SubgraphName | 'gateway', options: ServiceProcessOptions) {
  return startServiceProcess(name, entries[name], options);
}
