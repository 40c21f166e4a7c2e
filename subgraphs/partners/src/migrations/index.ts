// The migrations this subgraph runs, in order. Written by `pnpm migration:create`; do not edit by hand.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126213927_gatherings } from './Migration20261126213927_gatherings.js';
import { Migration20261126215459_referrals_and_audit_log } from './Migration20261126215459_referrals_and_audit_log.js';
import { Migration20261126223838_gatherings_referrals_assessments_measures } from './Migration20261126223838_gatherings_referrals_assessments_measures.js';
import { Migration20261126230938_assessment_shared_client_data } from './Migration20261126230938_assessment_shared_client_data.js';
import { Migration20261127031617_personal_data_erasure } from './Migration20261127031617_personal_data_erasure.js';
import { Migration20261127061402_erased_clients } from './Migration20261127061402_erased_clients.js';
import { Migration20261207064820_idempotency_keys } from './Migration20261207064820_idempotency_keys.js';
import { Migration20261207081455_service_assertion_uses } from './Migration20261207081455_service_assertion_uses.js';
import { Migration20261207115026_outbox_messages } from './Migration20261207115026_outbox_messages.js';
import { Migration20261207115230_referral_and_assessment_senders } from './Migration20261207115230_referral_and_assessment_senders.js';
import { Migration20261207173047_referral_counts_index } from './Migration20261207173047_referral_counts_index.js';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261126213927_gatherings', class: Migration20261126213927_gatherings },
  { name: 'Migration20261126215459_referrals_and_audit_log', class: Migration20261126215459_referrals_and_audit_log },
  {
    name: 'Migration20261126223838_gatherings_referrals_assessments_measures',
    class: Migration20261126223838_gatherings_referrals_assessments_measures,
  },
  {
    name: 'Migration20261126230938_assessment_shared_client_data',
    class: Migration20261126230938_assessment_shared_client_data,
  },
  { name: 'Migration20261127031617_personal_data_erasure', class: Migration20261127031617_personal_data_erasure },
  { name: 'Migration20261127061402_erased_clients', class: Migration20261127061402_erased_clients },
  { name: 'Migration20261207064820_idempotency_keys', class: Migration20261207064820_idempotency_keys },
  { name: 'Migration20261207081455_service_assertion_uses', class: Migration20261207081455_service_assertion_uses },
  { name: 'Migration20261207115026_outbox_messages', class: Migration20261207115026_outbox_messages },
  {
    name: 'Migration20261207115230_referral_and_assessment_senders',
    class: Migration20261207115230_referral_and_assessment_senders,
  },
  { name: 'Migration20261207173047_referral_counts_index', class: Migration20261207173047_referral_counts_index },
];
