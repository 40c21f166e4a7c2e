// The migrations this subgraph runs, in order. Written by `pnpm migration:create`; do not edit by hand.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126213627_regions_and_municipalities } from './Migration20261126213627_regions_and_municipalities.js';
import { Migration20261126215159_clients_and_audit_log } from './Migration20261126215159_clients_and_audit_log.js';
import { Migration20261126221028_crm } from './Migration20261126221028_crm.js';
import { Migration20261127005811_website_requests } from './Migration20261127005811_website_requests.js';
import { Migration20261127020436_milestone_kind_index } from './Migration20261127020436_milestone_kind_index.js';
import { Migration20261127031611_personal_data_erasure } from './Migration20261127031611_personal_data_erasure.js';
import { Migration20261207051942_public_rate_limits } from './Migration20261207051942_public_rate_limits.js';
import { Migration20261207064809_idempotency_keys } from './Migration20261207064809_idempotency_keys.js';
import { Migration20261207081446_service_assertion_uses } from './Migration20261207081446_service_assertion_uses.js';
import { Migration20261207115021_outbox_messages } from './Migration20261207115021_outbox_messages.js';
import { Migration20261207115413_public_links } from './Migration20261207115413_public_links.js';
import { Migration20261207140833_impact_records } from './Migration20261207140833_impact_records.js';
import { Migration20261207140846_business_register } from './Migration20261207140846_business_register.js';
import { Migration20261207141241_appointments } from './Migration20261207141241_appointments.js';
import { Migration20261207172710_key_figure_generations } from './Migration20261207172710_key_figure_generations.js';
import { Migration20261207234900_client_region_name_search } from './Migration20261207234900_client_region_name_search.js';
import { Migration20261208025227_client_search_within_region } from './Migration20261208025227_client_search_within_region.js';

export const migrations: MigrationObject[] = [
  {
    name: 'Migration20261126213627_regions_and_municipalities',
    class: Migration20261126213627_regions_and_municipalities,
  },
  { name: 'Migration20261126215159_clients_and_audit_log', class: Migration20261126215159_clients_and_audit_log },
  { name: 'Migration20261126221028_crm', class: Migration20261126221028_crm },
  { name: 'Migration20261127005811_website_requests', class: Migration20261127005811_website_requests },
  { name: 'Migration20261127020436_milestone_kind_index', class: Migration20261127020436_milestone_kind_index },
  { name: 'Migration20261127031611_personal_data_erasure', class: Migration20261127031611_personal_data_erasure },
  { name: 'Migration20261207051942_public_rate_limits', class: Migration20261207051942_public_rate_limits },
  { name: 'Migration20261207064809_idempotency_keys', class: Migration20261207064809_idempotency_keys },
  { name: 'Migration20261207081446_service_assertion_uses', class: Migration20261207081446_service_assertion_uses },
  { name: 'Migration20261207115021_outbox_messages', class: Migration20261207115021_outbox_messages },
  { name: 'Migration20261207115413_public_links', class: Migration20261207115413_public_links },
  { name: 'Migration20261207140833_impact_records', class: Migration20261207140833_impact_records },
  { name: 'Migration20261207140846_business_register', class: Migration20261207140846_business_register },
  { name: 'Migration20261207141241_appointments', class: Migration20261207141241_appointments },
  { name: 'Migration20261207172710_key_figure_generations', class: Migration20261207172710_key_figure_generations },
  {
    name: 'Migration20261207234900_client_region_name_search',
    class: Migration20261207234900_client_region_name_search,
  },
  {
    name: 'Migration20261208025227_client_search_within_region',
    class: Migration20261208025227_client_search_within_region,
  },
];
