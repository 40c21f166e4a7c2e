// The public page where a client confirms an impact figure with the link from the adviser's e-mail (issue 22):
// the figure as the server words it, one button, then thanks; a used or expired link says so. No token is sent.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { jsonResponse } from './fixtures';
import { callsOf, mountPublic, type PublicAnswers, stubPublicGateway } from './public-fixtures';

const token = 'q3J9xv0l2mT8cYbZ4RkA1sNwPfE6hUoD7iGjLaM5eKQ';
const figure = 'Kapital hentet: NOK 250000.00 (tilskudd) per 15. juni 2026';

async function visit(answers: PublicAnswers) {
  const gateway = stubPublicGateway(answers);
  const mounted = await mountPublic(`/public/impact/${token}`, { signedIn: true });
  await flushPromises();
  return { ...mounted, ...gateway };
}

enableAutoUnmount(afterEach);

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  setAccessTokenSource(undefined);
  setUnauthenticatedHandler(undefined);
});

describe('the impact confirmation page', () => {
  it('shows the figure, confirms it without a token, and thanks the client', async () => {
    const { wrapper, calls } = await visit({
      PublicLink: () =>
        jsonResponse({ data: { publicLink: { kind: 'IMPACT_CONFIRMATION', title: figure, valid: true } } }),
      ConfirmImpact: () => jsonResponse({ data: { confirmImpact: true } }),
    });
    expect(wrapper.get('h1').text()).toBe('Bekreft tallet');
    expect(document.title).toBe('Bekreft tallet – Etablerertjenesten');
    expect(wrapper.get('[data-testid="public-impact-figure"]').text()).toBe(figure);

    await wrapper.get('[data-testid="public-impact-form"]').trigger('submit');
    await flushPromises();

    const sent = callsOf(calls, 'ConfirmImpact')[0];
    expect(sent?.body.variables).toEqual({ token });
    expect(sent?.headers.get('authorization')).toBeNull();
    const done = wrapper.get('[data-testid="public-impact-done"]');
    expect(done.get('h2').text()).toBe('Takk!');
    expect(document.activeElement).toBe(done.get('h2').element);
  });

  it('says plainly that a used link no longer works, and offers no button', async () => {
    const { wrapper } = await visit({
      PublicLink: () =>
        jsonResponse({ data: { publicLink: { kind: 'IMPACT_CONFIRMATION', title: figure, valid: false } } }),
    });
    expect(wrapper.find('[data-testid="public-impact-form"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Lenken virker ikke lenger');
  });
});
