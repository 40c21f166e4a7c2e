// Hostile input to every mutation of the regions subgraph, generated from the schema: whatever
// comes in, the answer is a clear GraphQL error or a stored record the domain accepts; never an
// internal error, and a refused mutation changes nothing. FUZZ_SEED and FUZZ_RUNS reproduce a run.
import { describeMutationFuzz } from '@etablerer/kit/fuzz';
import { regionsSubgraph } from '../src/server.js';
// What the public website refuses to store: control and bidi characters, and markup.
import { invisibleOrControl, markup } from '../src/website.js';

describeMutationFuzz(regionsSubgraph, {
  /** Who may run each mutation (a follo adviser writes the follo region's CRM); null: the public website. */
  callers: {
    eraseClient: ['follo.adviser'],
    eraseClientsPastRetention: ['county.officer'],
    registerClient: ['follo.adviser'],
    updateClient: ['follo.adviser'],
    mergeClients: ['follo.adviser'],
    logCounsellingSession: ['follo.adviser'],
    updateCounsellingSession: ['follo.adviser'],
    registerBusiness: ['follo.adviser'],
    recordMilestone: ['follo.adviser'],
    recordSurveyResponse: ['follo.adviser'],
    recordFollowUp: ['follo.adviser'],
    addClientLink: ['follo.adviser'],
    createNetworkEvent: ['follo.adviser'],
    createCourse: ['follo.adviser'],
    enrolClient: ['follo.adviser'],
    cancelEnrolment: ['follo.adviser'],
    recordAttendance: ['follo.adviser'],
    setFreeCounsellingLimit: ['follo.adviser'],
    addServiceOffering: ['follo.adviser'],
    endServiceOffering: ['follo.adviser'],
    cancelCourse: ['follo.adviser'],
    pickUpWebsiteRequest: ['follo.adviser'],
    signUpForCourse: ['follo.adviser', null],
    requestCounselling: ['follo.adviser', null],
    // The one-time links of e-mails: public, a token of no link refused.
    answerSurvey: [null],
    unsubscribeFromSurveys: [null],
    cancelWebsiteRequest: [null],
    // Appointments (issue 22): advisers publish and withdraw slots; the public website books them.
    publishAppointmentSlots: ['follo.adviser'],
    cancelAppointmentSlot: ['follo.adviser'],
    bookAppointment: [null],
    recordImpact: ['follo.adviser'],
    correctImpact: ['follo.adviser'],
    deleteImpact: ['follo.adviser'],
    recordImpactConfirmation: ['follo.adviser'],
    requestImpactConfirmation: ['follo.adviser'],
    confirmImpact: [null],
  },
  async seeds(ids) {
    const clients = await ids(
      `select id from client where region_id = 'follo' and merged_into_id is null order by id limit 9`,
    );
    const advisers = await ids(`select id from adviser where region_id = 'follo' order by id limit 3`);
    return {
      regionId: ['follo', 'follo', 'drammensregionen'],
      clientId: clients.slice(0, 6),
      keepId: clients.slice(0, 3),
      duplicateId: clients.slice(3, 6),
      attendedClientIds: clients,
      // Erasure gets clients of its own, so the other mutations still find theirs with their data.
      'eraseClient.id': clients.slice(6),
      courseId: await ids(`select id from course where region_id = 'follo' order by starts_on desc limit 4`),
      adviserId: advisers,
      instructorIds: advisers,
      enrolmentId: await ids(
        `select e.id from enrolment e join course c on c.id = e.course_id where c.region_id = 'follo' order by e.id limit 4`,
      ),
      'updateClient.id': clients,
      'updateCounsellingSession.id': await ids(
        `select s.id from counselling_session s join client c on c.id = s.client_id where c.region_id = 'follo' order by s.id limit 3`,
      ),
      'endServiceOffering.id': await ids(
        `select id from service_offering where region_id = 'follo' order by id limit 3`,
      ),
      // Times ahead of now, whole quarter hours apart: some publications are accepted.
      startsAt: [1, 2, 3].map((days) => {
        const at = new Date(Date.now() + days * 86_400_000);
        at.setUTCHours(8 + days, 0, 0, 0);
        return at.toISOString();
      }),
      'cancelAppointmentSlot.id': await ids(
        `select id from appointment_slot where region_id = 'follo' order by id limit 3`,
      ),
      slotId: await ids(
        `select id from appointment_slot where region_id = 'follo' and cancelled_at is null order by id limit 3`,
      ),
      ...Object.fromEntries(
        await Promise.all(
          ['correctImpact', 'deleteImpact', 'recordImpactConfirmation', 'requestImpactConfirmation'].map(
            async (field) => [
              `${field}.id`,
              await ids(
                `select id from impact_record where region_id = 'follo' order by confirmed_at nulls first, id limit 3`,
              ),
            ],
          ),
        ),
      ),
      'pickUpWebsiteRequest.id': await ids(
        `select id from website_request where region_id = 'follo' order by id limit 3`,
      ),
    };
  },
  /** Whatever came through the public website, no stored text of its request holds what it must refuse. */
  async checkStored(changed, subgraph) {
    if (!changed.includes('website_request')) return;
    const texts: { text: string | null }[] = await subgraph.orm.em.getConnection().execute(
      `select message as text from website_request union all
       select c.name from client c join website_request w on w.client_id = c.id union all
       select c.business_idea from client c join website_request w on w.client_id = c.id union all
       select topic from appointment_booking union all select name from appointment_booking`,
    );
    for (const { text } of texts) {
      if (text && (invisibleOrControl.test(text) || markup.test(text))) {
        throw new Error(`The public website stored text it must refuse: ${JSON.stringify(text.slice(0, 80))}`);
      }
    }
  },
});
