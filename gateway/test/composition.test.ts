// The committed supergraph is what the three subgraphs compose to, and composition has no errors.
import { describe, expect, it } from 'vitest';
import { committedSupergraph, composeSupergraph } from '../src/composition.js';

describe('schema/supergraph.graphql', () => {
  it('composes without errors and matches the committed file (run `pnpm compose` after changing an SDL)', () => {
    expect(committedSupergraph()).toBe(composeSupergraph());
  });
});
