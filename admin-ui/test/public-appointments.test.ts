// The public booking page (issue 22): a person picks a region and a free time, and books it without
// signing in; the request carries the slot, the topic and the person; a time taken meanwhile is
// said plainly and the list is loaded again; the receipt names the time and the reference only.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import type { AvailableSlot } from '../src/queries/publicAppointments';
import { createStrictI18n, forbidNetwork, jsonResponse } from './fixtures';
import { callsOf, mountPublic, stubPublicGateway } from './public-fixtures';

const morning: AvailableSlot = {
  id: 'b1c2d3e4-0000-4000-8000-000000000001',
  startsAt: '2027-01-12T08:00:00.000Z',
  endsAt: '2027-01-12T09:00:00.000Z',
  durationMinutes: 60,
  form: 'MEETING',
  location: null,
  adviserName: 'Amira Berg',
  office: { name: 'Follo etablerersenter', streetAddress: 'Storgata 1', postalTown: 'Ski' },
};
const afternoon: AvailableSlot = {
  ...morning,
  id: 'b1c2d3e4-0000-4000-8000-000000000002',
  startsAt: '2027-01-12T12:00:00.000Z',
  endsAt: '2027-01-12T12:30:00.000Z',
  durationMinutes: 30,
  form: 'PHONE',
  office: null,
};

enableAutoUnmount(afterEach);
beforeEach(() => {
  forbidNetwork();
  localStorage.clear();
  sessionStorage.clear();
  setActivePinia(createPinia());
});
afterEach(() => {
  setAccessTokenSource(undefined);
  setUnauthenticatedHandler(undefined);
});

type Wrapper = Awaited<ReturnType<typeof mountPublic>>['wrapper'];

async function fill(wrapper: Wrapper) {
  await wrapper.get('[data-testid="public-appointment-topic"]').setValue('  Budsjett for kafé ');
  await wrapper.get('[data-testid="public-name"]').setValue('Nora Nilsen');
  await wrapper.get('[data-testid="public-email"]').setValue('nora@example.no');
  await wrapper.get('[data-testid="public-municipality"]').setValue('3209');
  await wrapper.get('[data-testid="public-consent"]').setValue(true);
}

describe('booking an appointment on the public website', () => {
  it('lists the free times of the chosen region and books one, showing the time and the reference', async () => {
    const { calls } = stubPublicGateway({
      AvailableAppointmentSlots: () => jsonResponse({ data: { availableAppointmentSlots: [morning, afternoon] } }),
      BookAppointment: () =>
        jsonResponse({
          data: {
            bookAppointment: {
              reference: 'ET-7K3QX9',
              region: { id: 'follo', name: 'Follo' },
              slot: {
                id: morning.id,
                startsAt: morning.startsAt,
                durationMinutes: 60,
                form: 'MEETING',
                adviserName: 'Amira Berg',
              },
            },
          },
        }),
    });
    const { wrapper } = await mountPublic('/public/appointments');
    expect(wrapper.get('h1').text()).toBe('Bestill time for veiledning');
    await wrapper.get('[data-testid="public-appointment-region"]').setValue('follo');
    await flushPromises();
    expect(callsOf(calls, 'AvailableAppointmentSlots')[0]?.body.variables).toMatchObject({ regionId: 'follo' });
    const labels = wrapper.findAll('.slots label').map((label) => label.text());
    expect(labels).toEqual([
      'tirsdag 12. januar kl. 09:00 (60 min, møte, Follo etablerersenter) – Amira Berg',
      'tirsdag 12. januar kl. 13:00 (30 min, telefon) – Amira Berg',
    ]);

    await wrapper.get(`[data-testid="public-appointment-slot-${morning.id}"]`).setValue(true);
    await fill(wrapper);
    await wrapper.get('[data-testid="public-appointment-form"]').trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'BookAppointment')[0]?.body.variables).toEqual({
      input: {
        slotId: morning.id,
        topic: 'Budsjett for kafé',
        locale: 'nb',
        person: {
          name: 'Nora Nilsen',
          email: 'nora@example.no',
          municipalityNumber: '3209',
          immigrantBackground: 'UNKNOWN',
          consentToProcessing: true,
        },
      },
    });
    const receipt = wrapper.get('[data-testid="public-appointment-receipt"]');
    expect(receipt.text()).toContain('tirsdag 12. januar kl. 09:00');
    expect(receipt.text()).toContain('Referanse: ET-7K3QX9');
    expect(receipt.text()).not.toContain('nora@example.no');
    expect(document.activeElement).toBe(receipt.element);
  });

  it('asks for a time before sending anything', async () => {
    const { calls } = stubPublicGateway({
      AvailableAppointmentSlots: () => jsonResponse({ data: { availableAppointmentSlots: [morning] } }),
    });
    const { wrapper } = await mountPublic('/public/appointments');
    await wrapper.get('[data-testid="public-appointment-region"]').setValue('follo');
    await flushPromises();
    await fill(wrapper);
    await wrapper.get('[data-testid="public-appointment-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="public-appointment-slot-error"]').text()).toBe('Velg en ledig time.');
    expect(callsOf(calls, 'BookAppointment')).toHaveLength(0);
  });

  it('says when the time was taken meanwhile, and shows the free times again', async () => {
    let free = [morning, afternoon];
    const { calls } = stubPublicGateway({
      AvailableAppointmentSlots: () => jsonResponse({ data: { availableAppointmentSlots: free } }),
      BookAppointment: () => {
        free = [afternoon];
        return jsonResponse({
          errors: [{ message: 'This time is no longer available', extensions: { code: 'CONFLICT' } }],
        });
      },
    });
    const { wrapper } = await mountPublic('/public/appointments');
    await wrapper.get('[data-testid="public-appointment-region"]').setValue('follo');
    await flushPromises();
    await wrapper.get(`[data-testid="public-appointment-slot-${morning.id}"]`).setValue(true);
    await fill(wrapper);
    await wrapper.get('[data-testid="public-appointment-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="public-appointment-slot-error"]').text()).toBe(
      'Timen ble akkurat tatt av en annen eller trukket tilbake. Listen er oppdatert: velg en annen.',
    );
    expect(callsOf(calls, 'AvailableAppointmentSlots')).toHaveLength(2);
    expect(wrapper.find(`[data-testid="public-appointment-slot-${morning.id}"]`).exists()).toBe(false);
  });

  it('says when the free times could not be loaded, and asks for the newly chosen region', async () => {
    const { calls } = stubPublicGateway({
      AvailableAppointmentSlots: (call) =>
        call.body.variables?.regionId === 'follo'
          ? jsonResponse({ errors: [{ message: 'Down.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
          : jsonResponse({ data: { availableAppointmentSlots: [afternoon] } }),
    });
    const { wrapper } = await mountPublic('/public/appointments');
    const region = wrapper.get('[data-testid="public-appointment-region"]');
    await region.setValue('follo');
    await flushPromises();
    expect(wrapper.get('[data-testid="public-appointment-error"]').text()).toBe(
      createStrictI18n('nb').global.t('publicAppointments.error'),
    );
    expect(wrapper.find(`[data-testid="public-appointment-slot-${morning.id}"]`).exists()).toBe(false);

    const other = (region.findAll('option').map((option) => option.attributes('value')) as string[]).find(
      (value) => value && value !== 'follo',
    );
    await region.setValue(other);
    await flushPromises();
    expect(callsOf(calls, 'AvailableAppointmentSlots').at(-1)?.body.variables).toMatchObject({ regionId: other });
    expect(wrapper.find(`[data-testid="public-appointment-slot-${afternoon.id}"]`).exists()).toBe(true);
  });

  it('is linked from the counselling page and the site menu', async () => {
    stubPublicGateway();
    const { wrapper } = await mountPublic('/public/counselling');
    expect(wrapper.get('[data-testid="public-book-instead"]').attributes('href')).toBe('/public/appointments');
    expect(wrapper.get('[data-testid="public-nav-appointments"]').text()).toBe('Bestill time');
  });
});
