// Races, with real concurrency against PostgreSQL: each operation runs in a request context of its
// own, in its own transaction on its own pooled connection, all started at once. Each race is run
// for several rounds (the state reset between them) so a lucky interleaving cannot hide a bug.
import { queryRows, runSql } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph, testServerUrl } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { countySubgraph } from '../src/server.js';

const rounds = 10;

let subgraph: TestSubgraph<Context>;
let database: string;
beforeAll(async () => {
  subgraph = await createTestSubgraph(countySubgraph);
  database = subgraph.orm.config.get('dbName');
});
afterAll(() => subgraph?.close());

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const codes = (results: Result[]) => results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
const rows = <Row>(sql: string, values: unknown[] = []) => queryRows<Row>(testServerUrl(), database, sql, values);
const sql = (text: string) => runSql(testServerUrl(), database, text);

// Follo's agreement runs to the end of 2026 (extended); its 2026 budget was rejected in the demo.
const agreement = 'follo-2022';

interface StoredSubmission {
  id: string;
  status: string;
  version: number;
  decided_by: string | null;
  decision_comment: string | null;
}
const storedSubmission = async (kind: string, year: number) =>
  rows<StoredSubmission>(
    `select id, status, version, decided_by, decision_comment from submission
      where agreement_id = $1 and kind = $2 and covers_year = $3`,
    [agreement, kind, year],
  );

/** Follo's 2026 budget back to submitted, waiting for a decision; its id and version. */
async function budgetWaitingForDecision() {
  await sql(
    `update submission set status = 'SUBMITTED', decided_on = null, decided_by = null, decision_comment = null,
            version = version + 1
      where agreement_id = '${agreement}' and kind = 'BUDGET' and covers_year = 2026`,
  );
  const [budget] = await storedSubmission('BUDGET', 2026);
  if (!budget) throw new Error('no Follo budget for 2026 in the demo data');
  return budget;
}

const approve = `mutation Approve($id: ID!, $version: Int!, $comment: String) {
  approveSubmission(id: $id, version: $version, comment: $comment) { status version }
}`;
const reject = `mutation Reject($id: ID!, $version: Int!, $comment: String!) {
  rejectSubmission(id: $id, version: $version, comment: $comment) { status version }
}`;

describe('two officers deciding on the same submission at once', () => {
  it('records exactly one approval; the other gets CONFLICT', async () => {
    for (let round = 0; round < rounds; round++) {
      const budget = await budgetWaitingForDecision();
      const comments = [`Godkjent A${round}`, `Godkjent B${round}`];
      const results = await Promise.all(
        comments.map((comment) => subgraph.execute(approve, { id: budget.id, version: budget.version, comment })),
      );
      expect(codes(results)).toEqual(['CONFLICT', 'OK']);
      const winner = comments[results.findIndex((result) => !result.errors)];
      expect(await storedSubmission('BUDGET', 2026)).toEqual([
        {
          ...budget,
          status: 'APPROVED',
          version: budget.version + 1,
          decided_by: 'Kari Nordmann',
          decision_comment: winner,
        },
      ]);
    }
  });

  it('keeps one decision when one officer approves and another rejects at once', async () => {
    for (let round = 0; round < rounds; round++) {
      const budget = await budgetWaitingForDecision();
      const results = await Promise.all([
        subgraph.execute(approve, { id: budget.id, version: budget.version, comment: `Godkjent ${round}` }),
        subgraph.execute(reject, { id: budget.id, version: budget.version, comment: `Avvist ${round}` }),
      ]);
      expect(codes(results)).toEqual(['CONFLICT', 'OK']);
      const [stored] = await storedSubmission('BUDGET', 2026);
      const approved = !results[0]?.errors;
      expect(stored).toMatchObject({
        status: approved ? 'APPROVED' : 'REJECTED',
        version: budget.version + 1,
        decision_comment: approved ? `Godkjent ${round}` : `Avvist ${round}`,
      });
    }
  });
});

describe('the same report submitted twice at once', () => {
  const submitAccounts = `mutation Submit($input: SubmitInput!) { submit(input: $input) { status } }`;
  const input = (documentReference: string) => ({
    input: { regionId: 'follo', kind: 'ACCOUNTS', coversYear: 2026, documentReference, totalAmount: '1000000.00' },
  });

  it('stores one submission; the other gets CONFLICT', async () => {
    for (let round = 0; round < rounds; round++) {
      await sql(
        `delete from submission where agreement_id = '${agreement}' and kind = 'ACCOUNTS' and covers_year = 2026`,
      );
      const results = await Promise.all([
        subgraph.execute(submitAccounts, input(`regnskap-a-${round}.pdf`), { as: 'follo.adviser' }),
        subgraph.execute(submitAccounts, input(`regnskap-b-${round}.pdf`), { as: 'nordrefollo.officer' }),
      ]);
      expect(codes(results)).toEqual(['CONFLICT', 'OK']);
      const stored = await rows<{ document_reference: string }>(
        `select document_reference from submission where agreement_id = $1 and kind = 'ACCOUNTS' and covers_year = 2026`,
        [agreement],
      );
      expect(stored).toEqual([{ document_reference: `regnskap-${results[0]?.errors ? 'b' : 'a'}-${round}.pdf` }]);
    }
  });
});

describe('the same instalment recorded twice at once', () => {
  const recordPayment = `mutation Pay($reference: String!) {
    recordPayment(regionId: "follo", year: 2026, instalment: JANUARY, paidOn: "2026-01-10", reference: $reference) {
      status amount reference
    }
  }`;
  const payments = () =>
    rows<{ reference: string; amount_ore: string }>(
      `select reference, amount_ore from payment where agreement_id = $1 and year = 2026`,
      [agreement],
    );

  beforeAll(async () => {
    // Payable: the 2026 plan was approved in the demo, the budget is approved here.
    await sql(
      `update submission set status = 'APPROVED', decided_on = '2025-12-20', decided_by = 'Kari Nordmann'
        where agreement_id = '${agreement}' and kind = 'BUDGET' and covers_year = 2026`,
    );
  });

  it('pays it once when two officers record it with their own references; the other gets CONFLICT', async () => {
    for (let round = 0; round < rounds; round++) {
      await sql(`delete from payment where agreement_id = '${agreement}' and year = 2026`);
      const references = [`UTB-A-${round}`, `UTB-B-${round}`];
      const results = await Promise.all(references.map((reference) => subgraph.execute(recordPayment, { reference })));
      expect(codes(results)).toEqual(['CONFLICT', 'OK']);
      const winner = references[results.findIndex((result) => !result.errors)];
      expect(await payments()).toEqual([{ reference: winner, amount_ore: '38700000' }]);
    }
  });

  it('pays it once when the same recording is sent twice at once (a double click), answering both alike', async () => {
    for (let round = 0; round < rounds; round++) {
      await sql(`delete from payment where agreement_id = '${agreement}' and year = 2026`);
      const reference = `UTB-${round}`;
      const results = await Promise.all([0, 1].map(() => subgraph.execute(recordPayment, { reference })));
      expect(codes(results)).toEqual(['OK', 'OK']);
      expect(results[1]?.data).toEqual(results[0]?.data);
      // Recorded, not yet confirmed by a second officer, and past its due date (31 January 2026).
      expect(results[0]?.data).toEqual({ recordPayment: { status: 'OVERDUE', amount: '387000.00', reference } });
      expect(await payments()).toEqual([{ reference, amount_ore: '38700000' }]);
    }
  });
});
