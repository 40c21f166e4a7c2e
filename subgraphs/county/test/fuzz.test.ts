// Hostile input to every mutation of the county subgraph, generated from the schema: whatever
// comes in, the answer is a clear GraphQL error or a stored record the domain accepts; never an
// internal error, and a refused mutation changes nothing. FUZZ_SEED and FUZZ_RUNS reproduce a run.
import { type FuzzSeeds, fuzzChecker, fuzzParameters, mutationCases, mutationFields } from '@etablerer/kit/fuzz';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { countySubgraph } from '../src/server.js';

/** Who may run each mutation: county officers, and for reports and plans the region's advisers. */
const callers: Record<string, (string | null)[]> = {
  submit: ['follo.adviser'],
  approveSubmission: ['county.officer'],
  rejectSubmission: ['county.officer'],
  recordPayment: ['county.officer'],
  setFundingRates: ['county.officer'],
  recordBudgetDecision: ['county.officer'],
  amendAgreement: ['county.officer'],
  extendAgreement: ['county.officer'],
  giveNotice: ['county.officer'],
  recordMeeting: ['county.officer'],
  updateMeeting: ['county.officer'],
  recordEvaluation: ['county.officer'],
};

let subgraph: TestSubgraph<Context>;
let seeds: FuzzSeeds;
let checker: ReturnType<typeof fuzzChecker>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(countySubgraph);
  const connection = subgraph.orm.em.getConnection();
  const ids = async (sql: string) => ((await connection.execute(sql)) as { id: string }[]).map((row) => row.id);
  const agreements = await ids(`select id from agreement order by valid_from desc, id limit 4`);
  const submissions = await ids(`select id from submission order by (status = 'SUBMITTED') desc, id limit 4`);
  seeds = {
    regionId: ['follo', 'follo', 'drammensregionen'],
    agreementId: agreements,
    'approveSubmission.id': submissions,
    'rejectSubmission.id': submissions,
    'updateMeeting.id': await ids(`select id from meeting order by id limit 3`),
  };
  checker = fuzzChecker(subgraph);
}, 120_000);
afterAll(() => subgraph?.close());

const mutations = mutationFields(countySubgraph.schema).map((field) => field.name);

describe('hostile input to every county mutation', () => {
  it('covers every mutation of the schema, and only those', () => {
    expect(Object.keys(callers).sort()).toEqual([...mutations].sort());
  });

  for (const mutation of mutations) {
    for (const as of callers[mutation] ?? [undefined]) {
      it(`${mutation} as ${as === undefined ? 'nobody' : (as ?? 'anonymous')}`, async () => {
        if (as === undefined) throw new Error(`${mutation} has no fuzz coverage: add it to callers`);
        await fc.assert(
          fc.asyncProperty(mutationCases(countySubgraph.schema, mutation, seeds), (fuzzCase) =>
            checker.check(fuzzCase, as),
          ),
          fuzzParameters(40),
        );
      }, 120_000);
    }
  }

  afterAll(() => {
    console.info(`county fuzz: ${JSON.stringify(checker?.stats)}`);
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
