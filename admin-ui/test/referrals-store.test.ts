// The referrals store against a stubbed gateway: a page with variables, moving a referral on, and conflicts.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { referralPageSize, useReferralsStore } from '../src/stores/referrals';
import { type GraphQLCall, jsonResponse, stubGraphQL } from './fixtures';
import { referralItems } from './partners-fixtures';

const isQuery = (call: GraphQLCall) => call.body.query.includes('query ReferralInbox');
const page = { items: referralItems, totalCount: 45, hasNextPage: true };

describe('referrals store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('loads a page with the page size and offset as variables', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { referrals: page } }));
    const store = useReferralsStore();

    await store.load(20);

    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.query).toMatch(
      /referrals\(\s*first: \$first\s+offset: \$offset\s+status: \$status\s+direction: \$direction\s*\)/,
    );
    expect(calls[0]?.body.variables).toEqual({ first: referralPageSize, offset: 20 });
    expect(store.items).toHaveLength(4);
    expect(store.totalCount).toBe(45);
    expect(store.hasNextPage).toBe(true);
    expect(store.offset).toBe(20);
    expect(store.loading).toBe(false);
  });

  it('filters by status and direction, keeps the filter when paging, and leaves unset conditions out', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { referrals: page } }));
    const store = useReferralsStore();

    await store.load(0, { status: 'SENT', direction: null });
    await store.load(20);
    await store.load(0, { status: null, direction: 'FROM_NAV' });

    expect(calls.map((call) => call.body.variables)).toEqual([
      { first: referralPageSize, offset: 0, status: 'SENT' },
      { first: referralPageSize, offset: 20, status: 'SENT' },
      { first: referralPageSize, offset: 0, direction: 'FROM_NAV' },
    ]);
    expect(store.filter).toEqual({ status: null, direction: 'FROM_NAV' });
  });

  it('reports a failed load and drops what was shown', async () => {
    let fail = false;
    stubGraphQL(() =>
      fail
        ? jsonResponse({ errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }] })
        : jsonResponse({ data: { referrals: page } }),
    );
    const store = useReferralsStore();
    await store.load();
    fail = true;
    await store.load(20);

    expect(store.error).toEqual({ message: 'Not yours.', codes: ['FORBIDDEN'] });
    expect(store.items).toEqual([]);
    expect(store.offset).toBeNull();
  });

  it('changes the status with everything as variables, then reloads the page', async () => {
    const { calls } = stubGraphQL((call) =>
      isQuery(call)
        ? jsonResponse({ data: { referrals: page } })
        : jsonResponse({
            data: {
              changeReferralStatus: {
                id: 'ref-in',
                version: 2,
                status: 'DECLINED',
                statusChangedOn: '2024-09-13',
                statusReason: 'Ikke aktuelt.',
              },
            },
          }),
    );
    const store = useReferralsStore();
    await store.load(0);

    expect(await store.changeStatus('ref-in', 1, 'DECLINED', 'Ikke aktuelt.')).toBe(true);

    expect(calls[1]?.body.query).toContain('changeReferralStatus(');
    expect(calls[1]?.body.query).not.toContain('ref-in');
    expect(calls[1]?.body.variables).toEqual({ id: 'ref-in', version: 1, status: 'DECLINED', reason: 'Ikke aktuelt.' });
    expect(calls).toHaveLength(3);
    expect(isQuery(calls[2] as GraphQLCall)).toBe(true);
    expect(store.actionError).toBeNull();
  });

  it('keeps a conflict for the page to explain, without reloading', async () => {
    const { calls } = stubGraphQL((call) =>
      isQuery(call)
        ? jsonResponse({ data: { referrals: page } })
        : jsonResponse({ errors: [{ message: 'Stale version.', extensions: { code: 'CONFLICT' } }] }),
    );
    const store = useReferralsStore();
    await store.load(0);

    expect(await store.changeStatus('ref-in', 1, 'RECEIVED')).toBe(false);

    expect(calls[1]?.body.variables).toEqual({ id: 'ref-in', version: 1, status: 'RECEIVED', reason: null });
    expect(calls).toHaveLength(2);
    expect(store.conflict).toBe(true);
    expect(store.actionError?.codes).toEqual(['CONFLICT']);
    expect(store.saving).toBe(false);
  });
});
