// A client's counselling sessions on the client page (issue 22): a page at a time with preparation time and
// funding source, paging on, and logging a session with both (focus into the form, server field errors beside it).
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ClientSessions from '../src/components/ClientSessions.vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { createStrictI18n, type GraphQLCall, jsonResponse, queryLayer, stubGraphQL } from './fixtures';

enableAutoUnmount(afterEach);

beforeEach(() => {
  setActivePinia(createPinia());
});

afterEach(() => {
  setAccessTokenSource(undefined);
  setUnauthenticatedHandler(undefined);
});

const operation = (call: GraphQLCall) => /(?:query|mutation) (\w+)/.exec(call.body.query)?.[1] ?? '';
const session = (n: number) => ({
  id: `session-${n}`,
  date: `2026-03-${String(n).padStart(2, '0')}`,
  durationMinutes: 60,
  preparationMinutes: 30,
  fundingSource: n % 2 ? 'BASIC_SERVICE' : 'SUPPLEMENTARY_SERVICE',
  form: 'MEETING',
  topic: `Samtale ${n}`,
  // The newest session went past the free hours of the year.
  minutesBeyondFreeLimit: n === 20 ? 30 : 0,
  adviser: { id: 'adviser-1', name: 'Amira Haddad' },
});

function stubSessions(logAnswer?: (call: GraphQLCall) => Response) {
  return stubGraphQL((call) => {
    if (operation(call) === 'ClientSessionPage') {
      const offset = Number(call.body.variables?.offset ?? 0);
      const items = offset === 0 ? Array.from({ length: 10 }, (_, i) => session(20 - i)) : [session(1), session(2)];
      return jsonResponse({
        data: {
          client: { id: 'client-7', counsellingSessionPage: { totalCount: 12, hasNextPage: offset === 0, items } },
        },
      });
    }
    if (operation(call) === 'LogSessionWithDetails' && logAnswer) return logAnswer(call);
    throw new Error(`unexpected ${operation(call)}`);
  });
}

async function mountSessions() {
  const pinia = createPinia();
  const wrapper = mount(ClientSessions, {
    props: { clientId: 'client-7', counsels: true },
    global: { plugins: [pinia, queryLayer(pinia), createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

describe('the client page’s sessions', () => {
  it('shows a page with preparation time and funding source, and pages on', async () => {
    const { calls } = stubSessions();
    const wrapper = await mountSessions();
    const rows = wrapper.findAll('[data-session-page-row]');
    expect(rows).toHaveLength(10);
    expect(rows[0]?.findAll('td').map((cell) => cell.text().replace(/\s+/g, ' '))).toEqual([
      '20.03.2026',
      '60 min 30 min utover gratisgrensen',
      '30 min',
      'Regionens tilleggstjenester',
      'Møte',
      'Samtale 20',
      'Amira Haddad',
    ]);
    expect(rows[0]?.classes()).toContain('beyond');
    expect(rows[1]?.find('[data-testid="session-beyond"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="sessions-range"]').text()).toBe('1–10 av 12');
    await wrapper.get('[data-testid="sessions-next"]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)?.body.variables).toEqual({ id: 'client-7', first: 10, offset: 10 });
    expect(wrapper.get('[data-testid="sessions-range"]').text()).toBe('11–12 av 12');
    expect(wrapper.get('[data-testid="sessions-next"]').attributes('disabled')).toBeDefined();
  });

  it('logs a session with preparation time and funding source, the server’s field error beside the field', async () => {
    let attempt = 0;
    const { calls } = stubSessions(() =>
      ++attempt === 1
        ? jsonResponse({
            errors: [
              {
                message: 'input.preparationMinutes: at most 600 minutes',
                extensions: { code: 'BAD_USER_INPUT', field: 'input.preparationMinutes' },
              },
            ],
          })
        : jsonResponse({ data: { logCounsellingSession: { id: 'session-new' } } }),
    );
    const wrapper = await mountSessions();
    // Logged from the second page: the first, where the newest session is, shows afterwards.
    await wrapper.get('[data-testid="sessions-next"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="sessions-log-open"]').trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.get('[data-testid="sessions-date"]').element);
    await wrapper.get('[data-testid="sessions-date"]').setValue('2026-03-21');
    await wrapper.get('[data-testid="sessions-preparation"]').setValue('45');
    await wrapper.get('[data-testid="sessions-funding"]').setValue('PROJECT_OR_OTHER');
    await wrapper.get('[data-testid="sessions-topic"]').setValue(' Finansiering ');
    await wrapper.get('[data-testid="sessions-log-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="sessions-error-preparation"]').text()).toBe('Høyst 600 minutter.');
    await wrapper.get('[data-testid="sessions-log-form"]').trigger('submit');
    await flushPromises();
    expect(calls.filter((call) => operation(call) === 'LogSessionWithDetails')[1]?.body.variables).toEqual({
      input: {
        clientId: 'client-7',
        date: '2026-03-21',
        durationMinutes: 60,
        preparationMinutes: 45,
        fundingSource: 'PROJECT_OR_OTHER',
        form: 'MEETING',
        topic: 'Finansiering',
      },
    });
    expect(wrapper.get('[data-testid="sessions-notice"]').text()).toBe('Veiledningen er registrert.');
    expect(operation(calls.at(-1) as GraphQLCall)).toBe('ClientSessionPage');
    expect(calls.at(-1)?.body.variables).toEqual({ id: 'client-7', first: 10, offset: 0 });
    expect(wrapper.get('[data-testid="sessions-range"]').text()).toBe('1–10 av 12');
  });
});
