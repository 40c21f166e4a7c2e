// The client data a referral or an assessment shares, with the record it belongs to: the audit
// of its fields (see the kit's personal-data-audit.ts) names that record.
import type { PersonalRecord } from '@etablerer/kit';

export interface SharedClientData {
  name: string;
  email: string | null;
  phone: string | null;
  /** The referral or assessment whose shared data this is. */
  record: PersonalRecord;
}

export function sharedClientDataOf(
  recordType: 'Referral' | 'BusinessAssessment',
  row: { id: string; regionId: string; sharedName: string; sharedEmail?: string | null; sharedPhone?: string | null },
): SharedClientData {
  return {
    name: row.sharedName,
    email: row.sharedEmail ?? null,
    phone: row.sharedPhone ?? null,
    record: { recordType, recordId: row.id, regionId: row.regionId },
  };
}
