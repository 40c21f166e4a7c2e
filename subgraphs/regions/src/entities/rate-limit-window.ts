// How much of a rate limit one key (a client address) has used in its current window: kept in
// the database, so every instance of the subgraph counts against the same limit.
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const RateLimitWindowSchema = defineEntity({
  name: 'RateLimitWindow',
  properties: (p) => ({
    /** The limit and whom it counts, e.g. `public-mutations:203.0.113.7`. */
    key: p.string().length(100).primary(),
    /** Points taken in the window so far. */
    points: p.integer(),
    /** When the window ends; the next point after it starts a new one. */
    endsAt: p.datetime().index(),
  }),
});

export type RateLimitWindow = InferEntity<typeof RateLimitWindowSchema>;
