// The regions store against a stubbed gateway: loading, the loading flag, and GraphQL and network failures.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { useRegionsStore } from '../src/stores/regions';
import { follo, halden, jsonResponse, stubGraphQL } from './fixtures';

describe('regions store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('loads the regions from the gateway', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { regions: [follo, halden] } }));
    const store = useRegionsStore();

    await store.load();

    expect(store.regions.map((region) => region.name)).toEqual(['Follo', 'Halden']);
    expect(store.error).toBeNull();
    expect(store.loading).toBe(false);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.body.query).toContain('query RegionsOverview');
    expect(call?.body.variables).toEqual({});
    // Without it the gateway's CSRF prevention turns the request away.
    expect(call?.headers.get('apollo-require-preflight')).toBe('true');
    expect(call?.headers.get('content-type')).toBe('application/json');
    expect(call?.headers.has('authorization')).toBe(false);
  });

  it("sends the signed-in user's access token as a bearer token", async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { regions: [] } }));
    setAccessTokenSource(() => 'token-of-a-county-officer');

    await useRegionsStore().load();

    expect(calls[0]?.headers.get('authorization')).toBe('Bearer token-of-a-county-officer');
  });

  it('tells the one unauthenticated handler about a refused sign-in, and about nothing else', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    const store = useRegionsStore();

    stubGraphQL(() => jsonResponse({ errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }] }));
    await store.load();
    stubGraphQL(() => new Response('Bad gateway', { status: 502 }));
    await store.load();
    expect(handler).not.toHaveBeenCalled();

    stubGraphQL(() =>
      jsonResponse({ errors: [{ message: 'Sign in.', extensions: { code: 'UNAUTHENTICATED' } }] }, 401),
    );
    await store.load();
    // A proxy in front of the gateway may refuse with a bare 401 and no GraphQL body.
    stubGraphQL(() => new Response('Unauthorized', { status: 401 }));
    await store.load();

    expect(handler).toHaveBeenCalledTimes(2);
    expect(handler.mock.calls[0]?.[0].codes).toEqual(['UNAUTHENTICATED']);
    expect(handler.mock.calls[1]?.[0].status).toBe(401);
    expect(store.error?.message).toBe('The gateway answered HTTP 401.');
  });

  it('is loading while the request runs, and not after', async () => {
    let answer!: (response: Response) => void;
    stubGraphQL(
      () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    );
    const store = useRegionsStore();

    const loading = store.load();
    expect(store.loading).toBe(true);
    answer(jsonResponse({ data: { regions: [follo] } }));
    await loading;

    expect(store.loading).toBe(false);
    expect(store.regions).toHaveLength(1);
  });

  it('reports GraphQL errors with their messages and codes', async () => {
    stubGraphQL(() =>
      jsonResponse({
        data: null,
        errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      }),
    );
    const store = useRegionsStore();

    await store.load();

    expect(store.error).toEqual({ message: 'Internal server error.', codes: ['INTERNAL_SERVER_ERROR'] });
    expect(store.loading).toBe(false);
    expect(store.regions).toEqual([]);
  });

  it('reports an HTTP error without a GraphQL body', async () => {
    stubGraphQL(() => new Response('Bad gateway', { status: 502, headers: { 'content-type': 'text/plain' } }));
    const store = useRegionsStore();

    await store.load();

    expect(store.error).toEqual({ message: 'The gateway answered HTTP 502.', codes: [] });
  });

  it('reports a gateway that cannot be reached', async () => {
    stubGraphQL(() => {
      throw new TypeError('fetch failed');
    });
    const store = useRegionsStore();

    await store.load();

    expect(store.error).toEqual({ message: 'The gateway could not be reached.', codes: [] });
    expect(store.loading).toBe(false);
  });

  it('clears an earlier error when a retry succeeds', async () => {
    let fail = true;
    stubGraphQL(() =>
      fail
        ? jsonResponse({ errors: [{ message: 'Not now.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }, 503)
        : jsonResponse({ data: { regions: [halden] } }),
    );
    const store = useRegionsStore();

    await store.load();
    expect(store.error?.codes).toEqual(['SERVICE_UNAVAILABLE']);
    fail = false;
    await store.load();

    expect(store.error).toBeNull();
    expect(store.regions.map((region) => region.id)).toEqual(['halden']);
  });

  it('keeps the newest answer when an older request finishes last', async () => {
    const pending: Array<(response: Response) => void> = [];
    stubGraphQL(
      () =>
        new Promise<Response>((resolve) => {
          pending.push(resolve);
        }),
    );
    const store = useRegionsStore();

    const first = store.load();
    const second = store.load();
    pending[1]?.(jsonResponse({ data: { regions: [halden] } }));
    await second;
    pending[0]?.(jsonResponse({ data: { regions: [follo] } }));
    await first;

    expect(store.regions.map((region) => region.id)).toEqual(['halden']);
    expect(store.loading).toBe(false);
  });

  it('tells whether any figure is an approximate demo figure', async () => {
    stubGraphQL(() => jsonResponse({ data: { regions: [halden] } }));
    const store = useRegionsStore();
    await store.load();
    expect(store.hasApproximateFigures).toBe(false);

    stubGraphQL(() => jsonResponse({ data: { regions: [halden, follo] } }));
    await store.load();
    expect(store.hasApproximateFigures).toBe(true);
  });
});
