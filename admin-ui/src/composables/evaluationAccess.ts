// Who works with the evaluations page: every role the county subgraph lets read evaluations, and the officers of today's counties who record them.

/**
 * Roles that see the evaluations page: the county subgraph gives the evaluations (county-wide, not
 * per region) to every signed-in role, an API client only with the scope `aggregates:read`, which
 * the console cannot see; the gateway refuses one without it and the page says so. Anyone else,
 * e.g. a role added to the gateway later, is sent to the start page.
 */
export const evaluationReaderRoles: readonly string[] = [
  'COUNTY_OFFICER',
  'COORDINATION_MEMBER',
  'MUNICIPALITY_OFFICER',
  'ADVISER',
  'INNOVASJON_NORGE',
  'NAV',
  'API_CLIENT',
];

export function readsEvaluations(role: string | undefined): boolean {
  return role !== undefined && evaluationReaderRoles.includes(role);
}

/**
 * County officers record evaluations, as the county subgraph's `recordEvaluation` allows: the
 * officers of Akershus, Buskerud and Østfold, not Viken's, who read history since Viken was
 * dissolved on 2024-01-01. Evaluations are of the whole service, so any current county's officer
 * may record one. The gateway checks it again.
 */
export function recordsEvaluations(
  caller: { role: string; organisationId?: string | null } | null | undefined,
): boolean {
  return caller?.role === 'COUNTY_OFFICER' && caller.organisationId !== 'viken';
}
