// The gateway's and the subgraphs' sources as processes of their own, as the tests run them (through tsx).
import { fileURLToPath } from 'node:url';
import { type ServiceProcess, type ServiceProcessOptions, startServiceProcess } from '@etablerer/kit';
import type { SubgraphName } from '../../src/composition.js';

export type { ServiceProcess };

// Paths, not the packages' `entry` exports: those lead to the built `dist/` unless the caller resolves under the
// development condition, and these tests are about the sources.
const entries: Record<SubgraphName | 'gateway', string> = {
  county: fileURLToPath(new URL('../../../subgraphs/county/src/index.ts', import.meta.url)),
  regions: fileURLToPath(new URL('../../../subgraphs/regions/src/index.ts', import.meta.url)),
  partners: fileURLToPath(new URL('../../../subgraphs/partners/src/index.ts', import.meta.url)),
  gateway: fileURLToPath(new URL('../../src/index.ts', import.meta.url)),
};

/** Forks the gateway or a subgraph from its source and resolves once it listens. */
export function startSourceProcess(name: SubgraphName | 'gateway', options: ServiceProcessOptions) {
  return startServiceProcess(name, entries[name], options);
}
