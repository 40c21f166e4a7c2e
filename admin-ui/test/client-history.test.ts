// The client page's referrals and its history: every referral with where it stands, and sessions,
// courses, referrals, milestones, impact and follow-ups as one timeline, newest first.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { clientHistory } from '../src/composables/clientHistory';
import { todayInOslo } from '../src/composables/osloCalendar';
import type { ClientDetail } from '../src/queries/client';
import ClientView from '../src/views/ClientView.vue';
import { clientPageAnswers, nadia } from './clients-fixtures';
import {
  accessTokenFor,
  createStrictI18n,
  forbidNetwork,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';

async function mountClient(
  client: ClientDetail = nadia,
  locale: 'nb' | 'en' = 'nb',
  other?: (call: GraphQLCall) => Response | undefined,
  current: () => ClientDetail = () => client,
) {
  const { calls } = stubGraphQL(clientPageAnswers(current, other));
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor('follo.adviser') } } });
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
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, calls };
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
    const sent = {
      id: 'referral-3',
      direction: 'TO_INNOVASJON_NORGE',
      programme: 'STARTUP_LOAN',
      otherActor: null,
      navOffice: null,
      sentOn: todayInOslo(),
      status: 'SENT',
      statusChangedOn: todayInOslo(),
      statusReason: null,
    } as const;
    let referred = false;
    const { wrapper, calls } = await mountClient(
      nadia,
      'nb',
      (call) => {
        if (call.body.query.includes('query ReferralFormOptions')) {
          return jsonResponse({
            data: {
              referralProgrammes: [{ programme: 'STARTUP_LOAN', direction: 'TO_INNOVASJON_NORGE' }],
              municipalities: [{ number: '3021', name: 'Ås' }],
              navOffices: [],
            },
          });
        }
        if (call.body.query.includes('mutation SendReferral')) {
          referred = true;
          return jsonResponse({ data: { sendReferral: sent } });
        }
        return undefined;
      },
      () => (referred ? { ...nadia, referrals: [sent, ...(nadia.referrals ?? [])] } : nadia),
    );
    const detailCalls = () => calls.filter((call) => call.body.query.includes('query ClientDetail')).length;
    expect(detailCalls()).toBe(1);

    await wrapper.get('[data-testid="refer-open"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="refer-direction-TO_INNOVASJON_NORGE"]').setValue(true);
    await wrapper.get('[data-testid="refer-programme"]').setValue('STARTUP_LOAN');
    await wrapper.get('[data-testid="refer-consent"]').setValue(true);
    await wrapper.get('[data-testid="refer-consent-date"]').setValue(todayInOslo());
    await wrapper.get('[data-testid="refer-form"]').trigger('submit');
    await flushPromises();

    expect(detailCalls()).toBe(2);
    expect(wrapper.findAll('[data-testid="client-referrals"] tbody tr')).toHaveLength(3);
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
