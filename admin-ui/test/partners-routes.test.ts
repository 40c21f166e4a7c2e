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
import { extraTokenFor } from './meetings-fixtures';
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

  it('groups the menu by what the pages are for, and leaves out a group with no page the role may open', () => {
    const groupsOf = (accessToken: string) => {
      const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { auth: { accessToken } } });
      const wrapper = mount(AppHeader, {
        global: { plugins: [pinia, createAppRouter(createMemoryHistory()), createStrictI18n('nb')] },
      });
      return wrapper.findAll('nav .group').map((group) => {
        const list = group.get('ul');
        const title = group.get('.group-title');
        // Each group's list is named by its title, for screen readers.
        expect(list.attributes('aria-labelledby')).toBe(title.attributes('id'));
        return [title.text(), list.findAll('a').map((link) => link.text())];
      });
    };
    expect(groupsOf(accessTokenFor('county.officer')).map(([title]) => title)).toEqual([
      'Regioner og tall',
      'Avtale og økonomi',
      'Klienter og kurs',
      'Samarbeid',
      'Administrasjon',
    ]);
    expect(groupsOf(accessTokenFor('coordination.member'))).toContainEqual([
      'Regioner og tall',
      ['Regioner', 'Oversikt', 'Effekt'],
    ]);
    // A role the console does not know sees the pages everyone may open, and no group of pages it may not.
    expect(groupsOf(extraTokenFor('future.role'))).toEqual([
      ['Regioner og tall', ['Regioner', 'Oversikt', 'Effekt']],
      ['Samarbeid', ['Fagsamlinger']],
      ['Administrasjon', ['Utforsker']],
    ]);
  });
});
