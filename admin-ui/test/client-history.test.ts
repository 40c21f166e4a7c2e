// The client page's referrals and its history: every referral with where it stands, and sessions,
// courses, referrals, milestones, impact and follow-ups as one timeline, newest first.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import ReferClientForm from '../src/components/ReferClientForm.vue';
import { clientHistory } from '../src/composables/clientHistory';
import { type ClientDetail, useClientStore } from '../src/stores/client';
import ClientView from '../src/views/ClientView.vue';
import { nadia } from './clients-fixtures';
import { accessTokenFor, createStrictI18n, forbidNetwork, queryLayer, testingPinia } from './fixtures';

async function mountClient(client: ClientDetail = nadia, locale: 'nb' | 'en' = 'nb') {
  const pinia = testingPinia({
    initialState: {
      auth: { accessToken: accessTokenFor('follo.adviser') },
      client: {
        clientId: client.id,
        year: 2024,
        client,
        loading: false,
        error: null,
        municipalities: [],
        municipalitiesError: null,
      },
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/clients', name: 'clients', component: { template: '<div />' } },
      { path: '/clients/:id', name: 'client', component: ClientView },
      { path: '/referrals', name: 'referrals', component: { template: '<div />' } },
    ],
  });
  await router.push(`/clients/${client.id}`);
  await router.isReady();
  const wrapper = mount(ClientView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n(locale)] },
  });
  return { wrapper, pinia };
}

const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A timeline entry as read: its day, what kind of event, and what happened. */
const entryText = (item: { findAll: (selector: string) => { text: () => string }[] }) =>
  item
    .findAll('time, strong, span')
    .map((part) => plain(part.text()))
    .join(' ');

enableAutoUnmount(afterEach);

describe("the client page's referrals", () => {
  beforeEach(() => forbidNetwork());

  it('lists each referral with its receiver, programme and where it stands, and why when declined', async () => {
    const { wrapper } = await mountClient();
    const rows = wrapper.findAll('[data-testid="client-referrals"] tbody tr').map((row) =>
      row
        .findAll('th, td')
        .map((cell) => plain(cell.text()))
        .join(' | '),
    );
    expect(rows).toEqual([
      '20.08.2024 | NAV Follo | Dagpenger under etablering | Akseptert 27.08.2024',
      '15.05.2024 | Til Innovasjon Norge | Etablerertilskudd fase 1 (markedsavklaring) | Avslått 01.06.2024 Begrunnelse: Mangler budsjett.',
    ]);
  });

  it('says when there are none, and when the partners service could not tell', async () => {
    const none = await mountClient({ ...nadia, referrals: [] });
    expect(none.wrapper.get('[data-testid="client-referrals-section"]').text()).toContain('Klienten er ikke henvist.');
    const unavailable = await mountClient({ ...nadia, referrals: null });
    expect(unavailable.wrapper.find('[data-unavailable="referrals"]').exists()).toBe(true);
  });

  it('loads the client again once a referral is sent from the page, so it is listed', async () => {
    const { wrapper, pinia } = await mountClient();
    const clientStore = useClientStore(pinia);
    vi.mocked(clientStore.load).mockClear();
    wrapper.getComponent(ReferClientForm).vm.$emit('sent');
    await flushPromises();
    expect(clientStore.load).toHaveBeenCalledWith(nadia.id, expect.any(Number));
  });
});

describe("the client's history", () => {
  beforeEach(() => forbidNetwork());

  it('puts sessions, courses, referrals, milestones, impact and follow-ups in one timeline, newest first', async () => {
    const { wrapper } = await mountClient();
    const items = wrapper.findAll('[data-testid="client-history"] li').map(entryText);
    expect(items).toEqual([
      '01.10.2024 Effekt Arbeidsplasser skapt',
      '12.09.2024 Oppfølging Vurderer å ansette.',
      '20.08.2024 Henvisning Til NAV: Dagpenger under etablering – Akseptert',
      '03.06.2024 Oppfølging Har fått første kunde.',
      '15.05.2024 Henvisning Til Innovasjon Norge: Etablerertilskudd fase 1 (markedsavklaring) – Avslått',
      '01.05.2024 Milepæl Foretak registrert',
      '10.04.2024 Veiledning Video, 90 min: Budsjett og prising',
      '04.03.2024 Kurs Etablererkurs – Påmeldt',
      '20.01.2024 Veiledning Møte, 60 min: Forretningsidé',
    ]);
  });

  it('orders one day by what usually happens last first, and says so when nothing is recorded', () => {
    const sameDay = clientHistory({
      counsellingSessions: [{ id: 's', date: '2024-05-01', durationMinutes: 60, form: 'MEETING', topic: 'x' }],
      enrolments: [],
      referrals: null,
      milestones: [{ kind: 'BUSINESS_REGISTERED', reachedOn: '2024-05-01' }],
      impactRecords: [],
      followUps: [],
    });
    expect(sameDay.map((entry) => entry.kind)).toEqual(['milestone', 'session']);
  });

  it('reads in English with the month in words', async () => {
    const { wrapper } = await mountClient(nadia, 'en');
    const first = wrapper.get('[data-testid="client-history"] li');
    expect(entryText(first)).toBe('Oct 1, 2024 Impact Jobs created');
  });
});
