// Which generation of the agreements' data a process's kept rows were read from (kept-rows.ts). Triggers
// (migration agreement_data_generation) give the one row a new generation, from a sequence so that no value
// ever comes back, in the same transaction as any change to the agreements, their parties, notices, funding
// rates, budget decisions, payments and submissions, or the population figures. Rows kept from an earlier
// generation are no longer used.
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const DataGenerationSchema = defineEntity({
  name: 'DataGeneration',
  properties: (p) => ({
    /** What the generation covers: `agreements`. */
    name: p.string().length(50).primary(),
    /** From the sequence data_generation_seq, given by the triggers. */
    generation: p.bigint().default(0),
  }),
});

export type DataGeneration = InferEntity<typeof DataGenerationSchema>;
