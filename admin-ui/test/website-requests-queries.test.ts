// The website requests through the query layer against a stubbed gateway: a page with its filters as variables, the
// header's count, picking up (the page and the count asked again) and conflicts.
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import {
  toWebsiteRequestListVariables,
  usePickUpWebsiteRequest,
  useWebsiteRequestList,
  type WebsiteRequestListRequest,
  websiteRequestPageSize,
} from '../src/queries/websiteRequests';
import { useWebsiteRequestsStore } from '../src/stores/websiteRequests';
import { type GraphQLCall, jsonResponse, queryLayer, runInComponent, stubGraphQL } from './fixtures';
import { counselling, pendingPage, pickedUpSignUp, signUp } from './website-requests-fixtures';

const isList = (call: GraphQLCall) => call.body.query.includes('query WebsiteRequestList');
const isCount = (call: GraphQLCall) => call.body.query.includes('query PendingWebsiteRequestCount');
const isPickUp = (call: GraphQLCall) => call.body.query.includes('mutation PickUpWebsiteRequest');

const firstPending = { regionId: null, status: 'PENDING' as const, offset: 0 };

/** Runs `composable` as a page would, with the query layer; waits for its first answers. */
async function onPage<Result>(composable: () => Result): Promise<Result> {
  const pinia = createPinia();
  setActivePinia(pinia);
  const { result } = runInComponent(composable, [pinia, queryLayer(pinia)]);
  await flushPromises();
  return result;
}

describe('website requests', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('loads the pending requests with the filters as variables', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { websiteRequests: pendingPage } }));
    const list = await onPage(() => useWebsiteRequestList(firstPending));

    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.query).toMatch(
      /websiteRequests\(\s*regionId: \$regionId,?\s*status: \$status,?\s*first: \$first,?\s*offset: \$offset\s*\)/,
    );
    // An adviser's own region: the gateway fills it in when it is left out.
    expect(calls[0]?.body.variables).toEqual({ status: 'PENDING', first: websiteRequestPageSize, offset: 0 });
    expect(list.page.value?.items.map((item) => item.id)).toEqual([signUp.id, counselling.id]);
    expect(list.loading.value).toBe(false);
    expect(list.error.value).toBeNull();
  });

  it('sends a chosen region and leaves the status out for "all"', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { websiteRequests: pendingPage } }));
    await onPage(() => useWebsiteRequestList({ regionId: 'halden', status: null, offset: 50 }));

    expect(calls[0]?.body.variables).toEqual({ regionId: 'halden', first: websiteRequestPageSize, offset: 50 });
    expect(toWebsiteRequestListVariables({ regionId: null, status: 'PICKED_UP', offset: 0 })).toEqual({
      status: 'PICKED_UP',
      first: websiteRequestPageSize,
      offset: 0,
    });
  });

  it('reports a refused load and drops what was shown', async () => {
    stubGraphQL(({ body }) =>
      body.variables?.regionId === 'halden'
        ? jsonResponse({ errors: [{ message: 'Not your region.', extensions: { code: 'FORBIDDEN' } }] })
        : jsonResponse({ data: { websiteRequests: pendingPage } }),
    );
    const asked = ref<WebsiteRequestListRequest>(firstPending);
    const list = await onPage(() => useWebsiteRequestList(asked));
    expect(list.page.value).not.toBeNull();
    asked.value = { regionId: 'halden', status: 'PENDING', offset: 0 };
    await flushPromises();

    expect(list.error.value).toEqual({ message: 'Not your region.', codes: ['FORBIDDEN'] });
    expect(list.page.value).toBeNull();
  });

  it('counts the pending requests with a one-item page, and hides the count when that fails', async () => {
    let fail = false;
    const { calls } = stubGraphQL(() =>
      fail ? jsonResponse({}, 502) : jsonResponse({ data: { websiteRequests: { totalCount: 7 } } }),
    );
    setActivePinia(createPinia());
    const store = useWebsiteRequestsStore();

    await store.loadPendingCount();
    expect(calls[0]?.body.variables).toEqual({ status: 'PENDING', first: 1, offset: 0 });
    expect(store.pendingCount).toBe(7);

    fail = true;
    await store.loadPendingCount();
    expect(store.pendingCount).toBeNull();
  });

  it("picks a request up with its id and version as variables; the page and the header's count are asked again", async () => {
    let pickedUp = false;
    const { calls } = stubGraphQL((call) => {
      if (isPickUp(call)) {
        pickedUp = true;
        return jsonResponse({ data: { pickUpWebsiteRequest: pickedUpSignUp } });
      }
      if (isCount(call)) return jsonResponse({ data: { websiteRequests: { totalCount: pickedUp ? 1 : 2 } } });
      return jsonResponse({
        data: { websiteRequests: pickedUp ? { items: [counselling], totalCount: 1, hasNextPage: false } : pendingPage },
      });
    });
    const { list, pickUps } = await onPage(() => ({
      list: useWebsiteRequestList(firstPending),
      pickUps: usePickUpWebsiteRequest(),
    }));

    expect(await pickUps.pickUp(signUp)).toBe(true);
    await flushPromises();

    const mutation = calls.find(isPickUp);
    expect(mutation?.body.query).toMatch(/pickUpWebsiteRequest\(\s*id: \$id,?\s*version: \$version\s*\)/);
    expect(mutation?.body.query).not.toContain(signUp.id);
    expect(mutation?.body.variables).toEqual({ id: signUp.id, version: 1 });
    expect(pickUps.actionError.value).toBeNull();
    expect(pickUps.pickingUpId.value).toBeNull();
    // Taken, it is no longer pending: the page asked again shows what is.
    expect(calls.filter(isList)).toHaveLength(2);
    expect(list.page.value?.items.map((item) => item.id)).toEqual([counselling.id]);
    expect(calls.filter(isCount)).toHaveLength(1);
    expect(useWebsiteRequestsStore().pendingCount).toBe(1);
  });

  it('explains a conflict and loads the page again to show who was first', async () => {
    let listLoads = 0;
    const { calls } = stubGraphQL((call) => {
      if (isPickUp(call)) {
        return jsonResponse({
          errors: [{ message: 'Another adviser picked this request up already.', extensions: { code: 'CONFLICT' } }],
        });
      }
      if (isCount(call)) return jsonResponse({ data: { websiteRequests: { totalCount: 1 } } });
      listLoads += 1;
      return jsonResponse({
        data: {
          websiteRequests: listLoads === 1 ? pendingPage : { items: [counselling], totalCount: 1, hasNextPage: false },
        },
      });
    });
    const { list, pickUps } = await onPage(() => ({
      list: useWebsiteRequestList(firstPending),
      pickUps: usePickUpWebsiteRequest(),
    }));

    expect(await pickUps.pickUp(signUp)).toBe(false);
    await flushPromises();

    expect(pickUps.conflict.value).toBe(true);
    expect(pickUps.actionError.value).toEqual({
      message: 'Another adviser picked this request up already.',
      codes: ['CONFLICT'],
      requestId: signUp.id,
    });
    const lists = calls.filter(isList);
    expect(lists).toHaveLength(2);
    expect(lists[1]?.body.variables).toEqual(lists[0]?.body.variables);
    expect(list.page.value?.items.map((item) => item.id)).toEqual([counselling.id]);
    expect(pickUps.pickingUpId.value).toBeNull();
  });

  it('keeps any other refusal without reloading', async () => {
    const { calls } = stubGraphQL((call) =>
      isPickUp(call)
        ? jsonResponse({
            errors: [{ message: 'You may not pick up this request.', extensions: { code: 'FORBIDDEN' } }],
          })
        : jsonResponse({ data: { websiteRequests: pendingPage } }),
    );
    const { list, pickUps } = await onPage(() => ({
      list: useWebsiteRequestList(firstPending),
      pickUps: usePickUpWebsiteRequest(),
    }));

    expect(await pickUps.pickUp(counselling)).toBe(false);
    await flushPromises();

    expect(pickUps.conflict.value).toBe(false);
    expect(pickUps.actionError.value?.codes).toEqual(['FORBIDDEN']);
    expect(calls).toHaveLength(2);
    expect(list.page.value?.items.find((item) => item.id === counselling.id)?.status).toBe('PENDING');
    pickUps.clearActionError();
    expect(pickUps.actionError.value).toBeNull();
  });
});
