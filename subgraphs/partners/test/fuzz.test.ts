// Hostile input to every mutation of the partners subgraph, generated from the schema: whatever
// comes in, the answer is a clear GraphQL error or a stored record the domain accepts; never an
// internal error, and a refused mutation changes nothing. FUZZ_SEED and FUZZ_RUNS reproduce a run.
import { describeMutationFuzz } from '@etablerer/kit/fuzz';
import { partnersSubgraph } from '../src/server.js';

describeMutationFuzz(partnersSubgraph, {
  /** Who may run each mutation: advisers send, Innovasjon Norge and NAV answer, the county erases past retention. */
  callers: {
    eraseClientReferrals: ['follo.adviser'],
    eraseReferralsPastRetention: ['county.officer'],
    sendReferral: ['follo.adviser'],
    // Only regions calls it (over HTTP, signed); in-process every case must be refused cleanly.
    eraseClientCopies: ['follo.adviser'],
    createPartnerCourse: ['innovasjonnorge.officer'],
    createGathering: ['innovasjonnorge.officer'],
    registerForGathering: ['follo.adviser'],
    unregisterFromGathering: ['follo.adviser', 'innovasjonnorge.officer'],
    recordGatheringAttendance: ['innovasjonnorge.officer'],
    changeReferralStatus: ['innovasjonnorge.officer', 'nav.officer'],
    linkReferralClient: ['follo.adviser'],
    referFromNav: ['nav.officer'],
    requestBusinessAssessment: ['nav.officer'],
    deliverBusinessAssessment: ['follo.adviser'],
    createQualificationMeasure: ['nav.officer'],
    addMeasureParticipant: ['follo.adviser'],
  },
  async seeds(ids) {
    const clients = await ids(
      `select distinct client_id as id from referral where region_id = 'follo' order by 1 limit 8`,
    );
    const advisers = await ids(
      `select distinct adviser_id as id from gathering_registration where region_id = 'follo' order by 1 limit 3`,
    );
    const referrals = await ids(`select id from referral where region_id = 'follo' order by status, id limit 6`);
    return {
      regionId: ['follo', 'follo', 'drammensregionen'],
      // Erasure gets clients of its own, so the other mutations still find theirs with their data.
      clientId: clients.slice(0, 6),
      'eraseClientReferrals.clientId': clients.slice(6),
      adviserId: advisers,
      attendedAdviserIds: advisers,
      gatheringId: await ids(`select id from gathering order by id limit 3`),
      partnerIds: await ids(`select id from expert_organisation order by id limit 3`),
      measureId: await ids(`select id from qualification_measure where region_id = 'follo' order by id limit 3`),
      'changeReferralStatus.id': referrals,
      'linkReferralClient.id': referrals,
      'deliverBusinessAssessment.id': await ids(
        `select id from business_assessment where region_id = 'follo' order by status, id limit 3`,
      ),
    };
  },
});
