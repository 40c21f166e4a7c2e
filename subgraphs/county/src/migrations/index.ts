// The migrations this subgraph runs, in order. Written by `pnpm migration:create`; do not edit by hand.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126213842_population_figures } from './Migration20261126213842_population_figures.js';
import { Migration20261126225224_agreements_funding_reporting_coordination } from './Migration20261126225224_agreements_funding_reporting_coordination.js';
import { Migration20261126225930_annual_report_figures } from './Migration20261126225930_annual_report_figures.js';
import { Migration20261207064756_idempotency_keys } from './Migration20261207064756_idempotency_keys.js';
import { Migration20261207080837_agreement_lifecycle } from './Migration20261207080837_agreement_lifecycle.js';
import { Migration20261207080840_money_controls } from './Migration20261207080840_money_controls.js';
import { Migration20261207080946_population_figure_source } from './Migration20261207080946_population_figure_source.js';
import { Migration20261207081006_payment_payers } from './Migration20261207081006_payment_payers.js';
import { Migration20261207081437_service_assertion_uses } from './Migration20261207081437_service_assertion_uses.js';
import { Migration20261207110854_access_administration } from './Migration20261207110854_access_administration.js';
import { Migration20261207115016_outbox_messages } from './Migration20261207115016_outbox_messages.js';
import { Migration20261207115401_notifications } from './Migration20261207115401_notifications.js';
import { Migration20261207140851_groups_and_meetings } from './Migration20261207140851_groups_and_meetings.js';
import { Migration20261207230019_agreement_data_generation } from './Migration20261207230019_agreement_data_generation.js';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261126213842_population_figures', class: Migration20261126213842_population_figures },
  {
    name: 'Migration20261126225224_agreements_funding_reporting_coordination',
    class: Migration20261126225224_agreements_funding_reporting_coordination,
  },
  { name: 'Migration20261126225930_annual_report_figures', class: Migration20261126225930_annual_report_figures },
  { name: 'Migration20261207064756_idempotency_keys', class: Migration20261207064756_idempotency_keys },
  { name: 'Migration20261207080837_agreement_lifecycle', class: Migration20261207080837_agreement_lifecycle },
  { name: 'Migration20261207080840_money_controls', class: Migration20261207080840_money_controls },
  { name: 'Migration20261207080946_population_figure_source', class: Migration20261207080946_population_figure_source },
  { name: 'Migration20261207081006_payment_payers', class: Migration20261207081006_payment_payers },
  { name: 'Migration20261207081437_service_assertion_uses', class: Migration20261207081437_service_assertion_uses },
  { name: 'Migration20261207110854_access_administration', class: Migration20261207110854_access_administration },
  { name: 'Migration20261207115016_outbox_messages', class: Migration20261207115016_outbox_messages },
  { name: 'Migration20261207115401_notifications', class: Migration20261207115401_notifications },
  { name: 'Migration20261207140851_groups_and_meetings', class: Migration20261207140851_groups_and_meetings },
  {
    name: 'Migration20261207230019_agreement_data_generation',
    class: Migration20261207230019_agreement_data_generation,
  },
];
