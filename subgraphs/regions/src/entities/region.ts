// A region of the county and the municipality that signs for it.
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const RegionSchema = defineEntity({
  name: 'Region',
  properties: (p) => ({
    id: p.string().primary(),
    name: p.string().unique(),
    /**
     * A plain column rather than a relation: municipalities already point at their region, and
     * a foreign key each way would make every insert of a new region a two-step dance.
     */
    contractMunicipalityNumber: p.string().length(4),
    /** Counselling is free up to this many minutes per client and year (§5.2.1); more is recorded and flagged. */
    freeCounsellingMinutesPerClientYear: p.integer().default(300),
  }),
});

export type Region = InferEntity<typeof RegionSchema>;
