// Who reaches the evaluations page and sees its link, who records evaluations, and checking an evaluation as the county subgraph will.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import AppHeader from '../src/components/AppHeader.vue';
import { readsEvaluations, recordsEvaluations } from '../src/composables/evaluationAccess';
import { checkEvaluationDraft, type EvaluationDraft } from '../src/composables/evaluationRules';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { createAppRouter } from '../src/router';
import { officerTokenFor } from './evaluations-fixtures';
import { accessTokenFor, createStrictI18n, type DemoUsername, forbidNetwork, startSignedIn } from './fixtures';
import { extraTokenFor } from './meetings-fixtures';

async function visitWith(accessToken: string, path: string) {
  setActivePinia(createPinia());
  startSignedIn(accessToken);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  return router.currentRoute.value;
}

const visitAs = (username: DemoUsername, path: string) => visitWith(accessTokenFor(username), path);

function navLinks(accessToken: string) {
  const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { auth: { accessToken } } });
  const router = createAppRouter(createMemoryHistory());
  const wrapper = mount(AppHeader, { global: { plugins: [pinia, router, createStrictI18n('nb')] } });
  return wrapper
    .get('nav')
    .findAll('a')
    .map((link) => link.text());
}

function draft(overrides: Partial<EvaluationDraft> = {}): EvaluationDraft {
  return {
    title: ' Sluttevaluering 2022–2025 ',
    periodFrom: '2022-01-01',
    periodTo: '2025-12-31',
    author: ' Ekstern evaluator ',
    findings: ' Tjenesten når flere etablerere. ',
    documentReference: '  ',
    publishedOn: '2026-03-31',
    ...overrides,
  };
}

enableAutoUnmount(afterEach);

describe('evaluations access', () => {
  beforeEach(() => {
    forbidNetwork();
    sessionStorage.clear();
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('lets every role the county subgraph lets read evaluations see them', () => {
    for (const role of [
      'COUNTY_OFFICER',
      'COORDINATION_MEMBER',
      'MUNICIPALITY_OFFICER',
      'ADVISER',
      'INNOVASJON_NORGE',
      'NAV',
      'API_CLIENT',
    ]) {
      expect(readsEvaluations(role)).toBe(true);
    }
    expect(readsEvaluations('AUDITOR')).toBe(false);
    expect(readsEvaluations(undefined)).toBe(false);
  });

  it("lets the officers of today's counties record evaluations, not Viken's nor any other role", () => {
    for (const county of ['akershus', 'buskerud', 'ostfold']) {
      expect(recordsEvaluations({ role: 'COUNTY_OFFICER', organisationId: county })).toBe(true);
    }
    // Viken was dissolved on 2024-01-01: its officers read history and record nothing.
    expect(recordsEvaluations({ role: 'COUNTY_OFFICER', organisationId: 'viken' })).toBe(false);
    for (const role of ['COORDINATION_MEMBER', 'MUNICIPALITY_OFFICER', 'ADVISER', 'NAV', 'API_CLIENT']) {
      expect(recordsEvaluations({ role, organisationId: 'akershus' })).toBe(false);
    }
    expect(recordsEvaluations(null)).toBe(false);
  });

  it('opens the page for county officers of any county, the coordination group, advisers and NAV, and sends a role it does not know to the start page', async () => {
    expect((await visitAs('county.officer', '/evaluations')).name).toBe('evaluations');
    expect((await visitWith(officerTokenFor('viken.officer'), '/evaluations')).name).toBe('evaluations');
    expect((await visitAs('coordination.member', '/evaluations')).name).toBe('evaluations');
    expect((await visitAs('follo.adviser', '/evaluations')).name).toBe('evaluations');
    expect((await visitWith(extraTokenFor('nav.officer'), '/evaluations')).name).toBe('evaluations');

    const route = await visitWith(extraTokenFor('future.role'), '/evaluations');
    expect(route.name).not.toBe('evaluations');
    expect(route.path).toBe('/');
  });

  it('asks for a sign-in first', async () => {
    setActivePinia(createPinia());
    const router = createAppRouter(createMemoryHistory());
    await router.push('/evaluations');
    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(router.currentRoute.value.query.redirect).toBe('/evaluations');
  });

  it('shows the link "Evalueringer" to those who may read evaluations only', () => {
    expect(navLinks(accessTokenFor('county.officer'))).toContain('Evalueringer');
    expect(navLinks(officerTokenFor('viken.officer'))).toContain('Evalueringer');
    expect(navLinks(accessTokenFor('nordrefollo.officer'))).toContain('Evalueringer');
    expect(navLinks(extraTokenFor('partner.api'))).toContain('Evalueringer');
    expect(navLinks(extraTokenFor('future.role'))).not.toContain('Evalueringer');
  });
});

describe('evaluation rules', () => {
  it('gives the trimmed input, without a document reference left empty', () => {
    expect(checkEvaluationDraft(draft())).toEqual({
      ok: true,
      input: {
        title: 'Sluttevaluering 2022–2025',
        periodFrom: '2022-01-01',
        periodTo: '2025-12-31',
        author: 'Ekstern evaluator',
        findings: 'Tjenesten når flere etablerere.',
        documentReference: null,
        publishedOn: '2026-03-31',
      },
    });
    const withReference = checkEvaluationDraft(draft({ documentReference: ' arkiv 2026/123 ' }));
    expect(withReference.ok && withReference.input.documentReference).toBe('arkiv 2026/123');
  });

  it('asks for every field but the document reference', () => {
    expect(
      checkEvaluationDraft({
        title: ' ',
        periodFrom: '',
        periodTo: '',
        author: '',
        findings: '\n',
        documentReference: '',
        publishedOn: '',
      }),
    ).toEqual({
      ok: false,
      errors: {
        title: 'required',
        periodFrom: 'required',
        periodTo: 'required',
        author: 'required',
        findings: 'required',
        publishedOn: 'required',
      },
    });
  });

  it('takes a period of one day, and refuses one that ends before it starts', () => {
    expect(checkEvaluationDraft(draft({ periodFrom: '2024-06-30', periodTo: '2024-06-30' })).ok).toBe(true);
    expect(checkEvaluationDraft(draft({ periodFrom: '2024-07-01', periodTo: '2024-06-30' }))).toEqual({
      ok: false,
      errors: { periodTo: 'periodOrder' },
    });
  });

  it('takes days in 2000–2100 only, as the graph does, and real calendar days', () => {
    expect(checkEvaluationDraft(draft({ periodFrom: '2000-01-01', publishedOn: '2100-12-31' })).ok).toBe(true);
    expect(checkEvaluationDraft(draft({ periodFrom: '1999-12-31' }))).toEqual({
      ok: false,
      errors: { periodFrom: 'years' },
    });
    expect(checkEvaluationDraft(draft({ publishedOn: '2101-01-01' }))).toEqual({
      ok: false,
      errors: { publishedOn: 'years' },
    });
    // A bad day is reported as such, not also as a period in the wrong order.
    expect(checkEvaluationDraft(draft({ periodTo: '2023-02-29' }))).toEqual({
      ok: false,
      errors: { periodTo: 'date' },
    });
    expect(checkEvaluationDraft(draft({ publishedOn: '31.03.2026' }))).toEqual({
      ok: false,
      errors: { publishedOn: 'date' },
    });
  });

  it('refuses texts longer than the county subgraph takes, and takes them at the limit', () => {
    expect(
      checkEvaluationDraft(
        draft({
          title: 'x'.repeat(300),
          author: 'x'.repeat(200),
          findings: 'x'.repeat(50_000),
          documentReference: 'x'.repeat(500),
        }),
      ).ok,
    ).toBe(true);
    expect(
      checkEvaluationDraft(
        draft({
          title: 'x'.repeat(301),
          author: 'x'.repeat(201),
          findings: 'x'.repeat(50_001),
          documentReference: 'x'.repeat(501),
        }),
      ),
    ).toEqual({
      ok: false,
      errors: { title: 'tooLong', author: 'tooLong', findings: 'tooLong', documentReference: 'tooLong' },
    });
  });
});
