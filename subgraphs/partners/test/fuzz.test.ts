// Hostile input to every mutation of the partners subgraph, generated from the schema: whatever
// comes in, the answer is a clear GraphQL error or a stored record the domain accepts; never an
// internal error, and a refused mutation changes nothing. FUZZ_SEED and FUZZ_RUNS reproduce a run.
import { type FuzzSeeds, fuzzChecker, fuzzParameters, mutationCases, mutationFields } from '@etablerer/kit/fuzz';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { partnersSubgraph } from '../src/server.js';

/** Who may run each mutation: advisers send, Innovasjon Norge and NAV answer, the county erases past retention. */
const callers: Record<string, (string | null)[]> = {
  eraseClientReferrals: ['follo.adviser'],
  eraseReferralsPastRetention: ['county.officer'],
  sendReferral: ['follo.adviser'],
  createPartnerCourse: ['innovasjonnorge.officer'],
  createGathering: ['innovasjonnorge.officer'],
  registerForGathering: ['follo.adviser'],
  recordGatheringAttendance: ['innovasjonnorge.officer'],
  changeReferralStatus: ['innovasjonnorge.officer', 'nav.officer'],
  linkReferralClient: ['follo.adviser'],
  referFromNav: ['nav.officer'],
  requestBusinessAssessment: ['nav.officer'],
  deliverBusinessAssessment: ['follo.adviser'],
  createQualificationMeasure: ['nav.officer'],
  addMeasureParticipant: ['follo.adviser'],
};

let subgraph: TestSubgraph<Context>;
let seeds: FuzzSeeds;
let checker: ReturnType<typeof fuzzChecker>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph);
  const connection = subgraph.orm.em.getConnection();
  const ids = async (sql: string) => ((await connection.execute(sql)) as { id: string }[]).map((row) => row.id);
  const clients = await ids(
    `select distinct client_id as id from referral where region_id = 'follo' order by 1 limit 8`,
  );
  const advisers = await ids(
    `select distinct adviser_id as id from gathering_registration where region_id = 'follo' order by 1 limit 3`,
  );
  const referrals = await ids(`select id from referral where region_id = 'follo' order by status, id limit 6`);
  seeds = {
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
  checker = fuzzChecker(subgraph);
}, 120_000);
afterAll(() => subgraph?.close());

const mutations = mutationFields(partnersSubgraph.schema).map((field) => field.name);

describe('hostile input to every partners mutation', () => {
  it('covers every mutation of the schema, and only those', () => {
    expect(Object.keys(callers).sort()).toEqual([...mutations].sort());
  });

  for (const mutation of mutations) {
    for (const as of callers[mutation] ?? [undefined]) {
      it(`${mutation} as ${as === undefined ? 'nobody' : (as ?? 'anonymous')}`, async () => {
        if (as === undefined) throw new Error(`${mutation} has no fuzz coverage: add it to callers`);
        await fc.assert(
          fc.asyncProperty(mutationCases(partnersSubgraph.schema, mutation, seeds), (fuzzCase) =>
            checker.check(fuzzCase, as),
          ),
          fuzzParameters(40),
        );
      }, 120_000);
    }
  }

  afterAll(() => {
    console.info(`partners fuzz: ${JSON.stringify(checker?.stats)}`);
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
