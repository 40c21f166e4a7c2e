// The migrations this subgraph runs, in order. Written by `pnpm migration:create`; do not edit by hand.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126213842_population_figures } from './Migration20261126213842_population_figures.js';
import { Migration20261126225224_agreements_funding_reporting_coordination } from './Migration20261126225224_agreements_funding_reporting_coordination.js';
import { Migration20261126225930_annual_report_figures } from './Migration20261126225930_annual_report_figures.js';
import { Migration20261207064756_idempotency_keys } from './Migration20261207064756_idempotency_keys.js';
import { Migration20261207081006_payment_payers } from './Migration20261207081006_payment_payers.js';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261126213842_population_figures', class: Migration20261126213842_population_figures },
  {
    name: 'Migration20261126225224_agreements_funding_reporting_coordination',
    class: Migration20261126225224_agreements_funding_reporting_coordination,
  },
  { name: 'Migration20261126225930_annual_report_figures', class: Migration20261126225930_annual_report_figures },
  { name: 'Migration20261207064756_idempotency_keys', class: Migration20261207064756_idempotency_keys },
  { name: 'Migration20261207081006_payment_payers', class: Migration20261207081006_payment_payers },
];
