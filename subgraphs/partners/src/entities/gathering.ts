// A professional gathering for the advisers.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const GatheringSchema = defineEntity({
  name: 'Gathering',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    title: p.string(),
    date: p.date().index(),
    location: p.string().nullable(),
    online: p.boolean().default(false),
    description: p.text().nullable(),
    /** Who holds it, e.g. ["Innovasjon Norge", "Akershus fylkeskommune"]. */
    organisers: p.array().default([]),
    programme: p.text().nullable(),
    /** Region ids (regions subgraph) invited; empty means every region. */
    invitedRegionIds: p.array().default([]),
    version: p.integer().version(),
  }),
});

export type Gathering = InferEntity<typeof GatheringSchema>;
