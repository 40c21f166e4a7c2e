// `pnpm compose`: writes schema/supergraph.graphql from the subgraphs' SDL files.
import { writeFileSync } from 'node:fs';
import { composeSupergraph, supergraphPath } from './composition.js';

writeFileSync(supergraphPath, composeSupergraph());
console.log(`wrote ${supergraphPath}`);
