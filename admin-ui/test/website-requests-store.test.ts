// The website requests store against a stubbed gateway: a page with its filters as variables, the header's count, picking up and conflicts.
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import {
  toWebsiteRequestListVariables,
  useWebsiteRequestsStore,
  websiteRequestPageSize,
} from '../src/stores/websiteRequests';
import { type GraphQLCall, jsonResponse, stubGraphQL } from './fixtures';
import { counselling, pendingPage, pickedUpSignUp, signUp } from './website-requests-fixtures';

const isList = (call: GraphQLCall) => call.body.query.includes('query WebsiteRequestList');
const isCount = (call: GraphQLCall) => call.body.query.includes('query PendingWebsiteRequestCount');
const isPickUp = (call: GraphQLCall) => call.body.query.includes('mutation PickUpWebsiteRequest');

const firstPending = { regionId: null, status: 'PENDING' as const, offset: 0 };

describe('website requests store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('loads the pending requests with the filters as variables, and takes the pending count from them', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { websiteRequests: pendingPage } }));
    const store = useWebsiteRequestsStore();

    await store.load(firstPending);

    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.query).toMatch(
      /websiteRequests\(\s*regionId: \$regionId,?\s*status: \$status,?\s*first: \$first,?\s*offset: \$offset\s*\)/,
    );
    // An adviser's own region: the gateway fills it in when it is left out.
    expect(calls[0]?.body.variables).toEqual({ status: 'PENDING', first: websiteRequestPageSize, offset: 0 });
    expect(store.page?.items.map((item) => item.id)).toEqual([signUp.id, counselling.id]);
    expect(store.asked).toEqual(firstPending);
    expect(store.pendingCount).toBe(2);
    expect(store.loading).toBe(false);
    expect(store.error).toBeNull();
  });

  it('sends a chosen region and leaves the status out for "all"', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { websiteRequests: pendingPage } }));
    const store = useWebsiteRequestsStore();

    await store.load({ regionId: 'halden', status: null, offset: 50 });

    expect(calls[0]?.body.variables).toEqual({ regionId: 'halden', first: websiteRequestPageSize, offset: 50 });
    // Another region's or every status's total is not the header's count.
    expect(store.pendingCount).toBeNull();
    expect(toWebsiteRequestListVariables({ regionId: null, status: 'PICKED_UP', offset: 0 })).toEqual({
      status: 'PICKED_UP',
      first: websiteRequestPageSize,
      offset: 0,
    });
  });

  it('reports a refused load and drops what was shown', async () => {
    let refuse = false;
    stubGraphQL(() =>
      refuse
        ? jsonResponse({ errors: [{ message: 'Not your region.', extensions: { code: 'FORBIDDEN' } }] })
        : jsonResponse({ data: { websiteRequests: pendingPage } }),
    );
    const store = useWebsiteRequestsStore();
    await store.load(firstPending);
    refuse = true;
    await store.load({ regionId: 'halden', status: 'PENDING', offset: 0 });

    expect(store.error).toEqual({ message: 'Not your region.', codes: ['FORBIDDEN'] });
    expect(store.page).toBeNull();
    expect(store.asked).toBeNull();
  });

  it('counts the pending requests with a one-item page, and hides the count when that fails', async () => {
    let fail = false;
    const { calls } = stubGraphQL(() =>
      fail ? jsonResponse({}, 502) : jsonResponse({ data: { websiteRequests: { totalCount: 7 } } }),
    );
    const store = useWebsiteRequestsStore();

    await store.loadPendingCount();
    expect(calls[0]?.body.variables).toEqual({ status: 'PENDING', first: 1, offset: 0 });
    expect(store.pendingCount).toBe(7);

    fail = true;
    await store.loadPendingCount();
    expect(store.pendingCount).toBeNull();
  });

  it('picks a request up with its id and version as variables, and shows who took it in the row', async () => {
    const { calls } = stubGraphQL((call) => {
      if (isPickUp(call)) return jsonResponse({ data: { pickUpWebsiteRequest: pickedUpSignUp } });
      if (isCount(call)) return jsonResponse({ data: { websiteRequests: { totalCount: 1 } } });
      return jsonResponse({ data: { websiteRequests: pendingPage } });
    });
    const store = useWebsiteRequestsStore();
    await store.load(firstPending);

    expect(await store.pickUp(signUp)).toBe(true);

    const mutation = calls.find(isPickUp);
    expect(mutation?.body.query).toMatch(/pickUpWebsiteRequest\(\s*id: \$id,?\s*version: \$version\s*\)/);
    expect(mutation?.body.query).not.toContain(signUp.id);
    expect(mutation?.body.variables).toEqual({ id: signUp.id, version: 1 });
    const row = store.page?.items.find((item) => item.id === signUp.id);
    expect(row).toMatchObject({ status: 'PICKED_UP', version: 2, pickedUpBy: { name: 'Amira Haddad' } });
    // The rest of the row stays as it was.
    expect(row?.client.name).toBe('Nora Nilsen');
    expect(store.actionError).toBeNull();
    expect(store.pickingUpId).toBeNull();
    // The list is not loaded again, so the row stays in sight; only the header's count is asked again.
    expect(calls.filter(isList)).toHaveLength(1);
    await flushPromises();
    expect(calls.filter(isCount)).toHaveLength(1);
    expect(store.pendingCount).toBe(1);
  });

  it('moves the next page up by the requests picked up here, so none is skipped', async () => {
    stubGraphQL((call) => {
      if (isPickUp(call)) return jsonResponse({ data: { pickUpWebsiteRequest: pickedUpSignUp } });
      if (isCount(call)) return jsonResponse({ data: { websiteRequests: { totalCount: 60 } } });
      return jsonResponse({ data: { websiteRequests: { ...pendingPage, hasNextPage: true } } });
    });
    const store = useWebsiteRequestsStore();
    await store.load(firstPending);
    expect(store.nextOffset).toBe(websiteRequestPageSize);

    await store.pickUp(signUp);
    expect(store.nextOffset).toBe(websiteRequestPageSize - 1);

    // Among every status nothing moves.
    await store.load({ regionId: null, status: null, offset: 0 });
    expect(store.nextOffset).toBe(websiteRequestPageSize);
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
    const store = useWebsiteRequestsStore();
    await store.load(firstPending);

    expect(await store.pickUp(signUp)).toBe(false);

    expect(store.conflict).toBe(true);
    expect(store.actionError).toEqual({
      message: 'Another adviser picked this request up already.',
      codes: ['CONFLICT'],
      requestId: signUp.id,
    });
    const lists = calls.filter(isList);
    expect(lists).toHaveLength(2);
    expect(lists[1]?.body.variables).toEqual(lists[0]?.body.variables);
    expect(store.page?.items.map((item) => item.id)).toEqual([counselling.id]);
    expect(store.pendingCount).toBe(1);
    expect(store.pickingUpId).toBeNull();
  });

  it('keeps any other refusal without reloading', async () => {
    const { calls } = stubGraphQL((call) =>
      isPickUp(call)
        ? jsonResponse({
            errors: [{ message: 'You may not pick up this request.', extensions: { code: 'FORBIDDEN' } }],
          })
        : jsonResponse({ data: { websiteRequests: pendingPage } }),
    );
    const store = useWebsiteRequestsStore();
    await store.load(firstPending);

    expect(await store.pickUp(counselling)).toBe(false);

    expect(store.conflict).toBe(false);
    expect(store.actionError?.codes).toEqual(['FORBIDDEN']);
    expect(calls).toHaveLength(2);
    expect(store.page?.items.find((item) => item.id === counselling.id)?.status).toBe('PENDING');
    store.clearActionError();
    expect(store.actionError).toBeNull();
  });
});
