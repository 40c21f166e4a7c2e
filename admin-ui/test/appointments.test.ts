// The appointments page (issue 22) over a stubbed gateway: the slots in words (free, booked by whom, withdrawn), an adviser publishing times in a row with Oslo's offset, the server's refusal beside the fields, withdrawing a booked time, and officers who only look.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { osloIso } from '../src/composables/appointmentAccess';
import type { AppointmentSlotItem } from '../src/queries/appointments';
import AppointmentsView from '../src/views/AppointmentsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  stubGraphQL,
} from './fixtures';

const free: AppointmentSlotItem = {
  id: 'slot-free',
  startsAt: '2027-01-12T08:00:00.000Z',
  endsAt: '2027-01-12T09:00:00.000Z',
  durationMinutes: 60,
  form: 'MEETING',
  location: 'Rom 2',
  cancelledAt: null,
  version: 1,
  adviser: { id: 'adviser-1', name: 'Amira Berg' },
  office: { id: 'office-1', name: 'Follo etablerersenter' },
  booking: null,
};
const booked: AppointmentSlotItem = {
  ...free,
  id: 'slot-booked',
  startsAt: '2027-01-12T09:00:00.000Z',
  endsAt: '2027-01-12T09:30:00.000Z',
  durationMinutes: 30,
  form: 'PHONE',
  location: null,
  office: null,
  version: 2,
  booking: {
    id: 'booking-1',
    name: 'Sara Nilsen',
    email: 'sara@example.no',
    phone: '+47 912 34 567',
    topic: 'Budsjett for kafé',
    bookedAt: '2027-01-05T10:00:00.000Z',
    websiteRequest: { id: 'request-1', reference: 'ET-7K3QX9' },
    client: { id: 'client-1' },
  },
};
const withdrawn: AppointmentSlotItem = { ...free, id: 'slot-withdrawn', cancelledAt: '2027-01-06T10:00:00.000Z' };

const isList = (call: GraphQLCall) => call.body.query.includes('query AppointmentSlotList');
const isPublish = (call: GraphQLCall) => call.body.query.includes('mutation PublishAppointmentSlots');
const isCancel = (call: GraphQLCall) => call.body.query.includes('mutation CancelAppointmentSlot');

function gateway(answers: { publish?: () => Response; cancel?: () => Response; slots?: AppointmentSlotItem[] } = {}) {
  return stubGraphQL((call) => {
    if (isList(call)) return jsonResponse({ data: { appointmentSlots: answers.slots ?? [free, booked, withdrawn] } });
    if (isPublish(call)) return answers.publish?.() ?? jsonResponse({ data: { publishAppointmentSlots: [] } });
    if (isCancel(call)) {
      return (
        answers.cancel?.() ??
        jsonResponse({
          data: { cancelAppointmentSlot: { id: 'slot-booked', cancelledAt: '2027-01-07T00:00:00Z', version: 3 } },
        })
      );
    }
    throw new Error(`unexpected operation ${call.body.query}`);
  });
}

async function mountView(username: DemoUsername = 'follo.adviser') {
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    stubActions: false,
    initialState: { auth: { accessToken: accessTokenFor(username) } },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/appointments', name: 'appointments', component: AppointmentsView },
      { path: '/clients/:id', name: 'client', component: { render: () => null } },
    ],
  });
  await router.push('/appointments');
  await router.isReady();
  const wrapper = mount(AppointmentsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

enableAutoUnmount(afterEach);
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('osloIso', () => {
  it('gives the clock in Oslo with the offset of the day, winter and summer', () => {
    expect(osloIso('2027-01-12', '09:00')).toBe('2027-01-12T09:00:00+01:00');
    expect(osloIso('2027-06-15', '13:30')).toBe('2027-06-15T13:30:00+02:00');
  });
});

describe('AppointmentsView', () => {
  it('lists the times in words: free, booked by whom with the topic and reference, withdrawn', async () => {
    gateway();
    const wrapper = await mountView();
    const freeRow = wrapper.get('[data-testid="appointment-slot-free"]');
    expect(freeRow.get('th').text()).toBe('12.01.2027 kl. 09:00');
    expect(freeRow.text()).toContain('60 minutter');
    expect(freeRow.text()).toContain('Follo etablerersenter – Rom 2');
    expect(freeRow.text()).toContain('Ledig');
    const bookedRow = wrapper.get('[data-testid="appointment-slot-booked"]');
    expect(bookedRow.text()).toContain('Bestilt av Sara Nilsen');
    expect(bookedRow.text()).toContain('sara@example.no, +47 912 34 567');
    expect(bookedRow.text()).toContain('Tema: Budsjett for kafé');
    expect(bookedRow.text()).toContain('Referanse ET-7K3QX9');
    expect(bookedRow.get('a').attributes('href')).toBe('/clients/client-1');
    expect(wrapper.get('[data-testid="appointment-slot-withdrawn"]').text()).toContain('Trukket tilbake');
    // A withdrawn time cannot be withdrawn again.
    expect(wrapper.find('[data-testid="appointment-withdraw-slot-withdrawn"]').exists()).toBe(false);
    expect(wrapper.get('table caption').text()).toBe('Timer, etter tidspunkt');
  });

  it('publishes times in a row from the first start on the Oslo clock, then shows the list again', async () => {
    const { calls } = gateway();
    const wrapper = await mountView();
    await wrapper.get('[data-testid="appointment-date"]').setValue('2027-01-12');
    await wrapper.get('[data-testid="appointment-time"]').setValue('09:00');
    await wrapper.get('[data-testid="appointment-duration"]').setValue('45');
    await wrapper.get('[data-testid="appointment-count"]').setValue('3');
    await wrapper.get('[data-testid="appointment-form"]').setValue('VIDEO');
    await wrapper.get('[data-testid="appointment-location"]').setValue('  Teams-lenke på e-post ');
    const listsBefore = calls.filter(isList).length;
    await wrapper.get('form.publish').trigger('submit');
    await flushPromises();
    const publish = calls.find(isPublish);
    expect(publish?.body.variables).toEqual({
      input: {
        slots: ['08:00', '08:45', '09:30'].map((at) => ({
          startsAt: `2027-01-12T${at}:00.000Z`,
          durationMinutes: 45,
          form: 'VIDEO',
          location: 'Teams-lenke på e-post',
        })),
      },
    });
    expect(calls.filter(isList).length).toBe(listsBefore + 1);
    expect(wrapper.get('[data-testid="appointment-publish-notice"]').text()).toBe('3 timer er lagt ut.');
  });

  it("shows the server's CONFLICT beside the date and time, and moves focus there", async () => {
    gateway({
      publish: () =>
        jsonResponse({
          data: null,
          errors: [
            {
              message: 'input.slots.0: overlaps your slot at 2027-01-12T08:00:00.000Z (60 minutes)',
              extensions: { code: 'CONFLICT', field: 'input.slots.0' },
            },
          ],
        }),
    });
    const wrapper = await mountView();
    await wrapper.get('form.publish').trigger('submit');
    await flushPromises();
    const error = wrapper.get('[data-testid="appointment-publish-error"]');
    expect(error.text()).toBe('Timene overlapper en time du har lagt ut fra før (eller hverandre). Ingen ble lagt ut.');
    expect(error.attributes('role')).toBe('alert');
    expect(document.activeElement).toBe(error.element);
    expect(wrapper.get('[data-testid="appointment-date"]').attributes('aria-describedby')).toBe(
      'appointment-when-error',
    );
    expect(wrapper.get('[data-testid="appointment-publish-notice"]').text()).toBe('');
  });

  it('withdraws a booked time with the version seen, and says the person was told', async () => {
    const { calls } = gateway();
    const wrapper = await mountView();
    const button = wrapper.get('[data-testid="appointment-withdraw-slot-booked"]');
    expect(button.attributes('aria-label')).toBe('Trekk tilbake timen 12.01.2027 kl. 10:00');
    await button.trigger('click');
    await flushPromises();
    expect(calls.find(isCancel)?.body.variables).toEqual({ id: 'slot-booked', version: 2 });
    expect(wrapper.get('[data-testid="appointments-notice"]').text()).toBe(
      'Timen 12.01.2027 kl. 10:00 er trukket tilbake; Sara Nilsen og du har fått avlysning på e-post.',
    );
  });

  it('explains a CONFLICT when withdrawing (booked or changed meanwhile) and loads the list again', async () => {
    const { calls } = gateway({
      cancel: () => jsonResponse({ data: null, errors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] }),
    });
    const wrapper = await mountView();
    const listsBefore = calls.filter(isList).length;
    await wrapper.get('[data-testid="appointment-withdraw-slot-free"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="appointments-cancel-error"]').text()).toContain('Timen ble endret i mellomtiden');
    expect(calls.filter(isList).length).toBe(listsBefore + 1);
  });

  it('lets a municipality officer look, without publishing or withdrawing', async () => {
    gateway();
    const wrapper = await mountView('nordrefollo.officer');
    expect(wrapper.find('form.publish').exists()).toBe(false);
    expect(wrapper.find('[data-testid^="appointment-withdraw-"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="appointment-slot-booked"]').text()).toContain('Bestilt av Sara Nilsen');
  });

  it('asks for the period chosen, and for none while a day is missing', async () => {
    const { calls } = gateway();
    const wrapper = await mountView();
    const from = wrapper.get<HTMLInputElement>('#appointments-from').element.value;
    await wrapper.get('#appointments-to').setValue('2027-03-31');
    await flushPromises();
    expect(calls.filter(isList).at(-1)?.body.variables).toEqual({ from, to: '2027-03-31', includeCancelled: false });
    const asked = calls.filter(isList).length;
    await wrapper.get('#appointments-from').setValue('');
    await flushPromises();
    expect(calls.filter(isList)).toHaveLength(asked);
  });

  it('explains a list that could not be loaded, shows no times under it, and asks again on "try again"', async () => {
    let refuse = true;
    const { calls } = stubGraphQL(() =>
      refuse
        ? jsonResponse({ errors: [{ message: 'Down.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
        : jsonResponse({ data: { appointmentSlots: [free] } }),
    );
    const wrapper = await mountView();
    const alert = wrapper.get('[data-testid="appointments-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(wrapper.find('[data-testid="appointments-table"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="appointments-empty"]').exists()).toBe(false);

    refuse = false;
    await alert.get('button').trigger('click');
    await flushPromises();
    expect(calls.filter(isList)).toHaveLength(2);
    expect(wrapper.find('[data-testid="appointments-error"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="appointment-slot-free"]').exists()).toBe(true);
  });

  it('says so when the period has no times', async () => {
    gateway({ slots: [] });
    const wrapper = await mountView();
    expect(wrapper.get('[data-testid="appointments-empty"]').text()).toBe('Ingen timer i perioden.');
  });
});
