// Who reaches the CRM: the client pages' guards by role, and the "Klienter" link in the header only for those who may use it.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import AppHeader from '../src/components/AppHeader.vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { createAppRouter } from '../src/router';
import { accessTokenFor, createStrictI18n, type DemoUsername, forbidNetwork, startSignedIn } from './fixtures';

async function visitAs(username: DemoUsername, path: string) {
  setActivePinia(createPinia());
  startSignedIn(accessTokenFor(username));
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  return router.currentRoute.value;
}

enableAutoUnmount(afterEach);

describe('client pages access', () => {
  beforeEach(() => {
    forbidNetwork();
    sessionStorage.clear();
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('lets advisers, municipality officers and county officers open the list and a client', async () => {
    for (const username of ['follo.adviser', 'nordrefollo.officer', 'county.officer'] as const) {
      expect((await visitAs(username, '/clients')).name).toBe('clients');
      expect((await visitAs(username, '/clients/client-7')).name).toBe('client');
    }
  });

  it('sends the coordination group to the start page', async () => {
    const route = await visitAs('coordination.member', '/clients/client-7');
    expect(route.name).not.toBe('client');
    expect(route.path === '/' || route.name === 'overview').toBe(true);
  });

  it('opens the intake form for advisers only; the read-only roles go back to the list', async () => {
    expect((await visitAs('follo.adviser', '/clients/new')).name).toBe('client-new');
    expect((await visitAs('nordrefollo.officer', '/clients/new')).name).toBe('clients');
    expect((await visitAs('county.officer', '/clients/new')).name).toBe('clients');
  });

  it('shows the "Klienter" link only to those three roles', async () => {
    const linkFor = async (username: DemoUsername) => {
      const router = createAppRouter(createMemoryHistory());
      const pinia = createTestingPinia({
        createSpy: vi.fn,
        initialState: { auth: { accessToken: accessTokenFor(username) } },
      });
      const wrapper = mount(AppHeader, { global: { plugins: [pinia, router, createStrictI18n('nb')] } });
      return wrapper.find('[data-testid="nav-clients"]');
    };
    expect((await linkFor('follo.adviser')).text()).toBe('Klienter');
    expect((await linkFor('county.officer')).exists()).toBe(true);
    expect((await linkFor('coordination.member')).exists()).toBe(false);
  });
});
