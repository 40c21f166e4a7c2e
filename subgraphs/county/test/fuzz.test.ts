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
    recordMeeting: ['county.officer'],
    updateMeeting: ['county.officer'],
    recordEvaluation: ['county.officer'],
    importPopulationFigures: ['county.officer'],
  },
  async seeds(ids) {
    const submissions = await ids(`select id from submission order by (status = 'SUBMITTED') desc, id limit 4`);
    return {
      regionId: ['follo', 'follo', 'drammensregionen'],
      agreementId: await ids(`select id from agreement order by valid_from desc, id limit 4`),
      'approveSubmission.id': submissions,
      'rejectSubmission.id': submissions,
      'updateMeeting.id': await ids(`select id from meeting order by id limit 3`),
    };
  },
});
