// The submissions store against a stubbed gateway: one query with variables, submitting, deciding, field errors and conflicts.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { useSubmissionsStore } from '../src/stores/submissions';
import { type GraphQLCall, jsonResponse, stubGraphQL } from './fixtures';
import { folloSubmissions2024 } from './submissions-fixtures';

const isQuery = (call: GraphQLCall) => call.body.query.includes('query SubmissionsWorkflow');

describe('submissions store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it("loads a region's submissions, payments and last year's statistics in one query, values as variables", async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { region: folloSubmissions2024 } }));
    const store = useSubmissionsStore();

    await store.load('follo', 2024);

    expect(calls).toHaveLength(1);
    const query = calls[0]?.body.query ?? '';
    expect(query).toContain('submissions(year: $year)');
    expect(query).toContain('payments(year: $year)');
    expect(query).toContain('statistics(year: $previousYear)');
    expect(query).not.toContain('2024');
    expect(query).not.toContain('follo');
    expect(calls[0]?.body.variables).toEqual({ regionId: 'follo', year: 2024, previousYear: 2023, nextYear: 2025 });
    expect(store.region?.submissions).toHaveLength(3);
    expect(store.regionId).toBe('follo');
    expect(store.year).toBe(2024);
    expect(store.loading).toBe(false);
    expect(store.error).toBeNull();
  });

  it('reports a failed load and drops what was shown', async () => {
    let fail = false;
    stubGraphQL(() =>
      fail
        ? jsonResponse({ errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }] })
        : jsonResponse({ data: { region: folloSubmissions2024 } }),
    );
    const store = useSubmissionsStore();
    await store.load('follo', 2024);
    fail = true;
    await store.load('halden', 2024);

    expect(store.error).toEqual({ message: 'Not yours.', codes: ['FORBIDDEN'] });
    expect(store.region).toBeNull();
  });

  it('submits with the input as a variable, including the reported figures, and reloads', async () => {
    const { calls } = stubGraphQL((call) =>
      isQuery(call)
        ? jsonResponse({ data: { region: folloSubmissions2024 } })
        : jsonResponse({ data: { submit: { id: 'sub-1', version: 1, status: 'SUBMITTED' } } }),
    );
    const store = useSubmissionsStore();
    await store.load('follo', 2024);
    const input = {
      regionId: 'follo',
      kind: 'ANNUAL_REPORT' as const,
      coversYear: 2023,
      documentReference: 'ARK-2024/31',
      reportedFigures: {
        newClients: 131,
        clientsWithImmigrantBackground: 4,
        coursesHeld: 9,
        counsellingHours: 413,
        businessesStarted: 27,
      },
    };

    const ok = await store.submit(input);

    expect(ok).toBe(true);
    const mutation = calls[1];
    expect(mutation?.body.query).toContain('mutation Submit($input: SubmitInput!)');
    expect(mutation?.body.query).not.toContain('ARK-2024/31');
    expect(mutation?.body.variables).toEqual({ input });
    // The status and version changed on the server, so the store asks again.
    expect(calls).toHaveLength(3);
    expect(calls[2]?.body.variables).toEqual({ regionId: 'follo', year: 2024, previousYear: 2023, nextYear: 2025 });
    expect(store.actionError).toBeNull();
    expect(store.saving).toBe(false);
  });

  it("maps the server's field errors to the form's fields", async () => {
    stubGraphQL(() =>
      jsonResponse({
        errors: [
          {
            message: 'input.documentReference: must not be empty',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.documentReference' },
          },
          {
            message: 'too many hours',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.reportedFigures.counsellingHours' },
          },
        ],
      }),
    );
    const store = useSubmissionsStore();

    const ok = await store.submit({ regionId: 'follo', kind: 'ACCOUNTS', coversYear: 2023, documentReference: ' ' });

    expect(ok).toBe(false);
    expect(store.actionError).toMatchObject({
      action: 'submit',
      codes: ['BAD_USER_INPUT'],
      fieldErrors: { documentReference: 'must not be empty', 'reportedFigures.counsellingHours': 'too many hours' },
    });
    expect(store.conflict).toBe(false);
  });

  it('tells a conflict apart, and approves and rejects with the version as variables', async () => {
    const { calls } = stubGraphQL((call) => {
      if (isQuery(call)) return jsonResponse({ data: { region: folloSubmissions2024 } });
      if (call.body.query.includes('mutation ApproveSubmission')) {
        return jsonResponse({ errors: [{ message: 'Changed.', extensions: { code: 'CONFLICT' } }] });
      }
      return jsonResponse({ data: { rejectSubmission: { id: 'sub-plan-2025', version: 2, status: 'REJECTED' } } });
    });
    const store = useSubmissionsStore();
    await store.load('follo', 2024);

    expect(await store.approve('sub-plan-2025', 1)).toBe(false);
    expect(calls[1]?.body.variables).toEqual({ id: 'sub-plan-2025', version: 1 });
    expect(store.conflict).toBe(true);
    expect(store.actionError?.action).toBe('approve');

    expect(await store.reject('sub-plan-2025', 1, 'Mangler kursplan.')).toBe(true);
    expect(calls[2]?.body.query).toContain('rejectSubmission(id: $id, version: $version, comment: $comment)');
    expect(calls[2]?.body.variables).toEqual({ id: 'sub-plan-2025', version: 1, comment: 'Mangler kursplan.' });
    expect(store.conflict).toBe(false);
    expect(calls).toHaveLength(4);
  });
});
