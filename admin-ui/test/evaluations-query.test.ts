// The evaluations through the query layer against a stubbed gateway: the list in one query, recording with the list
// asked again, and the server's refusals by field.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import type { EvaluationInput } from '../src/graphql/generated/graphql';
import { useEvaluations, useRecordEvaluation } from '../src/queries/evaluations';
import { evaluations, evaluationsAnswer } from './evaluations-fixtures';
import { type GraphQLCall, jsonResponse, queryLayer, runInComponent, stubGraphQL } from './fixtures';

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

enableAutoUnmount(afterEach);

function withQueryLayer<Result>(composable: () => Result): Result {
  const pinia = createPinia();
  return runInComponent(composable, [pinia, queryLayer(pinia)]).result;
}

describe('evaluations queries', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('loads the evaluations as the graph orders them', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: evaluationsAnswer }));
    const store = withQueryLayer(() => useEvaluations());
    expect(store.loaded.value).toBe(false);
    expect(store.loading.value).toBe(true);
    await flushPromises();

    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.query).toContain('evaluations {');
    expect(store.loading.value).toBe(false);
    expect(store.loaded.value).toBe(true);
    expect(store.evaluations.value.map((evaluation) => evaluation.id)).toEqual(
      evaluations.map((evaluation) => evaluation.id),
    );
  });

  it('keeps the codes of a refusal and shows no list', async () => {
    stubGraphQL(() =>
      jsonResponse({ errors: [{ message: 'No scope.', extensions: { code: 'FORBIDDEN' } }], data: null }),
    );
    const store = withQueryLayer(() => useEvaluations());
    await flushPromises();
    expect(store.error.value).toEqual({ message: 'No scope.', codes: ['FORBIDDEN'] });
    expect(store.loaded.value).toBe(false);
    expect(store.evaluations.value).toEqual([]);
  });

  it('records an evaluation with the input as variables, then loads the list again', async () => {
    const saved = { id: 'new-evaluation', title: input.title, publishedOn: input.publishedOn };
    const { calls } = stubGraphQL((call) =>
      jsonResponse(isQuery(call) ? { data: evaluationsAnswer } : { data: { recordEvaluation: saved } }),
    );
    const store = withQueryLayer(() => ({ list: useEvaluations(), recording: useRecordEvaluation() }));
    await flushPromises();

    const recording = store.recording.record(input);
    expect(store.recording.saving.value).toBe(true);
    expect(await recording).toEqual(saved);
    await flushPromises();

    expect(store.recording.saving.value).toBe(false);
    expect(store.recording.actionError.value).toBeNull();
    expect(calls).toHaveLength(3);
    expect(calls[1]?.body.query).toContain('recordEvaluation(input: $input)');
    expect(calls[1]?.body.variables).toEqual({ input });
    // The list on screen is asked again.
    expect(isQuery(calls[2] as GraphQLCall)).toBe(true);
    expect(store.list.loaded.value).toBe(true);
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
    const store = withQueryLayer(() => useRecordEvaluation());

    expect(await store.record({ ...input, periodFrom: '2026-01-01' })).toBeNull();
    expect(store.actionError.value).toEqual({
      message: 'input.periodTo: not before periodFrom',
      codes: ['BAD_USER_INPUT'],
      fieldErrors: { periodTo: 'not before periodFrom' },
    });
    // Nothing was saved, so the list is not asked for again.
    expect(calls).toHaveLength(1);

    store.clearActionError();
    expect(store.actionError.value).toBeNull();
  });
});
