// The playground: its page mounts GraphiQL with the coordination overview preloaded, and its fetcher calls the
// gateway as the signed-in user with the CSRF preflight header.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlaygroundFetcher } from '../src/graphql/playground';
import { useAuthStore } from '../src/stores/auth';
import PlaygroundView from '../src/views/PlaygroundView.vue';
import { accessTokenFor, createStrictI18n, forbidNetwork, jsonResponse, stubGraphQL } from './fixtures';

// The real GraphiQL needs Monaco and its web workers, which happy-dom has not got; a stand-in records its props.
const graphiql = vi.hoisted(() => ({ props: [] as Array<Record<string, unknown>> }));
vi.mock('graphiql', () => ({
  GraphiQL: (props: Record<string, unknown>) => {
    graphiql.props.push(props);
    return createElement('div', { className: 'graphiql-container' });
  },
}));
vi.mock('graphiql/setup-workers/vite', () => ({}));

type Fetcher = ReturnType<typeof createPlaygroundFetcher>;

function mountView() {
  // Real actions: the fetcher asks the store for a token (renewed when about to expire) on every request.
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    stubActions: false,
    initialState: { auth: { accessToken: null } },
  });
  const wrapper = mount(PlaygroundView, {
    global: { plugins: [pinia, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  return { wrapper, authStore: useAuthStore(pinia) };
}

async function mountedGraphiQL(wrapper: ReturnType<typeof mountView>['wrapper']) {
  // React renders asynchronously, after Vue's mount has returned.
  await vi.waitFor(() => expect(wrapper.find('.graphiql-container').exists()).toBe(true), { timeout: 30_000 });
  return graphiql.props.at(-1) as Record<string, unknown>;
}

enableAutoUnmount(afterEach);

describe('PlaygroundView', () => {
  beforeEach(() => {
    graphiql.props.length = 0;
    forbidNetwork();
  });

  it('mounts GraphiQL under a heading and an intro, with the coordination overview and its year preloaded', async () => {
    const { wrapper } = mountView();

    expect(wrapper.get('h1').text()).toBe('Utforsker');
    expect(wrapper.get('.intro').text()).toContain('GraphQL-API');
    const props = await mountedGraphiQL(wrapper);
    expect(wrapper.find('[data-testid="graphiql-editor"] .graphiql-container').exists()).toBe(true);
    expect(props.initialQuery).toContain('query CoordinationOverview($year: Int!)');
    expect(JSON.parse(String(props.initialVariables))).toEqual({ year: 2024 });
  });

  it('runs operations with the token the auth store holds at the time, and none once the session has ended', async () => {
    const { wrapper, authStore } = mountView();
    const fetcher = (await mountedGraphiQL(wrapper)).fetcher as Fetcher;
    const { calls } = stubGraphQL(() => jsonResponse({ data: { __typename: 'Query' } }));

    const token = accessTokenFor('coordination.member');
    authStore.accessToken = token;
    await fetcher({ query: '{ __typename }' });
    authStore.accessToken = null;
    await fetcher({ query: '{ __typename }' });

    expect(calls.map((call) => call.headers.get('authorization'))).toEqual([`Bearer ${token}`, null]);
  });

  it('unmounts GraphiQL with the page', async () => {
    const { wrapper } = mountView();
    await mountedGraphiQL(wrapper);
    const container = wrapper.get('[data-testid="graphiql-editor"]').element;

    wrapper.unmount();

    expect(container.childElementCount).toBe(0);
  });
});

describe('the playground fetcher', () => {
  it('posts the operation to /graphql with the bearer token and the preflight header, and returns the response', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { regions: [{ name: 'Follo' }] } }));
    const fetcher = createPlaygroundFetcher(() => 'a-token');

    const result = await fetcher({
      query: 'query Overview($year: Int!) { regions { name } }',
      variables: { year: 2024 },
      operationName: 'Overview',
    });

    expect(result).toEqual({ data: { regions: [{ name: 'Follo' }] } });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.headers.get('authorization')).toBe('Bearer a-token');
    expect(call?.headers.get('apollo-require-preflight')).toBe('true');
    expect(call?.headers.get('content-type')).toBe('application/json');
    expect(call?.body).toEqual({
      query: 'query Overview($year: Int!) { regions { name } }',
      variables: { year: 2024 },
      operationName: 'Overview',
    });
  });

  it('sends no authorization header when nobody is signed in', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ errors: [{ message: 'Sign in first.' }] }));

    const result = await createPlaygroundFetcher(() => undefined)({ query: '{ regions { name } }' });

    expect(calls[0]?.headers.has('authorization')).toBe(false);
    expect(calls[0]?.headers.get('apollo-require-preflight')).toBe('true');
    expect(result).toEqual({ errors: [{ message: 'Sign in first.' }] });
  });

  it("lets the headers pane replace the user's token, but never drops the preflight header", async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: {} }));

    await createPlaygroundFetcher(() => 'user-token')(
      { query: '{ regions { name } }' },
      { headers: { Authorization: 'Bearer partner-token', 'apollo-require-preflight': 'false' } },
    );

    expect(calls[0]?.headers.get('authorization')).toBe('Bearer partner-token');
    expect(calls[0]?.headers.get('apollo-require-preflight')).toBe('true');
  });

  it('reports an answer that is not GraphQL, such as a proxy error page, as an error', async () => {
    stubGraphQL(() => new Response('Bad gateway', { status: 502, headers: { 'content-type': 'text/html' } }));

    await expect(createPlaygroundFetcher(() => 'a-token')({ query: '{ regions { name } }' })).rejects.toThrow(
      'The gateway answered HTTP 502 without a GraphQL response.',
    );
  });
});
