// The "API-klienter" page against a stubbed graph: the county's partner systems with their keys, registering one,
// adding a pasted public key, revoking a key and (after asking) a client, the refusals, and how a system gets a token.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import type { ApiClientItem } from '../src/queries/apiClients';
import { createAppRouter } from '../src/router';
import ApiClientsView from '../src/views/ApiClientsView.vue';
import { officerTokenFor } from './evaluations-fixtures';
import {
  accessTokenFor,
  createStrictI18n,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  startSignedIn,
  stubGraphQL,
} from './fixtures';

const reporting: ApiClientItem = {
  clientId: 'reporting.demo',
  name: 'Rapportering (demo)',
  organisation: { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' },
  scopes: ['aggregates:read'],
  registeredAt: '2026-01-05T09:00:00.000Z',
  registeredBy: 'demo',
  revokedAt: null,
  revokedBy: null,
  keys: [],
};

const fluxx: ApiClientItem = {
  ...reporting,
  clientId: 'fluxx-reporting',
  name: 'Fluxx rapportering',
  keys: [
    {
      kid: 'key-2026',
      algorithm: 'ES256',
      addedAt: '2026-02-01T12:00:00.000Z',
      addedBy: 'county.officer',
      revokedAt: null,
      revokedBy: null,
    },
    {
      kid: 'key-2025',
      algorithm: 'ES256',
      addedAt: '2025-02-01T12:00:00.000Z',
      addedBy: 'county.officer',
      revokedAt: '2026-02-02T12:00:00.000Z',
      revokedBy: 'county.officer',
    },
  ],
};

const publicJwk = JSON.stringify({
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
});

const operationOf = (call: GraphQLCall) => /\b(?:query|mutation)\s+(\w+)/.exec(call.body.query)?.[1];
const callsOf = (calls: GraphQLCall[], operation: string) => calls.filter((call) => operationOf(call) === operation);

function stubClientsGraph(answer: (call: GraphQLCall) => Response | undefined = () => undefined) {
  return stubGraphQL((call) => {
    const special = answer(call);
    if (special) return special;
    const operation = operationOf(call);
    if (operation === 'ApiClients') return jsonResponse({ data: { apiClients: [fluxx, reporting] } });
    const field = operation ? operation.charAt(0).toLowerCase() + operation.slice(1) : '';
    return jsonResponse({ data: { [field]: { clientId: 'x' } } });
  });
}

async function mountClients(token = accessTokenFor('county.officer')) {
  const pinia = createPinia();
  setActivePinia(pinia);
  startSignedIn(token);
  const router = createAppRouter(createMemoryHistory());
  await router.push('/api-clients');
  await router.isReady();
  const wrapper = mount(ApiClientsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper };
}

enableAutoUnmount(afterEach);

describe('the API clients page', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('lists the clients with their keys, active and revoked, and says when a client has none', async () => {
    const { calls } = stubClientsGraph();
    const { wrapper } = await mountClients();

    expect(callsOf(calls, 'ApiClients')[0]?.body.variables).toEqual({ includeRevoked: false });
    const client = wrapper.get('[data-testid="api-client-fluxx-reporting"]');
    expect(client.get('h2').text()).toContain('Fluxx rapportering');
    expect(client.text()).toContain('Tilganger: aggregates:read');
    expect(client.get('[data-testid="key-key-2026"]').text()).toContain('Aktiv');
    expect(client.get('[data-testid="key-key-2025"]').text()).toContain('Tilbakekalt');
    expect(client.find('[data-testid="key-key-2025"] [data-testid="revoke-key"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="api-client-reporting.demo"] [data-testid="client-no-keys"]').text()).toContain(
      'Ingen nøkler ennå.',
    );

    // The revoked clients too, on request: the list asks again with the choice as a variable.
    await wrapper.get('[data-testid="api-clients-show-revoked"]').setValue(true);
    await flushPromises();
    expect(callsOf(calls, 'ApiClients').map((call) => call.body.variables)).toEqual([
      { includeRevoked: false },
      { includeRevoked: true },
    ]);
  });

  it('registers a client with its scopes, after checking the fields', async () => {
    const { calls } = stubClientsGraph();
    const { wrapper } = await mountClients();

    await wrapper.get('[data-testid="register-scope-aggregates:read"]').setValue(false);
    await wrapper.get('[data-testid="register-form"]').trigger('submit');
    expect(wrapper.get('[data-testid="register-clientId-error"]').text()).toBe('Fyll ut dette feltet.');
    expect(wrapper.get('[data-testid="register-scopes-error"]').text()).toBe('Velg minst én tilgang.');
    expect(callsOf(calls, 'RegisterApiClient')).toHaveLength(0);

    await wrapper.get('[data-testid="register-client-id"]').setValue('fluxx-2');
    await wrapper.get('[data-testid="register-name"]').setValue('Fluxx 2');
    await wrapper.get('[data-testid="register-scope-aggregates:read"]').setValue(true);
    await wrapper.get('[data-testid="register-form"]').trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'RegisterApiClient')[0]?.body.variables).toEqual({
      input: { clientId: 'fluxx-2', name: 'Fluxx 2', scopes: ['aggregates:read'] },
    });
    expect(wrapper.get('[data-testid="register-done"]').text()).toContain('fluxx-2 er registrert.');
    expect(callsOf(calls, 'ApiClients')).toHaveLength(2);
  });

  it('shows a taken client id as a conflict beside the button', async () => {
    stubClientsGraph((call) =>
      operationOf(call) === 'RegisterApiClient'
        ? jsonResponse({ errors: [{ message: 'fluxx-reporting is taken.', extensions: { code: 'CONFLICT' } }] })
        : undefined,
    );
    const { wrapper } = await mountClients();

    await wrapper.get('[data-testid="register-client-id"]').setValue('fluxx-reporting');
    await wrapper.get('[data-testid="register-name"]').setValue('Fluxx');
    await wrapper.get('[data-testid="register-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="register-error"]').text()).toBe(
      'Det finnes allerede en klient med denne id-en. Velg en annen.',
    );
  });

  it('adds a pasted public key to its client, and shows a refused key at the field', async () => {
    let refuse = true;
    const { calls } = stubClientsGraph((call) =>
      operationOf(call) === 'AddApiClientKey' && refuse
        ? jsonResponse({
            errors: [
              {
                message: 'input.publicKey: A private key must never leave the partner system.',
                extensions: { code: 'BAD_USER_INPUT', field: 'input.publicKey' },
              },
            ],
          })
        : undefined,
    );
    const { wrapper } = await mountClients();
    const client = wrapper.get('[data-testid="api-client-reporting.demo"]');

    await client.get('[data-testid="add-key-form"]').trigger('submit');
    expect(client.get('[data-testid="add-key-error"]').text()).toBe('Lim inn en nøkkel.');

    await client.get('[data-testid="add-key-input"]').setValue(`  ${publicJwk}\n`);
    await client.get('[data-testid="add-key-form"]').trigger('submit');
    await flushPromises();
    // The service's English reason is not shown; the field says in bokmål what a key must be.
    expect(client.get('[data-testid="add-key-error"]').text()).toBe(
      'Nøkkelen ble ikke godtatt. Lim inn den offentlige nøkkelen som JWK (EC P-256/P-384 eller RSA på 2048–8192 biter), aldri den private.',
    );

    refuse = false;
    await client.get('[data-testid="add-key-form"]').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'AddApiClientKey').at(-1)?.body.variables).toEqual({
      input: { clientId: 'reporting.demo', publicKey: publicJwk },
    });
    expect(
      wrapper.get<HTMLTextAreaElement>('[data-testid="api-client-reporting.demo"] [data-testid="add-key-input"]')
        .element.value,
    ).toBe('');
  });

  it('revokes a key', async () => {
    const { calls } = stubClientsGraph();
    const { wrapper } = await mountClients();

    const revoke = wrapper.get('[data-testid="key-key-2026"] [data-testid="revoke-key"]');
    expect(revoke.attributes('aria-label')).toBe('Tilbakekall nøkkelen key-2026');
    await revoke.trigger('click');
    await flushPromises();

    expect(callsOf(calls, 'RevokeApiClientKey')[0]?.body.variables).toEqual({
      input: { clientId: 'fluxx-reporting', kid: 'key-2026' },
    });
  });

  it('revokes a client only after asking, and not when the user thinks again', async () => {
    const { calls } = stubClientsGraph();
    const { wrapper } = await mountClients();
    const client = () => wrapper.get('[data-testid="api-client-fluxx-reporting"]');

    await client().get('[data-testid="revoke-client"]').trigger('click');
    expect(client().text()).toContain('Vil du tilbakekalle Fluxx rapportering?');
    await client().get('[data-testid="revoke-client-cancel"]').trigger('click');
    expect(callsOf(calls, 'RevokeApiClient')).toHaveLength(0);

    await client().get('[data-testid="revoke-client"]').trigger('click');
    await client().get('[data-testid="revoke-client-confirm"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'RevokeApiClient')[0]?.body.variables).toEqual({ input: { clientId: 'fluxx-reporting' } });
  });

  it('moves the focus into the revoke question, and back to its button when Escape or cancel closes it', async () => {
    const { calls } = stubClientsGraph();
    const { wrapper } = await mountClients();
    const client = () => wrapper.get('[data-testid="api-client-fluxx-reporting"]');

    await client().get('[data-testid="revoke-client"]').trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(client().get('[data-testid="revoke-client-confirm"]').element);
    await client().get('[data-testid="revoke-client-confirm"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(client().find('[data-testid="revoke-client-confirm"]').exists()).toBe(false);
    expect(document.activeElement).toBe(client().get('[data-testid="revoke-client"]').element);

    await client().get('[data-testid="revoke-client"]').trigger('click');
    await flushPromises();
    await client().get('[data-testid="revoke-client-cancel"]').trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(client().get('[data-testid="revoke-client"]').element);
    expect(callsOf(calls, 'RevokeApiClient')).toHaveLength(0);
  });

  it('explains how a system gets a token: the endpoint on this origin, the assertion and the scope', async () => {
    stubClientsGraph();
    const { wrapper } = await mountClients();

    const howTo = wrapper.get('[data-testid="token-how-to"]').text();
    expect(howTo).toContain(`Token-adresse: ${location.origin}/auth/token`);
    expect(howTo).toContain('grant_type=client_credentials');
    expect(howTo).toContain('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(howTo).toContain('iss og sub er klient-id-en, aud er token-adressen, exp høyst 2 minutter frem');
    expect(howTo).toContain('jti');
    expect(howTo).toContain('scope=aggregates:read');
  });

  it("lets Viken's officers read only", async () => {
    stubClientsGraph();
    const { wrapper } = await mountClients(officerTokenFor('viken.officer'));

    expect(wrapper.find('[data-testid="api-clients-read-only"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="register-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="add-key-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="revoke-key"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="revoke-client"]').exists()).toBe(false);
  });
});
