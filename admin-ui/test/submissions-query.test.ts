// The submissions page's data through the query layer against a stubbed gateway: one query with variables, a failed
// load that shows nothing of another year, submitting and deciding with the input as variables, field errors and
// conflicts, and the page asked again after a change.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { useRegionSubmissions, useSubmissionActions } from '../src/queries/submissions';
import { type GraphQLCall, jsonResponse, queryLayer, runInComponent, stubGraphQL } from './fixtures';
import { folloSubmissions2024 } from './submissions-fixtures';

const isQuery = (call: GraphQLCall) => call.body.query.includes('query SubmissionsWorkflow');

/** The page's query for `regionId` and `year` (both changeable) and its changes, in one component. */
function mountPage(regionId = 'follo', year = 2024) {
  const region = ref<string | null>(regionId);
  const shownYear = ref(year);
  const pinia = createPinia();
  const { result } = runInComponent(
    () => ({ ...useRegionSubmissions(region, shownYear), ...useSubmissionActions() }),
    [pinia, queryLayer(pinia)],
  );
  return { page: result, region, year: shownYear };
}

enableAutoUnmount(afterEach);

describe('submissions query', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it("loads a region's submissions, payments and last year's statistics in one query, values as variables", async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { region: folloSubmissions2024 } }));
    const { page } = mountPage();
    await flushPromises();

    expect(calls).toHaveLength(1);
    const query = calls[0]?.body.query ?? '';
    expect(query).toContain('submissions(year: $year)');
    expect(query).toContain('payments(year: $year)');
    expect(query).toContain('statistics(year: $previousYear)');
    expect(query).not.toContain('2024');
    expect(query).not.toContain('follo');
    expect(calls[0]?.body.variables).toEqual({ regionId: 'follo', year: 2024, previousYear: 2023, nextYear: 2025 });
    expect(page.region.value?.submissions).toHaveLength(3);
    expect(page.shown.value).toEqual({ regionId: 'follo', year: 2024 });
    expect(page.loading.value).toBe(false);
    expect(page.error.value).toBeNull();
  });

  it('reports a failed load and drops what was shown', async () => {
    let fail = false;
    stubGraphQL(() =>
      fail
        ? jsonResponse({ errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }] })
        : jsonResponse({ data: { region: folloSubmissions2024 } }),
    );
    const { page, region } = mountPage();
    await flushPromises();
    fail = true;
    region.value = 'halden';
    await flushPromises();

    expect(page.error.value).toEqual({ message: 'Not yours.', codes: ['FORBIDDEN'] });
    expect(page.region.value).toBeNull();
    expect(page.shown.value).toBeNull();
  });

  it('submits with the input as a variable, including the reported figures, and reloads', async () => {
    const { calls } = stubGraphQL((call) =>
      isQuery(call)
        ? jsonResponse({ data: { region: folloSubmissions2024 } })
        : jsonResponse({ data: { submit: { id: 'sub-1', version: 1, status: 'SUBMITTED' } } }),
    );
    const { page } = mountPage();
    await flushPromises();
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

    const ok = await page.submit(input);
    await flushPromises();

    expect(ok).toBe(true);
    const mutation = calls[1];
    expect(mutation?.body.query).toContain('mutation Submit($input: SubmitInput!)');
    expect(mutation?.body.query).not.toContain('ARK-2024/31');
    expect(mutation?.body.variables).toEqual({ input });
    // The status and version changed on the server, so the page asks again.
    expect(calls).toHaveLength(3);
    expect(calls[2]?.body.variables).toEqual({ regionId: 'follo', year: 2024, previousYear: 2023, nextYear: 2025 });
    expect(page.actionError.value).toBeNull();
    expect(page.saving.value).toBe(false);
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
    const { page } = mountPage();
    const ok = await page.submit({ regionId: 'follo', kind: 'ACCOUNTS', coversYear: 2023, documentReference: ' ' });

    expect(ok).toBe(false);
    expect(page.actionError.value).toMatchObject({
      action: 'submit',
      codes: ['BAD_USER_INPUT'],
      fieldErrors: { documentReference: 'must not be empty', 'reportedFigures.counsellingHours': 'too many hours' },
    });
    expect(page.conflict.value).toBe(false);
  });

  it('tells a conflict apart, and approves and rejects with the version as variables', async () => {
    const { calls } = stubGraphQL((call) => {
      if (isQuery(call)) return jsonResponse({ data: { region: folloSubmissions2024 } });
      if (call.body.query.includes('mutation ApproveSubmission')) {
        return jsonResponse({ errors: [{ message: 'Changed.', extensions: { code: 'CONFLICT' } }] });
      }
      return jsonResponse({ data: { rejectSubmission: { id: 'sub-plan-2025', version: 2, status: 'REJECTED' } } });
    });
    const { page } = mountPage();
    await flushPromises();

    expect(await page.approve('sub-plan-2025', 1)).toBe(false);
    await flushPromises();
    expect(calls[1]?.body.variables).toEqual({ id: 'sub-plan-2025', version: 1 });
    expect(page.conflict.value).toBe(true);
    expect(page.actionError.value?.action).toBe('approve');
    // A refused change changed nothing: the page is not asked again.
    expect(calls).toHaveLength(2);

    expect(await page.reject('sub-plan-2025', 1, 'Mangler kursplan.')).toBe(true);
    await flushPromises();
    expect(calls[2]?.body.query).toContain('rejectSubmission(id: $id, version: $version, comment: $comment)');
    expect(calls[2]?.body.variables).toEqual({ id: 'sub-plan-2025', version: 1, comment: 'Mangler kursplan.' });
    expect(page.conflict.value).toBe(false);
    expect(calls).toHaveLength(4);
    expect(isQuery(calls[3] as GraphQLCall)).toBe(true);
  });
});
