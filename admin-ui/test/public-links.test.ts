// The public pages of the one-time links in e-mails: a user survey (score 1–6 and a comment), stopping survey
// invitations, and cancelling a sign-up. Each checks its link first and says plainly when it is used up, expired,
// unknown or of another kind; all of it without a token, whoever is signed in.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { jsonResponse } from './fixtures';
import { callsOf, mountPublic, type PublicAnswers, stubPublicGateway } from './public-fixtures';

const token = 'q3J9xv0l2mT8cYbZ4RkA1sNwPfE6hUoD7iGjLaM5eKQ';

function link(kind: 'SURVEY' | 'UNSUBSCRIBE' | 'CANCEL', { valid = true, title = null as string | null } = {}) {
  return () => jsonResponse({ data: { publicLink: { kind, title, valid } } });
}

const refused =
  (code: string, message = 'No such link.') =>
  () =>
    jsonResponse({ errors: [{ message, extensions: { code } }] });

async function visit(path: string, answers: PublicAnswers) {
  const gateway = stubPublicGateway(answers);
  // Signed in as staff: the public pages must still send no token.
  const mounted = await mountPublic(path, { signedIn: true });
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

describe('the survey page', () => {
  it('asks what the link is for, then records a score and a comment and thanks the person', async () => {
    const { wrapper, calls } = await visit(`/public/survey/${token}`, {
      PublicLink: link('SURVEY', { title: 'Etablererkurs våren 2027' }),
      AnswerSurvey: () => jsonResponse({ data: { answerSurvey: true } }),
    });

    expect(callsOf(calls, 'PublicLink')[0]?.body.variables).toEqual({ token });
    expect(wrapper.get('h1').text()).toBe('Hva synes du om Etablererkurs våren 2027?');
    expect(document.title).toBe('Brukerundersøkelse – Etablerertjenesten');
    const form = wrapper.get('[data-testid="public-survey-form"]');
    expect(form.get('legend').text()).toContain('fra 1 (svært misfornøyd) til 6 (svært fornøyd)');
    expect(form.findAll('input[type="radio"]')).toHaveLength(6);
    expect(form.get('label[for="survey-comment"]').text()).toContain('Vil du si noe mer?');

    await wrapper.get('[data-testid="public-survey-score-5"]').setValue(true);
    await wrapper.get('[data-testid="public-survey-comment"]').setValue('  Nyttig kurs, gode eksempler. ');
    await form.trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'AnswerSurvey')[0]?.body.variables).toEqual({
      input: { token, score: 5, comment: 'Nyttig kurs, gode eksempler.' },
    });
    const done = wrapper.get('[data-testid="public-survey-done"]');
    expect(done.get('h2').text()).toBe('Takk for svaret!');
    expect(document.activeElement).toBe(done.get('h2').element);
    expect(wrapper.find('[data-testid="public-survey-form"]').exists()).toBe(false);
  });

  it('asks for a score before sending, with focus on the choice, and sends no comment when none is written', async () => {
    const { wrapper, calls } = await visit(`/public/survey/${token}`, {
      PublicLink: link('SURVEY'),
      AnswerSurvey: () => jsonResponse({ data: { answerSurvey: true } }),
    });
    expect(wrapper.get('h1').text()).toBe('Hva synes du om tilbudet?');

    await wrapper.get('[data-testid="public-survey-form"]').trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'AnswerSurvey')).toHaveLength(0);
    expect(wrapper.get('[data-testid="public-error-score"]').text()).toBe('Velg et tall fra 1 til 6.');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="public-survey-score-1"]').element);

    await wrapper.get('[data-testid="public-survey-score-2"]').setValue(true);
    await wrapper.get('[data-testid="public-survey-form"]').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'AnswerSurvey')[0]?.body.variables).toEqual({ input: { token, score: 2 } });
  });

  it('refuses markup in the comment as the other public forms do', async () => {
    const { wrapper, calls } = await visit(`/public/survey/${token}`, { PublicLink: link('SURVEY') });
    await wrapper.get('[data-testid="public-survey-score-4"]').setValue(true);
    await wrapper.get('[data-testid="public-survey-comment"]').setValue('<script>alert(1)</script>');
    await wrapper.get('[data-testid="public-survey-form"]').trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'AnswerSurvey')).toHaveLength(0);
    expect(wrapper.get('[data-testid="public-error-comment"]').text()).toBe(
      'Skriv vanlig tekst, uten HTML-kode eller tagger.',
    );
    expect(document.activeElement).toBe(wrapper.get('[data-testid="public-survey-comment"]').element);
  });

  it('says a used or expired link no longer works, and shows no form', async () => {
    const { wrapper, calls } = await visit(`/public/survey/${token}`, {
      PublicLink: link('SURVEY', { valid: false, title: 'Etablererkurs våren 2027' }),
    });

    const invalid = wrapper.get('[data-testid="public-link-invalid"]');
    expect(invalid.get('h2').text()).toBe('Lenken virker ikke lenger');
    expect(invalid.text()).toContain('allerede brukt');
    expect(invalid.get('a').attributes('href')).toBe('/public/offices');
    expect(wrapper.find('[data-testid="public-survey-form"]').exists()).toBe(false);
    expect(callsOf(calls, 'AnswerSurvey')).toHaveLength(0);
  });

  it('takes an unknown token, or a link of another kind, for a link that does not work', async () => {
    const unknown = await visit('/public/survey/not-a-token', { PublicLink: refused('NOT_FOUND') });
    expect(unknown.wrapper.find('[data-testid="public-link-invalid"]').exists()).toBe(true);
    unknown.wrapper.unmount();

    const cancelLink = await visit(`/public/survey/${token}`, { PublicLink: link('CANCEL', { title: 'Kurs' }) });
    expect(cancelLink.wrapper.find('[data-testid="public-link-invalid"]').exists()).toBe(true);
    expect(cancelLink.wrapper.find('[data-testid="public-survey-form"]').exists()).toBe(false);
  });

  it('says so when the link was used up while the form was open', async () => {
    const { wrapper } = await visit(`/public/survey/${token}`, {
      PublicLink: link('SURVEY'),
      AnswerSurvey: () =>
        jsonResponse({
          errors: [
            {
              message: 'token: the link has been used',
              extensions: { code: 'BAD_USER_INPUT', field: 'input.token' },
            },
          ],
        }),
    });
    await wrapper.get('[data-testid="public-survey-score-6"]').setValue(true);
    await wrapper.get('[data-testid="public-survey-form"]').trigger('submit');
    await flushPromises();

    const heading = wrapper.get('[data-testid="public-link-invalid"] h2');
    expect(document.activeElement).toBe(heading.element);
    expect(wrapper.find('[data-testid="public-survey-done"]').exists()).toBe(false);
  });

  it('shows a refusal of the score at the score, not as a broken link', async () => {
    const { wrapper } = await visit(`/public/survey/${token}`, {
      PublicLink: link('SURVEY'),
      AnswerSurvey: () =>
        jsonResponse({
          errors: [{ message: 'input.score: to 6', extensions: { code: 'BAD_USER_INPUT', field: 'input.score' } }],
        }),
    });
    await wrapper.get('[data-testid="public-survey-score-6"]').setValue(true);
    await wrapper.get('[data-testid="public-survey-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="public-error-score"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );
    expect(wrapper.find('[data-testid="public-link-invalid"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="public-survey-form"]').exists()).toBe(true);
  });

  it('offers to try again when the link could not be checked', async () => {
    let down = true;
    const { wrapper } = await visit(`/public/survey/${token}`, {
      PublicLink: () => (down ? jsonResponse({ message: 'Bad gateway' }, 502) : link('SURVEY')()),
    });
    const error = wrapper.get('[data-testid="public-link-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(wrapper.find('[data-testid="public-link-invalid"]').exists()).toBe(false);

    down = false;
    await error.get('button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="public-survey-form"]').exists()).toBe(true);
  });

  it('tells a person who sent too many answers how long to wait', async () => {
    const { wrapper } = await visit(`/public/survey/${token}`, {
      PublicLink: link('SURVEY'),
      AnswerSurvey: () =>
        jsonResponse({
          errors: [{ message: 'Too many requests.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 120 } }],
        }),
    });
    await wrapper.get('[data-testid="public-survey-score-3"]').setValue(true);
    await wrapper.get('[data-testid="public-survey-form"]').trigger('submit');
    await flushPromises();

    const error = wrapper.get('[data-testid="public-action-error"]');
    expect(error.text()).toBe('For mange forespørsler fra deg. Prøv igjen om 2 minutter.');
    expect(document.activeElement).toBe(error.element);
    expect(wrapper.find('[data-testid="public-survey-form"]').exists()).toBe(true);
  });
});

describe('the unsubscribe page', () => {
  it('stops the invitations on a press of the button, then says it is done', async () => {
    const { wrapper, calls } = await visit(`/public/unsubscribe/${token}`, {
      PublicLink: link('UNSUBSCRIBE'),
      UnsubscribeFromSurveys: () => jsonResponse({ data: { unsubscribeFromSurveys: true } }),
    });
    expect(wrapper.get('h1').text()).toBe('Meld deg av brukerundersøkelser');
    // Nothing happens by merely opening the link: a mail scanner following it unsubscribes nobody.
    expect(callsOf(calls, 'UnsubscribeFromSurveys')).toHaveLength(0);

    await wrapper.get('[data-testid="public-unsubscribe-form"]').trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'UnsubscribeFromSurveys')[0]?.body.variables).toEqual({ token });
    const done = wrapper.get('[data-testid="public-unsubscribe-done"]');
    expect(done.text()).toContain('Du er meldt av');
    expect(document.activeElement).toBe(done.get('h2').element);
  });

  it('says a link that does not work does not work', async () => {
    const { wrapper } = await visit(`/public/unsubscribe/${token}`, { PublicLink: refused('BAD_USER_INPUT') });
    expect(wrapper.find('[data-testid="public-link-invalid"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="public-unsubscribe-form"]').exists()).toBe(false);
  });
});

describe('the cancel page', () => {
  it('names the course, asks to confirm, then says it is cancelled', async () => {
    const { wrapper, calls } = await visit(`/public/cancel/${token}`, {
      PublicLink: link('CANCEL', { title: 'Etablererkurs våren 2027' }),
      CancelWebsiteRequest: () => jsonResponse({ data: { cancelWebsiteRequest: true } }),
    });
    expect(wrapper.get('[data-testid="public-cancel-lead"]').text()).toContain(
      'Vil du avbestille «Etablererkurs våren 2027»?',
    );
    const button = wrapper.get('[data-testid="public-cancel-submit"]');
    expect(button.attributes('aria-describedby')).toBe('public-cancel-lead public-cancel-note');
    expect(callsOf(calls, 'CancelWebsiteRequest')).toHaveLength(0);

    await wrapper.get('[data-testid="public-cancel-form"]').trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'CancelWebsiteRequest')[0]?.body.variables).toEqual({ token });
    expect(wrapper.get('[data-testid="public-cancel-done"]').text()).toContain(
      'Vi har registrert at du avbestiller «Etablererkurs våren 2027».',
    );
  });

  it('asks plainly when the link names nothing', async () => {
    const { wrapper } = await visit(`/public/cancel/${token}`, { PublicLink: link('CANCEL') });
    expect(wrapper.get('[data-testid="public-cancel-lead"]').text()).toBe(
      'Vil du avbestille påmeldingen eller forespørselen din?',
    );
  });

  it('says an already used cancel link no longer works, and offers no button', async () => {
    const { wrapper } = await visit(`/public/cancel/${token}`, {
      PublicLink: link('CANCEL', { valid: false, title: 'Etablererkurs våren 2027' }),
    });
    expect(wrapper.get('[data-testid="public-link-invalid"] h2').text()).toBe('Lenken virker ikke lenger');
    expect(wrapper.find('[data-testid="public-cancel-submit"]').exists()).toBe(false);
  });

  it('takes a false answer (nothing cancelled) for a link that no longer works', async () => {
    const { wrapper } = await visit(`/public/cancel/${token}`, {
      PublicLink: link('CANCEL', { title: 'Kurs' }),
      CancelWebsiteRequest: () => jsonResponse({ data: { cancelWebsiteRequest: false } }),
    });
    await wrapper.get('[data-testid="public-cancel-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="public-cancel-done"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="public-link-invalid"]').exists()).toBe(true);
  });

  it('speaks English', async () => {
    localStorage.setItem('etablerertjenesten.locale', 'en');
    const { wrapper } = await visit(`/public/cancel/${token}`, {
      PublicLink: link('CANCEL', { valid: false }),
    });
    expect(wrapper.get('[data-testid="public-link-invalid"] h2').text()).toBe('The link no longer works');
  });
});
