// The query layer (src/graphql/queries.ts) against a stubbed gateway: one request for components asking the same,
// a superseded request cancelled and never shown, retries only when no answer came, a mutation making pages ask
// again, nothing kept across callers, and the service banner told what an answer lacked.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia, type Pinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { useGraphQLMutation, useGraphQLQuery } from '../src/graphql/queries';
import { UpdateClientDocument } from '../src/queries/client';
import { CoordinationOverviewDocument, useCoordinationOverview } from '../src/queries/overview';
import { useAuthStore } from '../src/stores/auth';
import { useServiceStatusStore } from '../src/stores/serviceStatus';
import {
  accessTokenFor,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  runInComponent,
  startSignedIn,
  stubGraphQL,
} from './fixtures';
import { folloYear, haldenYear } from './overview-fixtures';

enableAutoUnmount(afterEach);

afterEach(() => {
  setAccessTokenSource(undefined);
  setUnauthenticatedHandler(undefined);
  vi.unstubAllGlobals();
});

const answerOf = (call: GraphQLCall) =>
  jsonResponse({
    data: { regions: call.body.variables?.year === 2024 ? [folloYear, haldenYear] : [folloYear], gatherings: [] },
  });

function withQueryLayer<Result>(composable: () => Result, pinia: Pinia = createPinia()) {
  return { ...runInComponent(composable, [pinia, queryLayer(pinia)]), pinia };
}

/** A stub whose answers wait until the test releases them, one by one, in any order. */
function heldAnswers() {
  const held: Array<{ call: GraphQLCall; release: () => void }> = [];
  const { calls, fetch } = stubGraphQL(
    (call) => new Promise<Response>((resolve) => held.push({ call, release: () => resolve(answerOf(call)) })),
  );
  /** Whether the n-th request's signal was aborted. */
  const aborted = (index: number) => (fetch.mock.calls[index]?.[1] as RequestInit | undefined)?.signal?.aborted;
  return { calls, held, aborted };
}

describe('the query layer', () => {
  it('sends one request for every component that asks the same question, and gives each the answer', async () => {
    const { calls } = stubGraphQL(answerOf);
    const pinia = createPinia();
    const first = withQueryLayer(() => useCoordinationOverview(2024), pinia);
    const second = withQueryLayer(() => useCoordinationOverview(2024), pinia);
    await flushPromises();

    expect(calls).toHaveLength(1);
    expect(first.result.regions.value.map((region) => region.name)).toEqual(['Follo', 'Halden']);
    expect(second.result.regions.value.map((region) => region.name)).toEqual(['Follo', 'Halden']);
  });

  it('cancels the request for a choice left before it answered, and never shows its answer', async () => {
    const { calls, held, aborted } = heldAnswers();
    const year = ref(2023);
    const { result } = withQueryLayer(() => useCoordinationOverview(year));
    await flushPromises();
    year.value = 2024;
    await flushPromises();
    expect(calls.map((call) => call.body.variables)).toEqual([{ year: 2023 }, { year: 2024 }]);
    expect([aborted(0), aborted(1)]).toEqual([true, false]);

    held[1]?.release();
    await flushPromises();
    held[0]?.release();
    await flushPromises();

    expect(result.shownYear.value).toBe(2024);
    expect(result.regions.value.map((region) => region.name)).toEqual(['Follo', 'Halden']);
    expect(result.error.value).toBeNull();
  });

  it('keeps the shown year on screen while the next loads, then shows the next', async () => {
    const { held } = heldAnswers();
    const year = ref(2023);
    const { result } = withQueryLayer(() => useCoordinationOverview(year));
    await flushPromises();
    held[0]?.release();
    await flushPromises();
    expect(result.shownYear.value).toBe(2023);

    year.value = 2024;
    await flushPromises();
    expect(result.loading.value).toBe(true);
    expect(result.shownYear.value).toBe(2023);
    expect(result.regions.value.map((region) => region.name)).toEqual(['Follo']);

    held[1]?.release();
    await flushPromises();
    expect(result.loading.value).toBe(false);
    expect(result.shownYear.value).toBe(2024);
    expect(result.regions.value).toHaveLength(2);
  });

  it('shows a year that failed as failed, not with the figures of the year before', async () => {
    stubGraphQL((call) =>
      call.body.variables?.year === 2024
        ? jsonResponse({ errors: [{ message: 'Not for you', extensions: { code: 'FORBIDDEN' } }] })
        : answerOf(call),
    );
    const year = ref(2023);
    const { result } = withQueryLayer(() => useCoordinationOverview(year));
    await flushPromises();
    expect(result.regions.value).toHaveLength(1);

    year.value = 2024;
    await vi.waitFor(() => expect(result.error.value?.codes).toEqual(['FORBIDDEN']), { timeout: 30_000 });
    expect(result.regions.value).toEqual([]);
    expect(result.shownYear.value).toBeNull();
  });

  it('tries again when no answer came at all, and shows the answer that came then', async () => {
    let attempts = 0;
    stubGraphQL((call) => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch');
      return answerOf(call);
    });
    const { result } = withQueryLayer(() => useCoordinationOverview(2024));

    await vi.waitFor(() => expect(result.regions.value).toHaveLength(2), { timeout: 30_000 });
    expect(attempts).toBe(2);
    expect(result.error.value).toBeNull();
  });

  it('does not ask again after a refusal: it is an answer, and the page says so', async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({ errors: [{ message: 'Not for you', extensions: { code: 'FORBIDDEN' } }] }),
    );
    const { result } = withQueryLayer(() => useCoordinationOverview(2024));

    await vi.waitFor(() => expect(result.error.value?.codes).toEqual(['FORBIDDEN']), { timeout: 30_000 });
    await flushPromises();
    expect(calls).toHaveLength(1);
    expect(result.loading.value).toBe(false);
  });

  it('asks again for what a page shows once a mutation succeeded', async () => {
    const { calls } = stubGraphQL((call) =>
      call.body.query.includes('mutation UpdateClient')
        ? jsonResponse({ data: { updateClient: { id: 'c1', version: 2 } } })
        : answerOf(call),
    );
    const { result } = withQueryLayer(() => ({
      overview: useCoordinationOverview(2024),
      update: useGraphQLMutation(UpdateClientDocument),
    }));
    await flushPromises();
    expect(calls).toHaveLength(1);

    await result.update.run({ id: 'c1', version: 1, input: {} });
    await vi.waitFor(() => expect(calls).toHaveLength(3), { timeout: 30_000 });
    expect(calls[2]?.body.variables).toEqual({ year: 2024 });
  });

  it("shows a refetch after a mutation that fails as the page's error, never as an unhandled rejection", async () => {
    let refuse = false;
    stubGraphQL((call) => {
      if (call.body.query.includes('mutation UpdateClient')) {
        refuse = true;
        return jsonResponse({ data: { updateClient: { id: 'c1', version: 2 } } });
      }
      return refuse
        ? jsonResponse({ errors: [{ message: 'Token expired.', extensions: { code: 'UNAUTHENTICATED' } }] }, 401)
        : answerOf(call);
    });
    const { result } = withQueryLayer(() => ({
      overview: useCoordinationOverview(2024),
      update: useGraphQLMutation(UpdateClientDocument),
    }));
    await flushPromises();

    await result.update.run({ id: 'c1', version: 1, input: {} });
    // Vitest fails the run on an unhandled rejection; the page shows the refusal instead.
    await vi.waitFor(() => expect(result.overview.error.value?.codes).toEqual(['UNAUTHENTICATED']), {
      timeout: 30_000,
    });
  });

  it('forgets every answer when another person signs in, and asks again for them', async () => {
    const { calls } = stubGraphQL(answerOf);
    const pinia = createPinia();
    setActivePinia(pinia);
    startSignedIn(accessTokenFor('county.officer'));
    const { result } = withQueryLayer(() => useCoordinationOverview(2024), pinia);
    await flushPromises();
    expect(result.regions.value).toHaveLength(2);

    // One token, made once: a token made again in another second is another token.
    const adviserToken = accessTokenFor('follo.adviser');
    useAuthStore(pinia).$patch({ accessToken: adviserToken });
    await flushPromises();

    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers.get('authorization')).toBe(`Bearer ${adviserToken}`);
  });

  it("sends the public website's mutation without the signed-in person's token", async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { updateClient: { id: 'c1', version: 2 } } }));
    const pinia = createPinia();
    setActivePinia(pinia);
    const officerToken = accessTokenFor('county.officer');
    startSignedIn(officerToken);
    const { result } = withQueryLayer(
      () => ({
        asPublic: useGraphQLMutation(UpdateClientDocument, { anonymous: true }),
        asOfficer: useGraphQLMutation(UpdateClientDocument),
      }),
      pinia,
    );

    await result.asPublic.run({ id: 'c1', version: 1, input: {} });
    await result.asOfficer.run({ id: 'c1', version: 1, input: {} });

    expect(calls[0]?.headers.get('authorization')).toBeNull();
    expect(calls[1]?.headers.get('authorization')).toBe(`Bearer ${officerToken}`);
  });

  it('tells the service banner which service an answer came without, and forgets it with the page', async () => {
    stubGraphQL(() =>
      jsonResponse({
        data: { regions: [folloYear], gatherings: null },
        errors: [
          {
            message: 'The partners service is unavailable; its fields in this answer are null.',
            extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'partners' },
          },
        ],
      }),
    );
    const { result, wrapper, pinia } = withQueryLayer(() =>
      useGraphQLQuery(CoordinationOverviewDocument, { year: 2024 }),
    );
    await flushPromises();

    expect(result.data.value?.gatherings).toBeNull();
    expect(useServiceStatusStore(pinia).unavailableServices).toEqual(['partners']);
    wrapper.unmount();
    expect(useServiceStatusStore(pinia).unavailableServices).toEqual([]);
  });
});
