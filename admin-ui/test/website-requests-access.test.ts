// Who reaches the website requests: the route's guard by role, and the header's link with its pending count only for those who may use it.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import AppHeader from '../src/components/AppHeader.vue';
import {
  countsPendingWebsiteRequests,
  picksUpWebsiteRequests,
  seesWebsiteRequests,
} from '../src/composables/websiteRequestAccess';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { createAppRouter } from '../src/router';
import { useWebsiteRequestsStore } from '../src/stores/websiteRequests';
import { accessTokenFor, createStrictI18n, type DemoUsername, forbidNetwork, startSignedIn } from './fixtures';
import { partnerTokenFor } from './partners-fixtures';

async function visitWith(accessToken: string, path = '/website-requests') {
  setActivePinia(createPinia());
  startSignedIn(accessToken);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  return router.currentRoute.value;
}

async function mountHeader(username: DemoUsername, pendingCount: number | null = null) {
  const router = createAppRouter(createMemoryHistory());
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    initialState: {
      auth: { accessToken: accessTokenFor(username) },
      websiteRequests: { pendingCount },
    },
  });
  const wrapper = mount(AppHeader, { global: { plugins: [pinia, router, createStrictI18n('nb')] } });
  return { wrapper, store: useWebsiteRequestsStore(pinia) };
}

enableAutoUnmount(afterEach);

describe('website requests access', () => {
  beforeEach(() => {
    forbidNetwork();
    sessionStorage.clear();
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('lets advisers, municipality officers and county officers open the page', async () => {
    for (const username of ['follo.adviser', 'nordrefollo.officer', 'county.officer'] as const) {
      expect((await visitWith(accessTokenFor(username))).name).toBe('website-requests');
    }
  });

  it('sends every other role to the start page', async () => {
    const coordination = await visitWith(accessTokenFor('coordination.member'));
    expect(coordination.name).not.toBe('website-requests');
    expect(coordination.path === '/' || coordination.name === 'overview').toBe(true);

    for (const partner of ['innovasjon.norge', 'nav.follo'] as const) {
      const route = await visitWith(partnerTokenFor(partner));
      expect(route.name).not.toBe('website-requests');
      expect(route.path).toBe('/');
    }
  });

  it('asks a signed-out user to sign in first, remembering the page', async () => {
    setActivePinia(createPinia());
    const router = createAppRouter(createMemoryHistory());
    await router.push('/website-requests');
    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(router.currentRoute.value.query.redirect).toBe('/website-requests');
  });

  it('offers the button to advisers only, and the count to the roles with a region of their own', () => {
    expect(['ADVISER', 'MUNICIPALITY_OFFICER', 'COUNTY_OFFICER'].map(seesWebsiteRequests)).toEqual([true, true, true]);
    expect(['COORDINATION_MEMBER', 'NAV', 'INNOVASJON_NORGE', undefined].map(seesWebsiteRequests)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(['ADVISER', 'MUNICIPALITY_OFFICER', 'COUNTY_OFFICER'].map(picksUpWebsiteRequests)).toEqual([
      true,
      false,
      false,
    ]);
    expect(['ADVISER', 'MUNICIPALITY_OFFICER', 'COUNTY_OFFICER'].map(countsPendingWebsiteRequests)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('shows advisers the link with the number of pending requests, read out in words', async () => {
    const { wrapper, store } = await mountHeader('follo.adviser', 3);

    const link = wrapper.get('[data-testid="nav-website-requests"]');
    expect(link.attributes('href')).toBe('/website-requests');
    expect(link.text()).toContain('Fra nettsiden');
    const badge = wrapper.get('[data-testid="nav-website-requests-count"]');
    expect(badge.get('[aria-hidden="true"]').text()).toBe('3');
    expect(badge.get('.visually-hidden').text()).toBe('(3 nye henvendelser)');
    expect(store.loadPendingCount).toHaveBeenCalledTimes(1);
  });

  it('shows no badge when nothing is pending', async () => {
    const { wrapper } = await mountHeader('nordrefollo.officer', 0);

    expect(wrapper.find('[data-testid="nav-website-requests"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="nav-website-requests-count"]').exists()).toBe(false);
  });

  it('gives county officers the link without a count, and the coordination group no link', async () => {
    const county = await mountHeader('county.officer', 12);
    expect(county.wrapper.find('[data-testid="nav-website-requests"]').exists()).toBe(true);
    expect(county.wrapper.find('[data-testid="nav-website-requests-count"]').exists()).toBe(false);
    expect(county.store.loadPendingCount).not.toHaveBeenCalled();
    county.wrapper.unmount();

    const coordination = await mountHeader('coordination.member', 12);
    expect(coordination.wrapper.find('[data-testid="nav-website-requests"]').exists()).toBe(false);
    expect(coordination.store.loadPendingCount).not.toHaveBeenCalled();
  });
});
