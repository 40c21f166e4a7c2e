// The migrations this subgraph runs, in order. Written by `pnpm migration:create`; do not edit by hand.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126213627_regions_and_municipalities } from './Migration20261126213627_regions_and_municipalities.js';

export const migrations: MigrationObject[] = [
  {
    name: 'Migration20261126213627_regions_and_municipalities',
    class: Migration20261126213627_regions_and_municipalities,
  },
];
