// Who reaches the partners' pages and sees their links: referrals and assessments by role, gatherings for everyone signed in.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import AppHeader from '../src/components/AppHeader.vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { createAppRouter } from '../src/router';
import { useAuthStore } from '../src/stores/auth';
import { accessTokenFor, createStrictI18n, forbidNetwork } from './fixtures';
import { partnerTokenFor } from './partners-fixtures';

async function visit(accessToken: string, path: string) {
  useAuthStore().accessToken = accessToken;
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  return router.currentRoute.value;
}

async function navLinks(accessToken: string) {
  const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { auth: { accessToken } } });
  const router = createAppRouter(createMemoryHistory());
  const wrapper = mount(AppHeader, { global: { plugins: [pinia, router, createStrictI18n('nb')] } });
  return wrapper
    .get('nav')
    .findAll('a')
    .map((link) => link.text());
}

enableAutoUnmount(afterEach);

describe("the partners' pages", () => {
  beforeEach(() => {
    forbidNetwork();
    sessionStorage.clear();
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('lets Innovasjon Norge into the referral inbox and sends the coordination group to the start page', async () => {
    expect((await visit(partnerTokenFor('innovasjon.norge'), '/referrals')).name).toBe('referrals');
    setActivePinia(createPinia());
    expect((await visit(accessTokenFor('coordination.member'), '/referrals')).path).not.toBe('/referrals');
  });

  it('lets NAV and advisers into the assessments and sends Innovasjon Norge to the start page', async () => {
    expect((await visit(partnerTokenFor('nav.follo'), '/assessments')).name).toBe('assessments');
    setActivePinia(createPinia());
    expect((await visit(accessTokenFor('follo.adviser'), '/assessments')).name).toBe('assessments');
    setActivePinia(createPinia());
    expect((await visit(partnerTokenFor('innovasjon.norge'), '/assessments')).path).not.toBe('/assessments');
  });

  it('lets every signed-in role see the gatherings', async () => {
    expect((await visit(accessTokenFor('coordination.member'), '/gatherings?year=2024')).name).toBe('gatherings');
  });

  it('shows each role only the links to pages it may open', async () => {
    const coordination = await navLinks(accessTokenFor('coordination.member'));
    expect(coordination).toContain('Fagsamlinger');
    expect(coordination).not.toContain('Henvisninger');
    expect(coordination).not.toContain('Vurderinger');

    const innovasjonNorge = await navLinks(partnerTokenFor('innovasjon.norge'));
    expect(innovasjonNorge).toContain('Henvisninger');
    expect(innovasjonNorge).not.toContain('Vurderinger');

    const nav = await navLinks(partnerTokenFor('nav.follo'));
    expect(nav).toEqual(expect.arrayContaining(['Henvisninger', 'Fagsamlinger', 'Vurderinger']));
  });
});
