// The evaluations store against a stubbed gateway: the list in one query, recording with the list loaded again, and the server's refusals by field.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import type { EvaluationInput } from '../src/graphql/generated/graphql';
import { useEvaluationsStore } from '../src/stores/evaluations';
import { evaluations, evaluationsAnswer } from './evaluations-fixtures';
import { type GraphQLCall, jsonResponse, stubGraphQL } from './fixtures';

const isQuery = (call: GraphQLCall) => call.body.query.includes('query Evaluations');

const input: EvaluationInput = {
  title: 'Sluttevaluering av samarbeidsavtalene 2022–2025',
  periodFrom: '2022-01-01',
  periodTo: '2025-12-31',
  author: 'Ekstern evaluator',
  findings: 'Flere etablerere får veiledning.',
  documentReference: null,
  publishedOn: '2026-03-31',
};

describe('evaluations store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('loads the evaluations as the graph orders them', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: evaluationsAnswer }));
    const store = useEvaluationsStore();
    expect(store.loaded).toBe(false);

    const loading = store.load();
    expect(store.loading).toBe(true);
    await loading;

    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.query).toContain('evaluations {');
    expect(store.loading).toBe(false);
    expect(store.loaded).toBe(true);
    expect(store.evaluations.map((evaluation) => evaluation.id)).toEqual(
      evaluations.map((evaluation) => evaluation.id),
    );
  });

  it('keeps the codes of a refusal and shows no list', async () => {
    stubGraphQL(() =>
      jsonResponse({ errors: [{ message: 'No scope.', extensions: { code: 'FORBIDDEN' } }], data: null }),
    );
    const store = useEvaluationsStore();
    await store.load();
    expect(store.error).toEqual({ message: 'No scope.', codes: ['FORBIDDEN'] });
    expect(store.loaded).toBe(false);
    expect(store.evaluations).toEqual([]);
  });

  it('records an evaluation with the input as variables, then loads the list again', async () => {
    const saved = { id: 'new-evaluation', title: input.title, publishedOn: input.publishedOn };
    const { calls } = stubGraphQL((call) =>
      jsonResponse(isQuery(call) ? { data: evaluationsAnswer } : { data: { recordEvaluation: saved } }),
    );
    const store = useEvaluationsStore();

    const recording = store.record(input);
    expect(store.saving).toBe(true);
    expect(await recording).toEqual(saved);

    expect(store.saving).toBe(false);
    expect(store.actionError).toBeNull();
    expect(calls).toHaveLength(2);
    expect(calls[0]?.body.query).toContain('recordEvaluation(input: $input)');
    expect(calls[0]?.body.variables).toEqual({ input });
    expect(isQuery(calls[1] as GraphQLCall)).toBe(true);
    expect(store.loaded).toBe(true);
  });

  it("keeps the server's message by field when it refuses the input", async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({
        errors: [
          {
            message: 'input.periodTo: not before periodFrom',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.periodTo' },
          },
        ],
        data: null,
      }),
    );
    const store = useEvaluationsStore();

    expect(await store.record({ ...input, periodFrom: '2026-01-01' })).toBeNull();
    expect(store.actionError).toEqual({
      message: 'input.periodTo: not before periodFrom',
      codes: ['BAD_USER_INPUT'],
      fieldErrors: { periodTo: 'not before periodFrom' },
    });
    // Nothing was saved, so the list is not asked for again.
    expect(calls).toHaveLength(1);

    store.clearActionError();
    expect(store.actionError).toBeNull();
  });
});
