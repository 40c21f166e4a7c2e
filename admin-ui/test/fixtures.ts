// Shared test helpers: regions and demo users' claims, unsigned access tokens, fetch stubs of the gateway's GraphQL
// and sign-in endpoints that fail unknown calls, strict translations.
import { createTestingPinia, type TestingOptions } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import type { Pinia } from 'pinia';
import { vi } from 'vitest';
import { defineComponent, type Plugin } from 'vue';
import { installQueryLayer } from '../src/graphql/queries';
import { createAppI18n, type SupportedLocale } from '../src/i18n';
import type { RegionOverview } from '../src/queries/regions';
import { useAuthStore } from '../src/stores/auth';

export const follo: RegionOverview = {
  id: 'follo',
  name: 'Follo',
  contractMunicipality: { number: '3020', name: 'Nordre Follo' },
  municipalities: [
    { number: '3020', name: 'Nordre Follo', population: 61200, populationSource: 'DEMO_APPROXIMATION' },
    { number: '3021', name: 'Ås', population: 20800, populationSource: 'DEMO_APPROXIMATION' },
    { number: '3022', name: 'Frogn', population: 15900, populationSource: 'DEMO_APPROXIMATION' },
    { number: '3023', name: 'Nesodden', population: 19900, populationSource: 'DEMO_APPROXIMATION' },
    { number: '3028', name: 'Enebakk', population: 11200, populationSource: 'DEMO_APPROXIMATION' },
  ],
};

export const halden: RegionOverview = {
  id: 'halden',
  name: 'Halden',
  contractMunicipality: { number: '3001', name: 'Halden' },
  municipalities: [
    { number: '3001', name: 'Halden', population: 31_373, populationSource: 'SSB' },
    { number: '3012', name: 'Aremark', population: 1_335, populationSource: 'SSB' },
  ],
};

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/graphql-response+json; charset=utf-8' },
  });
}

export interface GraphQLCall {
  url: string;
  headers: Headers;
  body: { query: string; variables?: Record<string, unknown>; operationName?: string };
}

/**
 * Replaces `fetch` with a stub that answers POSTs to /graphql through `answer` and throws for
 * anything else, so a test can never reach a real network by accident.
 */
export function stubGraphQL(answer: (call: GraphQLCall) => Response | Promise<Response>) {
  const calls: GraphQLCall[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url !== '/graphql' || init?.method !== 'POST') {
      throw new Error(`Unexpected network call in a unit test: ${init?.method ?? 'GET'} ${url}`);
    }
    const call: GraphQLCall = {
      url,
      headers: new Headers(init.headers),
      body: JSON.parse(String(init.body)) as GraphQLCall['body'],
    };
    calls.push(call);
    return answeredUnlessAborted(answer(call), init.signal);
  });
  vi.stubGlobal('fetch', fetchStub);
  return { fetch: fetchStub, calls };
}

/** As `fetch` does: a request whose signal is aborted rejects with an AbortError, whatever the answer would be. */
function answeredUnlessAborted(answer: Response | Promise<Response>, signal: AbortSignal | null | undefined) {
  if (!signal) return answer;
  const abortError = () => new DOMException('The operation was aborted.', 'AbortError');
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<Response>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(abortError()), { once: true });
    Promise.resolve(answer).then(resolve, reject);
  });
}

/** The query layer as the console installs it, for a test's app; a retry waits a millisecond, not a second. */
export function queryLayer(pinia: Pinia): Plugin {
  return { install: (app) => installQueryLayer(app, { pinia, retryDelayMs: 1 }) };
}

/**
 * A testing Pinia whose stores' actions are stubbed (as `createTestingPinia` does), except the query layer's own,
 * which must run for a page to get its data.
 */
export function testingPinia(options: Omit<TestingOptions, 'createSpy' | 'stubActions'> = {}) {
  return createTestingPinia({
    createSpy: vi.fn,
    stubActions: (_action, store) => !store.$id.startsWith('_pc_'),
    ...options,
  });
}

/** Runs `composable` in a component's setup with the plugins given (Pinia, the query layer, …) and returns both. */
export function runInComponent<Result>(composable: () => Result, plugins: Plugin[]) {
  let result!: Result;
  const wrapper = mount(
    defineComponent({
      setup() {
        result = composable();
        return () => null;
      },
    }),
    { global: { plugins } },
  );
  return { result, wrapper };
}

/** The claims of a few of the gateway's demo users, as their tokens carry them. */
export const demoClaims = {
  'county.officer': {
    sub: 'county.officer',
    name: 'Kari Nordmann',
    role: 'COUNTY_OFFICER',
    // As the demo user: an Akershus officer since Viken was dissolved on 2024-01-01.
    org: { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' },
  },
  'county.controller': {
    sub: 'county.controller',
    name: 'Eirik Solberg',
    role: 'COUNTY_OFFICER',
    // The second Akershus officer, who confirms what Kari Nordmann records.
    org: { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' },
  },
  'ostfold.officer': {
    sub: 'ostfold.officer',
    name: 'Hilde Solberg',
    role: 'COUNTY_OFFICER',
    org: { id: 'ostfold', kind: 'COUNTY', name: 'Østfold fylkeskommune' },
  },
  'coordination.member': {
    sub: 'coordination.member',
    name: 'Ola Hansen',
    role: 'COORDINATION_MEMBER',
    org: { id: 'viken', kind: 'COUNTY', name: 'Viken fylkeskommune' },
  },
  'follo.adviser': {
    sub: 'follo.adviser',
    name: 'Amira Haddad',
    role: 'ADVISER',
    org: { id: 'operator-follo', kind: 'OPERATOR', name: 'Etablerertjenesten i Follo' },
    region: 'follo',
  },
  'nordrefollo.officer': {
    sub: 'nordrefollo.officer',
    name: 'Ingrid Berg',
    role: 'MUNICIPALITY_OFFICER',
    org: { id: '3020', kind: 'MUNICIPALITY', name: 'Nordre Follo kommune' },
    region: 'follo',
    municipality: '3020',
  },
} as const;

export type DemoUsername = keyof typeof demoClaims;

function base64Url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A JWT for a demo user with a fake signature: the console reads tokens without verifying them,
 * so the tests need no keys. `expiresIn` is in seconds from now and may be negative.
 */
export function accessTokenFor(username: DemoUsername, { expiresIn = 3600 }: { expiresIn?: number } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64Url(JSON.stringify({ alg: 'ES256', typ: 'JWT' }));
  const payload = base64Url(JSON.stringify({ ...demoClaims[username], iat: now, exp: now + expiresIn }));
  return `${header}.${payload}.not-a-real-signature`;
}

export interface NetworkCall {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
  credentials?: RequestCredentials | undefined;
}

export interface GatewayStub {
  /** Answers POST /graphql. */
  graphql?: (call: GraphQLCall) => Response | Promise<Response>;
  /** Answers POST /auth/session. */
  session?: () => Response | Promise<Response>;
  /** Answers POST /auth/logout. */
  logout?: () => Response | Promise<Response>;
  /** Answers GET /auth/config. */
  config?: () => Response | Promise<Response>;
}

/**
 * Replaces `fetch` with a stub of the gateway's GraphQL endpoint and sign-in endpoints; any call the test did not
 * provide an answer for throws, so a test can never reach a real network.
 */
export function stubGateway(stub: GatewayStub) {
  const calls: NetworkCall[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, headers, body, credentials: init?.credentials });
    if (method === 'POST' && url === '/graphql' && stub.graphql) {
      return stub.graphql({ url, headers, body: body as GraphQLCall['body'] });
    }
    if (method === 'POST' && url === '/auth/session' && stub.session) return stub.session();
    if (method === 'POST' && url === '/auth/logout' && stub.logout) return stub.logout();
    if (method === 'GET' && url === '/auth/config' && stub.config) return stub.config();
    throw new Error(`Unexpected network call in a unit test: ${method} ${url}`);
  });
  vi.stubGlobal('fetch', fetchStub);
  return { fetch: fetchStub, calls };
}

/** The gateway's answer to POST /auth/session for a live session of a demo user. */
export function sessionFor(
  username: DemoUsername,
  {
    expiresIn = 300,
    sessionExpiresAt = '2099-12-07T17:30:00.000Z',
  }: { expiresIn?: number; sessionExpiresAt?: string } = {},
): Response {
  return jsonResponse({
    accessToken: accessTokenFor(username, { expiresIn }),
    tokenType: 'Bearer',
    expiresIn,
    sessionExpiresAt,
  });
}

/** The gateway's answer to POST /auth/session without a session. */
export function noSession(error = 'no_session'): Response {
  return jsonResponse({ error, message: 'No session; sign in at /auth/login.' }, 401);
}

/**
 * Starts the active Pinia signed in as after the first /auth/session answer, with `accessToken` in memory: what a
 * page sees once the console has started. Call after `setActivePinia`.
 */
export function startSignedIn(accessToken: string, sessionExpiresAt: string | null = null): void {
  const auth = useAuthStore();
  auth.accessToken = accessToken;
  auth.sessionExpiresAt = sessionExpiresAt;
  auth.sessionChecked = true;
}

/** A fetch stub for tests that must not touch the network at all. */
export function forbidNetwork() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      throw new Error(`Unexpected network call in a unit test: ${String(input)}`);
    }),
  );
}

/** The app's translations, except that a key missing from the messages fails the test instead of showing the key. */
export function createStrictI18n(locale: SupportedLocale = 'nb') {
  const i18n = createAppI18n(locale);
  i18n.global.setMissingHandler((missingLocale, key) => {
    throw new Error(`No ${missingLocale} translation for ${key}`);
  });
  return i18n;
}
