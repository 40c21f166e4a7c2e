// The console's input limits are the regions subgraph's own (src/input-limits.ts there, whose test shows the server
// takes each at exactly its length and refuses one character more): the forms' maxlength and the console's own checks
// before sending take the same constants, so they never offer more than the server takes, nor refuse what it takes.
import { clientLimits, courseLimits, recordLimits, sessionLimits } from '@etablerer/regions/input-limits';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import ClientSessions from '../src/components/ClientSessions.vue';
import CourseForm from '../src/components/CourseForm.vue';
import { checkIntake, emptyIntake } from '../src/composables/clientIntake';
import { checkRequiredText, maxFollowUpNoteLength } from '../src/composables/clientRecordRules';
import { checkCourseDraft, emptyCourseDraft } from '../src/composables/courseForm';
import ClientNewView from '../src/views/ClientNewView.vue';
import { accessTokenFor, createStrictI18n, jsonResponse, queryLayer, stubGraphQL, testingPinia } from './fixtures';

enableAutoUnmount(afterEach);

const text = (length: number) => 'a'.repeat(length);

/** Mounts `component` signed in as Follo's adviser, the gateway answering what the forms ask for with nothing. */
async function mountForm(component: Parameters<typeof mount>[0], props: Record<string, unknown> = {}) {
  stubGraphQL((call) => {
    const regionId = call.body.variables?.regionId;
    if (call.body.query.includes('query ClientMunicipalities')) {
      return jsonResponse({
        data: { region: { id: regionId, municipalities: [{ number: '3020', name: 'Nordre Follo' }] } },
      });
    }
    if (call.body.query.includes('query CourseAdvisers')) {
      return jsonResponse({ data: { region: { id: regionId, advisers: [] } } });
    }
    if (call.body.query.includes('query ClientSessionPage')) {
      return jsonResponse({
        data: { client: { id: 'client-7', counsellingSessionPage: { totalCount: 0, hasNextPage: false, items: [] } } },
      });
    }
    throw new Error(`Unexpected operation: ${call.body.query}`);
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor('follo.adviser') } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/clients', name: 'clients', component: { template: '<p />' } },
      { path: '/clients/new', name: 'client-new', component: { template: '<p />' } },
      { path: '/clients/:id', name: 'client', component: { template: '<p />' } },
    ],
  });
  await router.push('/clients/new');
  await router.isReady();
  const wrapper = mount(component, {
    props,
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

describe("the console's input limits", () => {
  it("lets no more into the intake form than the server takes, and checks the server's length itself", async () => {
    const wrapper = await mountForm(ClientNewView);
    expect(wrapper.get('[data-testid="intake-business-idea"]').attributes('maxlength')).toBe(
      String(clientLimits.businessIdea),
    );
    expect(wrapper.get('[data-testid="intake-name"]').attributes('maxlength')).toBe(String(clientLimits.name));

    const draft = { ...emptyIntake(), name: 'Nadia Rahman', municipalityNumber: '3020' };
    expect(checkIntake('follo', { ...draft, businessIdea: text(clientLimits.businessIdea) }).ok).toBe(true);
    expect(checkIntake('follo', { ...draft, businessIdea: text(clientLimits.businessIdea + 1) })).toEqual({
      ok: false,
      errors: { businessIdea: 'tooLong' },
    });
  });

  it("gives the new-course form the server's lengths and largest capacity", async () => {
    const wrapper = await mountForm(CourseForm, { regionId: 'follo', regionName: 'Follo' });
    expect(wrapper.get('[data-testid="course-title"]').attributes('maxlength')).toBe(String(courseLimits.title));
    expect(wrapper.get('[data-testid="course-location"]').attributes('maxlength')).toBe(String(courseLimits.location));

    const draft = { ...emptyCourseDraft(), startsOn: '2030-03-01', endsOn: '2030-03-01', online: true, capacity: '2' };
    expect(checkCourseDraft({ ...draft, title: text(courseLimits.title) }, 'follo').errors).toEqual({});
    expect(checkCourseDraft({ ...draft, title: text(courseLimits.title + 1) }, 'follo').errors).toEqual({
      title: 'tooLong',
    });
    const capacity = (places: number) =>
      checkCourseDraft({ ...draft, title: 'Kurs', capacity: String(places) }, 'follo');
    expect(capacity(courseLimits.capacity).errors).toEqual({});
    expect(capacity(courseLimits.capacity + 1).errors).toEqual({ capacity: 'capacity' });
  });

  it("gives a session's topic and a follow-up's note the server's lengths", async () => {
    const wrapper = await mountForm(ClientSessions, { clientId: 'client-7', counsels: true });
    await wrapper.get('[data-testid="sessions-log-open"]').trigger('click');
    expect(wrapper.get('[data-testid="sessions-topic"]').attributes('maxlength')).toBe(String(sessionLimits.topic));

    expect(maxFollowUpNoteLength).toBe(recordLimits.followUpNote);
    expect(checkRequiredText(text(recordLimits.followUpNote), maxFollowUpNoteLength)).toBeNull();
    expect(checkRequiredText(text(recordLimits.followUpNote + 1), maxFollowUpNoteLength)).toBe('tooLong');
  });
});
