// Which generation of a region's data the key figures were computed from (key-figures-cache.ts). Triggers
// (migration key_figure_generations) give the region a new generation, from a sequence so that no value
// ever comes back, in the same transaction as any change to the rows its key figures count: clients,
// counselling sessions, courses and their enrolments, survey answers, businesses, milestones, impact
// records and the region itself. Figures kept from an earlier generation are no longer used.
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const KeyFigureGenerationSchema = defineEntity({
  name: 'KeyFigureGeneration',
  properties: (p) => ({
    /** The region's id; no foreign key, so a region's first change needs nothing but this row. */
    regionId: p.string().primary(),
    /** From the sequence key_figure_generation_seq, given by the triggers. */
    generation: p.bigint().default(0),
  }),
});

export type KeyFigureGeneration = InferEntity<typeof KeyFigureGenerationSchema>;
