// The development mail page: offered (in the header and as a route) only when /auth/config says devMail; lists what
// the SMTP catcher got, newest first, and shows a message's text and its HTML only in a sandboxed frame.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from '../src/App.vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { createAppRouter } from '../src/router';
import { accessTokenFor, createStrictI18n, jsonResponse, queryLayer, startSignedIn } from './fixtures';

const receipt = {
  id: 'm2',
  messageId: '<5f1e0c2a-1111-4000-8000-000000000002@etablerertjenesten>',
  from: 'Etablerertjenesten <ikke-svar@etablerertjenesten.no>',
  to: ['nora@example.no'],
  subject: 'Kvittering: Etablererkurs våren 2027',
  date: '2026-12-07T10:30:00.000Z',
  text: 'Hei Nora!\nReferansen din er ET-7K3QX9.',
  html: '<p>Hei Nora!</p><script>parent.document.title = "owned"</script>',
};

const invitation = {
  id: 'm1',
  messageId: '<5f1e0c2a-1111-4000-8000-000000000001@etablerertjenesten>',
  from: { text: 'Etablerertjenesten <ikke-svar@etablerertjenesten.no>' },
  // As mailparser gives addresses.
  to: { value: [{ address: 'ola@example.no', name: 'Ola Hansen' }], text: 'Ola Hansen <ola@example.no>' },
  subject: 'Hva synes du om veiledningen?',
  date: '2026-12-07T09:00:00.000Z',
  text: 'Svar her: https://example.no/public/survey/abc',
  html: null,
};

interface Stub {
  devMail: boolean;
  messages?: () => Response;
}

/** The gateway: /auth/config, /dev/mail/messages, and GraphQL answered with nothing (the bell's count fails quietly). */
function stubGateway({ devMail, messages = () => jsonResponse([receipt, invitation]) }: Stub) {
  const requests: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const method = init?.method ?? 'GET';
      requests.push(`${method} ${url}`);
      if (method === 'GET' && url === '/auth/config') return jsonResponse({ oidc: true, devSignIn: true, devMail });
      if (method === 'GET' && url === '/dev/mail/messages') return messages();
      if (method === 'POST' && url === '/graphql') return jsonResponse({ errors: [{ message: 'not in this test' }] });
      throw new Error(`Unexpected network call in a unit test: ${method} ${url}`);
    }),
  );
  return requests;
}

async function mountApp(path: string) {
  const pinia = createPinia();
  setActivePinia(pinia);
  startSignedIn(accessTokenFor('follo.adviser'));
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router };
}

enableAutoUnmount(afterEach);

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  setAccessTokenSource(undefined);
  setUnauthenticatedHandler(undefined);
});

describe('the development mail page', () => {
  it('is neither in the menu nor reachable when the gateway does not say devMail', async () => {
    const requests = stubGateway({ devMail: false });
    const { wrapper, router } = await mountApp('/gatherings');
    expect(requests).toContain('GET /auth/config');
    expect(wrapper.find('[data-testid="nav-dev-mail"]').exists()).toBe(false);

    await router.push('/dev/mail');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('not-found');
    expect(requests).not.toContain('GET /dev/mail/messages');
  });

  it('is hidden when the gateway cannot say', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new Error('offline');
      }),
    );
    const { wrapper } = await mountApp('/gatherings');
    expect(wrapper.find('[data-testid="nav-dev-mail"]').exists()).toBe(false);
  });

  it('lists the messages with subject, recipient and time when the gateway says devMail', async () => {
    const requests = stubGateway({ devMail: true });
    const { wrapper, router } = await mountApp('/gatherings');
    const link = wrapper.get('[data-testid="nav-dev-mail"]');
    expect(link.text()).toBe('Sendt e-post (utvikling)');

    await router.push('/dev/mail');
    await flushPromises();

    expect(requests.filter((request) => request === 'GET /auth/config')).toHaveLength(1);
    expect(wrapper.get('h1').text()).toBe('Sendt e-post (utvikling)');
    const rows = wrapper.findAll('[data-testid="dev-mail-table"] tbody tr');
    expect(
      rows.map((row) =>
        row
          .findAll('th, td')
          .map((cell) => cell.text())
          .slice(0, 3),
      ),
    ).toEqual([
      ['Kvittering: Etablererkurs våren 2027', 'nora@example.no', '07.12.2026 11:30'],
      ['Hva synes du om veiledningen?', 'Ola Hansen <ola@example.no>', '07.12.2026 10:00'],
    ]);

    // "Last inn på nytt" asks the catcher again, for mail sent since.
    const asked = requests.filter((request) => request === 'GET /dev/mail/messages').length;
    await wrapper.get('[data-testid="dev-mail-reload"]').trigger('click');
    await flushPromises();
    expect(requests.filter((request) => request === 'GET /dev/mail/messages')).toHaveLength(asked + 1);
  });

  it('shows a message in a dialog: text as text, HTML only in a sandboxed frame; Escape closes it', async () => {
    stubGateway({ devMail: true });
    const { wrapper } = await mountApp('/dev/mail');
    const show = wrapper.get('[data-testid="dev-mail-show-m2"]');
    expect(show.attributes('aria-label')).toBe('Vis e-posten «Kvittering: Etablererkurs våren 2027»');

    await show.trigger('click');
    await flushPromises();

    const dialog = wrapper.get('[data-testid="dev-mail-dialog"]');
    expect(dialog.attributes('role')).toBe('dialog');
    expect(dialog.attributes('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="dev-mail-close"]').element);
    expect(dialog.get('[data-testid="dev-mail-text"]').text()).toBe('Hei Nora!\nReferansen din er ET-7K3QX9.');
    const frame = dialog.get('[data-testid="dev-mail-html"]');
    expect(frame.element.tagName).toBe('IFRAME');
    expect(frame.attributes('sandbox')).toBe('');
    expect(frame.attributes('srcdoc')).toBe(receipt.html);
    expect(frame.attributes('src')).toBeUndefined();
    // The mail's markup never enters the console's own document.
    expect(dialog.find('script').exists()).toBe(false);
    expect(dialog.text()).toContain(receipt.messageId);

    await dialog.trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="dev-mail-dialog"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="dev-mail-show-m2"]').element);
  });

  it('says when nothing has been sent, and when the catcher is not there', async () => {
    stubGateway({ devMail: true, messages: () => jsonResponse([]) });
    const empty = await mountApp('/dev/mail');
    expect(empty.wrapper.get('[data-testid="dev-mail-empty"]').text()).toBe('Ingen e-post er sendt ennå.');
    empty.wrapper.unmount();

    stubGateway({ devMail: true, messages: () => jsonResponse({ error: 'not_found' }, 404) });
    const missing = await mountApp('/dev/mail');
    expect(missing.wrapper.get('[data-testid="dev-mail-error"]').text()).toContain('SMTP-fangeren svarer ikke');
  });
});
