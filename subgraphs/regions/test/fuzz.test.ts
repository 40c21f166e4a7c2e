// Hostile input to every mutation of the regions subgraph, generated from the schema: whatever
// comes in, the answer is a clear GraphQL error or a stored record the domain accepts; never an
// internal error, and a refused mutation changes nothing. FUZZ_SEED and FUZZ_RUNS reproduce a run.
import { type FuzzSeeds, fuzzChecker, fuzzParameters, mutationCases, mutationFields } from '@etablerer/kit/fuzz';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';
// What the public website refuses to store: control and bidi characters, and markup.
import { invisibleOrControl, markup } from '../src/website.js';

/** Who may run each mutation (a follo adviser writes the follo region's CRM); null: the public website. */
const callers: Record<string, (string | null)[]> = {
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
};

let subgraph: TestSubgraph<Context>;
let seeds: FuzzSeeds;
let checker: ReturnType<typeof fuzzChecker>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
  const connection = subgraph.orm.em.getConnection();
  const ids = async (sql: string) => ((await connection.execute(sql)) as { id: string }[]).map((row) => row.id);
  const clients = await ids(
    `select id from client where region_id = 'follo' and merged_into_id is null order by id limit 9`,
  );
  const courses = await ids(`select id from course where region_id = 'follo' order by starts_on desc limit 4`);
  const sessions = await ids(
    `select s.id from counselling_session s join client c on c.id = s.client_id where c.region_id = 'follo' order by s.id limit 3`,
  );
  const advisers = await ids(`select id from adviser where region_id = 'follo' order by id limit 3`);
  seeds = {
    regionId: ['follo', 'follo', 'drammensregionen'],
    clientId: clients.slice(0, 6),
    keepId: clients.slice(0, 3),
    duplicateId: clients.slice(3, 6),
    attendedClientIds: clients,
    // Erasure gets clients of its own, so the other mutations still find theirs with their data.
    'eraseClient.id': clients.slice(6),
    courseId: courses,
    adviserId: advisers,
    instructorIds: advisers,
    enrolmentId: await ids(
      `select e.id from enrolment e join course c on c.id = e.course_id where c.region_id = 'follo' order by e.id limit 4`,
    ),
    'updateClient.id': clients,
    'updateCounsellingSession.id': sessions,
    'endServiceOffering.id': await ids(`select id from service_offering where region_id = 'follo' order by id limit 3`),
    'pickUpWebsiteRequest.id': await ids(
      `select id from website_request where region_id = 'follo' order by id limit 3`,
    ),
  };
  checker = fuzzChecker(subgraph, {
    async checkStored(changed) {
      if (!changed.includes('website_request')) return;
      const texts: { text: string | null }[] = await connection.execute(
        `select message as text from website_request union all
         select c.name from client c join website_request w on w.client_id = c.id union all
         select c.business_idea from client c join website_request w on w.client_id = c.id`,
      );
      for (const { text } of texts) {
        if (text && (invisibleOrControl.test(text) || markup.test(text))) {
          throw new Error(`The public website stored text it must refuse: ${JSON.stringify(text.slice(0, 80))}`);
        }
      }
    },
  });
}, 120_000);
afterAll(() => subgraph?.close());

const mutations = mutationFields(regionsSubgraph.schema).map((field) => field.name);

describe('hostile input to every regions mutation', () => {
  it('covers every mutation of the schema, and only those', () => {
    expect(Object.keys(callers).sort()).toEqual([...mutations].sort());
  });

  for (const mutation of mutations) {
    for (const as of callers[mutation] ?? [undefined]) {
      it(`${mutation} as ${as === undefined ? 'nobody' : (as ?? 'anonymous')}`, async () => {
        if (as === undefined) throw new Error(`${mutation} has no fuzz coverage: add it to callers`);
        await fc.assert(
          fc.asyncProperty(mutationCases(regionsSubgraph.schema, mutation, seeds), (fuzzCase) =>
            checker.check(fuzzCase, as),
          ),
          fuzzParameters(40),
        );
      }, 120_000);
    }
  }

  afterAll(() => {
    console.info(`regions fuzz: ${JSON.stringify(checker?.stats)}`);
    if (process.env.FUZZ_VERBOSE) {
      const reasons = Object.entries(checker?.reasons ?? {}).sort(([a], [b]) => a.localeCompare(b));
      console.info(reasons.map(([reason, count]) => `${count}\t${reason}`).join('\n'));
    }
  });

  it('reached both outcomes: refused cases and stored records', () => {
    expect(checker.stats.refused).toBeGreaterThan(0);
    expect(checker.stats.accepted).toBeGreaterThan(0);
  });
});
