// AuditEntry: its timestamp as ISO 8601 text.
import type { AuditEntryResolvers } from '../__generated__/resolvers-types.js';

export const AuditEntry: AuditEntryResolvers = {
  at: (entry) => entry.at.toISOString(),
};
