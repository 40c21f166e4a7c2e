// Composes the three subgraphs' SDL into the supergraph the gateway serves (static composition).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export const subgraphNames = ['county', 'regions', 'partners'] as const;
export type SubgraphName = (typeof subgraphNames)[number];

/** Where each subgraph listens by default; `pnpm start` and the tests override them at run time. */
export const defaultSubgraphUrls: Record<SubgraphName, string> = {
  county: 'http://localhost:4001/graphql',
  regions: 'http://localhost:4002/graphql',
  partners: 'http://localhost:4003/graphql',
};

export const supergraphPath = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

export function subgraphSdl(name: SubgraphName): string {
  return readFileSync(new URL(`../../subgraphs/${name}/src/schema.graphql`, import.meta.url), 'utf8');
}

export class CompositionError extends Error {}

/** The supergraph SDL, or a CompositionError listing every problem composition found. */
export function composeSupergraph(): string {
  const result = composeServices(
    subgraphNames.map((name) => ({ name, typeDefs: parse(subgraphSdl(name)), url: defaultSubgraphUrls[name] })),
  );
  if (result.errors) {
    throw new CompositionError(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

/**
 * The built gateway carries the supergraph in its `dist/` (`pnpm build` copies it there), so it never reads the
 * source tree; run from its sources, it reads the committed file.
 */
const builtSupergraph = new URL('./supergraph.graphql', import.meta.url);

export function committedSupergraph(): string {
  return readFileSync(existsSync(builtSupergraph) ? builtSupergraph : supergraphPath, 'utf8');
}
