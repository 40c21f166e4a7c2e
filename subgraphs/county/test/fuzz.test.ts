// Hostile input to every mutation of the county subgraph, generated from the schema: whatever
// comes in, the answer is a clear GraphQL error or a stored record the domain accepts; never an
// internal error, and a refused mutation changes nothing. FUZZ_SEED and FUZZ_RUNS reproduce a run.
import { describeMutationFuzz } from '@etablerer/kit/fuzz';
import { countySubgraph } from '../src/server.js';

describeMutationFuzz(countySubgraph, {
  /** Who may run each mutation: county officers, and for reports and plans the region's advisers. */
  callers: {
    submit: ['follo.adviser'],
    approveSubmission: ['county.officer'],
    rejectSubmission: ['county.officer'],
    recordPayment: ['county.officer'],
    confirmPayment: ['county.controller'],
    setFundingRates: ['county.officer'],
    recordBudgetDecision: ['county.officer'],
    amendAgreement: ['county.officer'],
    extendAgreement: ['county.officer'],
    giveNotice: ['county.officer'],
    createAgreement: ['county.officer'],
    renewAgreement: ['county.officer'],
    signAgreement: ['county.officer'],
    setMunicipalSplit: ['county.officer'],
    setSupplementaryServices: ['county.officer'],
    // A municipality officer records the professional group's meetings (§4) only.
    recordMeeting: ['county.officer', 'nordrefollo.officer'],
    updateMeeting: ['county.officer'],
    addCoordinationMember: ['county.officer'],
    endCoordinationMembership: ['county.officer'],
    changeCoordinationMemberRole: ['county.officer'],
    addProfessionalGroupMember: ['county.officer', 'nordrefollo.officer'],
    endProfessionalGroupMembership: ['county.officer'],
    requestConflictMeeting: ['county.officer'],
    recordEvaluation: ['county.officer'],
    importPopulationFigures: ['county.officer'],
    assignRole: ['county.officer', 'nordrefollo.officer'],
    endRoleAssignment: ['county.officer', 'nordrefollo.officer'],
    registerApiClient: ['county.officer'],
    addApiClientKey: ['county.officer'],
    revokeApiClientKey: ['county.officer'],
    revokeApiClient: ['county.officer'],
    // Every signed-in person has their own notifications; only an API client has none.
    markNotificationsRead: ['follo.adviser', 'county.officer'],
    markAllNotificationsRead: ['follo.adviser'],
    setNotificationPreference: ['follo.adviser'],
  },
  outsider: {
    markNotificationsRead: 'partner.api',
    markAllNotificationsRead: 'partner.api',
    setNotificationPreference: 'partner.api',
  },
  async seeds(ids) {
    const submissions = await ids(`select id from submission order by (status = 'SUBMITTED') desc, id limit 4`);
    return {
      regionId: ['follo', 'follo', 'drammensregionen'],
      agreementId: await ids(`select id from agreement order by valid_from desc, id limit 4`),
      'approveSubmission.id': submissions,
      'rejectSubmission.id': submissions,
      'updateMeeting.id': await ids(`select id from meeting order by id limit 3`),
      'endCoordinationMembership.id': await ids(
        `select id from coordination_member where "group" = 'COORDINATION_GROUP' order by valid_to nulls first, id limit 3`,
      ),
      'changeCoordinationMemberRole.id': await ids(
        `select id from coordination_member where "group" = 'COORDINATION_GROUP' order by valid_to nulls first, id limit 3`,
      ),
      presentMemberIds: await ids(`select id from coordination_member order by id limit 3`),
      'assignRole.input.regionId': ['follo', 'follo', 'drammensregionen'],
      'assignRole.input.role': ['ADVISER', 'ADVISER', 'COUNTY_OFFICER'],
      'assignRole.input.organisation.kind': ['OPERATOR', 'OPERATOR', 'COUNTY'],
      'assignRole.input.email': ['ny.person@example.no', 'Ny.Person@Example.no', 'follo.adviser@demo.etablerer.no'],
      'endRoleAssignment.input.id': await ids(
        `select id from role_assignment where region_id = 'follo' order by ended_at nulls first, id limit 4`,
      ),
      clientId: ['reporting.demo', 'reporting.demo', 'new-client'],
      'addApiClientKey.input.publicKey': [
        '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRjGLrBsmGIhZ7z-S1MwIr9vN8bl3oNJjZrv-ag"}',
        '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRjGLrBsmGIhZ7z-S1MwIr9vN8bl3oNJjZrv-ag","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}',
      ],
      'revokeApiClientKey.input.kid': ['gL1d3IO2kc9mW8iECudIcgHQ2bHVTp6dBbWQhWa8Jjk', 'nope'],
    };
  },
});
