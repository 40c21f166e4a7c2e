// The public forms: a course sign-up and a request for counselling are checked in the browser with
// the server's rules, refusals from the server show at their fields, RATE_LIMITED says how long to
// wait, and the receipt gives the reference without anything the person typed, nor where a sign-up
// landed (that would tell whoever typed an address whether it already held a place).
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCounselling, checkSignUp, emptyPerson, type PersonDraft } from '../src/composables/publicForm';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { forbidNetwork, jsonResponse } from './fixtures';
import {
  basicCourse,
  basicCourseId,
  callsOf,
  counsellingReceipt,
  coursePage,
  fullThemeCourse,
  mountPublic,
  type PublicAnswers,
  signUpReceipt,
  stubPublicGateway,
} from './public-fixtures';

const follo = { municipalityNumbers: ['3207', '3209', '3214'] };

function person(overrides: Partial<PersonDraft> = {}): PersonDraft {
  return {
    ...emptyPerson(),
    name: 'Nora Nilsen',
    email: 'nora@example.no',
    municipalityNumber: '3209',
    consentToProcessing: true,
    ...overrides,
  };
}

function badInput(field: string, message: string) {
  return jsonResponse({ errors: [{ message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field } }] });
}

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

describe('the form rules', () => {
  it('builds the input from a valid draft, trimmed, without the optional fields left empty', () => {
    expect(checkSignUp(basicCourseId, person({ name: '  Nora   Nilsen ', email: ' nora@example.no ' }), follo)).toEqual(
      {
        ok: true,
        input: {
          courseId: basicCourseId,
          person: {
            name: 'Nora Nilsen',
            email: 'nora@example.no',
            municipalityNumber: '3209',
            immigrantBackground: 'UNKNOWN',
            consentToProcessing: true,
          },
        },
      },
    );
    expect(
      checkCounselling(
        person({ phone: '+47 900 00 000', businessIdea: ' Sykkelverksted ', immigrantBackground: 'YES' }),
        ' Regnskap ',
      ),
    ).toEqual({
      ok: true,
      input: {
        message: 'Regnskap',
        person: {
          name: 'Nora Nilsen',
          email: 'nora@example.no',
          phone: '+47 900 00 000',
          municipalityNumber: '3209',
          businessIdea: 'Sykkelverksted',
          immigrantBackground: 'YES',
          consentToProcessing: true,
        },
      },
    });
  });

  it('requires consent, a name, an e-mail address and a municipality', () => {
    expect(checkSignUp(basicCourseId, emptyPerson(), follo)).toEqual({
      ok: false,
      errors: {
        'person.name': 'required',
        'person.email': 'required',
        'person.municipalityNumber': 'required',
        'person.consentToProcessing': 'consent',
      },
    });
    expect(checkSignUp(basicCourseId, person({ consentToProcessing: false }), follo)).toEqual({
      ok: false,
      errors: { 'person.consentToProcessing': 'consent' },
    });
  });

  it('refuses markup, control characters and oversized text, as the server does', () => {
    const refused = (draft: PersonDraft, message = 'Hjelp') =>
      checkCounselling(draft, message).ok ? {} : (checkCounselling(draft, message) as { errors: object }).errors;
    expect(refused(person({ businessIdea: '<script>alert(1)</script>' }))).toEqual({ 'person.businessIdea': 'markup' });
    expect(refused(person(), 'Se < img src=x onerror=alert(1)>')).toEqual({ message: 'markup' });
    expect(refused(person(), 'a'.repeat(1001))).toEqual({ message: 'tooLong' });
    expect(refused(person(), 'a'.repeat(1000))).toEqual({});
    expect(refused(person({ businessIdea: 'b'.repeat(1001) }))).toEqual({ 'person.businessIdea': 'tooLong' });
    expect(refused(person(), 'Skjult\u202Etekst')).toEqual({ message: 'controlCharacters' });
    expect(refused(person(), '   ')).toEqual({ message: 'required' });
    // Comparisons are text, not markup.
    expect(refused(person(), 'Omsetning < 1 million og > 0')).toEqual({});
  });

  it("checks names, e-mail addresses, phone numbers and municipalities with the server's patterns", () => {
    const errorsOf = (draft: PersonDraft) => {
      const checked = checkSignUp(basicCourseId, draft, follo);
      return checked.ok ? {} : checked.errors;
    };
    expect(errorsOf(person({ name: "Åse O'Neil-Bø Jr." }))).toEqual({});
    expect(errorsOf(person({ name: 'N' }))).toEqual({ 'person.name': 'nameLength' });
    expect(errorsOf(person({ name: 'N'.repeat(101) }))).toEqual({ 'person.name': 'nameLength' });
    expect(errorsOf(person({ name: 'Nora <b>' }))).toEqual({ 'person.name': 'nameCharacters' });
    expect(errorsOf(person({ name: 'R2D2' }))).toEqual({ 'person.name': 'nameCharacters' });
    expect(errorsOf(person({ email: 'nora@' }))).toEqual({ 'person.email': 'email' });
    expect(errorsOf(person({ email: 'nora@example' }))).toEqual({ 'person.email': 'email' });
    expect(errorsOf(person({ phone: '1234' }))).toEqual({ 'person.phone': 'phone' });
    expect(errorsOf(person({ phone: '900-00-000' }))).toEqual({ 'person.phone': 'phone' });
    expect(errorsOf(person({ phone: '+47 900 00 000' }))).toEqual({});
    expect(errorsOf(person({ municipalityNumber: '3101' }))).toEqual({ 'person.municipalityNumber': 'outsideRegion' });
  });
});

/** Fills the person's part of a public form. */
async function fillPerson(wrapper: VueWrapper, values: Partial<PersonDraft> = {}) {
  const draft = person(values);
  await wrapper.get('[data-testid="public-name"]').setValue(draft.name);
  await wrapper.get('[data-testid="public-email"]').setValue(draft.email);
  await wrapper.get('[data-testid="public-phone"]').setValue(draft.phone);
  await wrapper.get('[data-testid="public-municipality"]').setValue(draft.municipalityNumber);
  await wrapper.get('[data-testid="public-business-idea"]').setValue(draft.businessIdea);
  await wrapper.get(`[data-testid="public-background-${draft.immigrantBackground}"]`).setValue(true);
  await wrapper.get('[data-testid="public-consent"]').setValue(draft.consentToProcessing);
}

const signUpPath = `/public/courses/${basicCourseId}/sign-up`;

function signUpGateway(answers: PublicAnswers = {}) {
  return stubPublicGateway({
    PublicCalendar: () => jsonResponse({ data: { publicCourses: coursePage([basicCourse, fullThemeCourse]) } }),
    ...answers,
  });
}

const fieldError = (wrapper: VueWrapper, field: string) => wrapper.get(`[data-testid="public-error-${field}"]`).text();

describe('signing up for a course', () => {
  it("shows the course and offers its region's municipalities first", async () => {
    signUpGateway();
    const { wrapper } = await mountPublic(signUpPath);

    expect(wrapper.get('h1').text()).toBe('Påmelding: Etablererkurs våren 2027');
    expect(wrapper.get('[data-testid="public-sign-up-course"]').text()).toContain('Gratis');
    const groups = wrapper.get('[data-testid="public-municipality"]').findAll('optgroup');
    expect(groups.map((group) => group.attributes('label'))).toEqual(['Kommuner i Follo', 'Andre kommuner']);
    expect(groups[0]?.findAll('option').map((option) => option.text())).toEqual(['Frogn', 'Nordre Follo', 'Ås']);
    expect(groups[1]?.findAll('option').map((option) => option.text())).toEqual(['Aremark', 'Halden']);
    expect(wrapper.get('[data-testid="public-municipality-hint"]').text()).toBe(
      'Kurset er for deg som bor i en av kommunene i Follo.',
    );
    expect(wrapper.get('[data-testid="public-privacy-link"]').attributes('href')).toBe('/public/privacy');
  });

  it('shows what is wrong at each field before anything is sent, and moves focus to the first', async () => {
    const { calls } = signUpGateway();
    const { wrapper } = await mountPublic(signUpPath);

    await wrapper.get('[data-testid="public-business-idea"]').setValue('<script>alert("x")</script>');
    await wrapper.get('[data-testid="public-sign-up-form"]').trigger('submit');
    await flushPromises();

    expect(fieldError(wrapper, 'person.name')).toBe('Må fylles ut.');
    expect(fieldError(wrapper, 'person.email')).toBe('Må fylles ut.');
    expect(fieldError(wrapper, 'person.municipalityNumber')).toBe('Må fylles ut.');
    expect(fieldError(wrapper, 'person.businessIdea')).toBe('Skriv vanlig tekst, uten HTML-kode eller tagger.');
    expect(fieldError(wrapper, 'person.consentToProcessing')).toBe('Du må samtykke før vi kan ta imot opplysningene.');
    const name = wrapper.get('[data-testid="public-name"]');
    expect(name.attributes('aria-invalid')).toBe('true');
    expect(name.attributes('aria-describedby')).toBe('sign-up-person-name-error');
    expect(document.activeElement).toBe(name.element);
    expect(wrapper.get('[data-testid="public-sign-up-summary"]').attributes('role')).toBe('alert');
    expect(callsOf(calls, 'SignUpForCourse')).toHaveLength(0);
  });

  it('refuses an oversized business idea and shows how long it is', async () => {
    const { calls } = signUpGateway();
    const { wrapper } = await mountPublic(signUpPath);
    await fillPerson(wrapper, { businessIdea: 'x'.repeat(1001) });

    expect(wrapper.text()).toContain('1001 av 1000 tegn');
    await wrapper.get('[data-testid="public-sign-up-form"]').trigger('submit');
    await flushPromises();

    expect(fieldError(wrapper, 'person.businessIdea')).toBe('Teksten er for lang: høyst 1000 tegn.');
    expect(callsOf(calls, 'SignUpForCourse')).toHaveLength(0);
  });

  it("explains, and refuses, a municipality outside the course's region", async () => {
    const { calls } = signUpGateway();
    const { wrapper } = await mountPublic(signUpPath);
    await fillPerson(wrapper, { municipalityNumber: '3101' });

    expect(wrapper.get('[data-testid="public-sign-up-elsewhere"]').text()).toContain(
      'Halden hører til Halden. Dette kurset er for deg som bor i Follo.',
    );
    expect(wrapper.get('[data-testid="public-sign-up-elsewhere"] a').attributes('href')).toBe(
      '/public/courses?region=halden',
    );
    await wrapper.get('[data-testid="public-sign-up-form"]').trigger('submit');
    await flushPromises();

    expect(fieldError(wrapper, 'person.municipalityNumber')).toBe(
      'Kurset er for deg som bor i Follo. Halden hører til Halden; se kursene der i kurskalenderen.',
    );
    expect(callsOf(calls, 'SignUpForCourse')).toHaveLength(0);
  });

  it("shows the server's field errors at their fields", async () => {
    signUpGateway({ SignUpForCourse: () => badInput('input.person.email', 'not an e-mail address') });
    const { wrapper } = await mountPublic(signUpPath);
    await fillPerson(wrapper);
    await wrapper.get('[data-testid="public-sign-up-form"]').trigger('submit');
    await flushPromises();

    expect(fieldError(wrapper, 'person.email')).toBe('Skriv en gyldig e-postadresse.');
    const email = wrapper.get('[data-testid="public-email"]');
    expect(email.attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email.element);
    expect(wrapper.get('[data-testid="public-action-error"]').text()).toBe(
      'Noen felt må rettes. Se meldingene ved feltene.',
    );
    // What the person typed stays, so they can correct it.
    expect((email.element as HTMLInputElement).value).toBe('nora@example.no');
  });

  it('shows a refusal of the course itself above the form', async () => {
    signUpGateway({ SignUpForCourse: () => badInput('input.courseId', 'the course is not open for sign-up') });
    const { wrapper } = await mountPublic(signUpPath);
    await fillPerson(wrapper);
    await wrapper.get('[data-testid="public-sign-up-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="public-error-courseId"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );
  });

  it('says how many minutes to wait when the service refuses too many requests', async () => {
    signUpGateway({
      SignUpForCourse: () =>
        jsonResponse(
          {
            errors: [
              {
                message: 'Too many sign-ups and requests from your address; try again in 9 minute(s).',
                extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 530 },
              },
            ],
          },
          429,
        ),
    });
    const { wrapper } = await mountPublic(signUpPath);
    await fillPerson(wrapper);
    await wrapper.get('[data-testid="public-sign-up-form"]').trigger('submit');
    await flushPromises();

    const message = wrapper.get('[data-testid="public-action-error"]');
    expect(message.text()).toBe('For mange forespørsler fra deg. Prøv igjen om 9 minutter.');
    expect(message.attributes('role')).toBe('alert');
    expect(document.activeElement).toBe(message.element);
  });

  it('confirms with the reference and the region, without the personal data, and clears the form', async () => {
    const { calls } = signUpGateway({
      SignUpForCourse: () => jsonResponse({ data: { signUpForCourse: signUpReceipt } }),
    });
    const { wrapper } = await mountPublic(signUpPath, { signedIn: true });
    await fillPerson(wrapper, { phone: '90000000', businessIdea: 'Sykkelverksted på Ås' });
    await wrapper.get('[data-testid="public-sign-up-form"]').trigger('submit');
    await flushPromises();

    const mutation = callsOf(calls, 'SignUpForCourse');
    expect(mutation).toHaveLength(1);
    expect(mutation[0]?.headers.has('authorization')).toBe(false);
    expect(mutation[0]?.body.variables).toEqual({
      input: {
        courseId: basicCourseId,
        person: {
          name: 'Nora Nilsen',
          email: 'nora@example.no',
          phone: '90000000',
          municipalityNumber: '3209',
          businessIdea: 'Sykkelverksted på Ås',
          immigrantBackground: 'UNKNOWN',
          consentToProcessing: true,
        },
      },
    });

    const receipt = wrapper.get('[data-testid="public-receipt"]');
    expect(receipt.get('h2').text()).toBe('Takk! Vi har tatt imot påmeldingen din.');
    expect(document.activeElement).toBe(receipt.get('h2').element);
    expect(receipt.get('[data-testid="public-receipt-reference"]').text()).toBe('ET-7K3QX9');
    expect(receipt.get('[data-testid="public-receipt-confirmation"]').text()).toBe(
      'Vi bekrefter plassen din på kurset, eller på ventelisten hvis kurset er fullt, når vi tar kontakt.',
    );
    expect(receipt.get('[data-testid="public-receipt-region"]').text()).toBe(
      'Etablerertjenesten i Follo tar kontakt med deg.',
    );
    expect(receipt.text()).toContain('Etablerersenteret Ski, Jernbanesvingen 6, 1400 Ski');
    for (const typed of ['Nora', 'nora@example.no', '90000000', 'Sykkelverksted']) {
      expect(wrapper.text()).not.toContain(typed);
    }
    expect(wrapper.find('[data-testid="public-sign-up-form"]').exists()).toBe(false);

    await receipt.get('[data-testid="public-receipt-again"]').trigger('click');
    expect((wrapper.get('[data-testid="public-name"]').element as HTMLInputElement).value).toBe('');
    expect((wrapper.get('[data-testid="public-email"]').element as HTMLInputElement).value).toBe('');
    expect((wrapper.get('[data-testid="public-consent"]').element as HTMLInputElement).checked).toBe(false);
  });

  it('neither asks nor tells where a sign-up landed, so a full course gets the same receipt as any', async () => {
    const { calls } = signUpGateway({
      SignUpForCourse: () =>
        jsonResponse({
          data: {
            signUpForCourse: {
              ...signUpReceipt,
              region: { ...signUpReceipt.region, id: 'halden', name: 'Halden' },
              course: { id: fullThemeCourse.id, title: fullThemeCourse.title, startsOn: fullThemeCourse.startsOn },
            },
          },
        }),
    });
    const { wrapper } = await mountPublic(`/public/courses/${fullThemeCourse.id}/sign-up`);
    expect(wrapper.get('[data-testid="public-sign-up-full"]').text()).toContain('ventelisten');
    expect(wrapper.get('[data-testid="public-sign-up-submit"]').text()).toBe('Sett meg på ventelisten');
    await fillPerson(wrapper, { municipalityNumber: '3118' });
    await wrapper.get('[data-testid="public-sign-up-form"]').trigger('submit');
    await flushPromises();

    // The deprecated placement is not even asked for: the answer is the same for a new address and
    // one that holds a place already.
    expect(callsOf(calls, 'SignUpForCourse')[0]?.body.query).not.toContain('placement');
    expect(wrapper.find('[data-testid="public-receipt-placement"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="public-receipt-confirmation"]').text()).toBe(
      'Vi bekrefter plassen din på kurset, eller på ventelisten hvis kurset er fullt, når vi tar kontakt.',
    );
    expect(wrapper.get('[data-testid="public-receipt-course"]').text()).toBe(
      'Kurs: Markedsføring på nett, som starter ons. 14. april 2027.',
    );
  });

  it('says when the course is no longer in the calendar', async () => {
    stubPublicGateway({ PublicCourse: () => jsonResponse({ data: { publicCourse: null } }) });
    const { wrapper } = await mountPublic(signUpPath);
    expect(wrapper.get('[data-testid="public-sign-up-missing"]').text()).toContain('finnes ikke i kalenderen lenger');
    expect(wrapper.find('[data-testid="public-sign-up-form"]').exists()).toBe(false);
  });
});

describe('asking for counselling', () => {
  it('requires a message and consent, and refuses markup in the message', async () => {
    const { calls } = stubPublicGateway();
    const { wrapper } = await mountPublic('/public/counselling');
    await fillPerson(wrapper, { consentToProcessing: false });

    await wrapper.get('[data-testid="public-counselling-form"]').trigger('submit');
    await flushPromises();
    expect(fieldError(wrapper, 'message')).toBe('Må fylles ut.');
    expect(fieldError(wrapper, 'person.consentToProcessing')).toBe('Du må samtykke før vi kan ta imot opplysningene.');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="public-message"]').element);

    await wrapper.get('[data-testid="public-message"]').setValue('<img src=x onerror=alert(1)>');
    await wrapper.get('[data-testid="public-consent"]').setValue(true);
    await wrapper.get('[data-testid="public-counselling-form"]').trigger('submit');
    await flushPromises();
    expect(fieldError(wrapper, 'message')).toBe('Skriv vanlig tekst, uten HTML-kode eller tagger.');
    expect(fieldError(wrapper, 'person.consentToProcessing')).toBe('');
    expect(callsOf(calls, 'RequestCounselling')).toHaveLength(0);
  });

  it('offers every municipality by region and tells which region serves the one chosen', async () => {
    stubPublicGateway();
    const { wrapper } = await mountPublic('/public/counselling');
    const groups = wrapper.get('[data-testid="public-municipality"]').findAll('optgroup');
    expect(groups.map((group) => group.attributes('label'))).toEqual(['Follo', 'Halden']);

    await wrapper.get('[data-testid="public-municipality"]').setValue('3118');
    expect(
      wrapper
        .get('[data-testid="public-municipality-hint"]')
        .text()
        .replace(/\u00a0/g, ' '),
    ).toBe('Aremark hører til Halden. Der er veiledningen gratis opptil 7,5 timer per år.');
  });

  it("shows the server's error about the message at the message", async () => {
    stubPublicGateway({ RequestCounselling: () => badInput('input.message', 'plain text only: no HTML or tags') });
    const { wrapper } = await mountPublic('/public/counselling');
    await wrapper.get('[data-testid="public-message"]').setValue('Hjelp med budsjett');
    await fillPerson(wrapper);
    await wrapper.get('[data-testid="public-counselling-form"]').trigger('submit');
    await flushPromises();

    expect(fieldError(wrapper, 'message')).toBe('Tjenesten godtok ikke verdien i dette feltet.');
  });

  it('says how long to wait in English too, and to try again later when the server gives no time', async () => {
    localStorage.setItem('etablerertjenesten.locale', 'en');
    let extensions: Record<string, unknown> = { code: 'RATE_LIMITED', retryAfterSeconds: 60 };
    stubPublicGateway({
      RequestCounselling: () => jsonResponse({ errors: [{ message: 'Too many.', extensions }] }),
    });
    const { wrapper } = await mountPublic('/public/counselling');
    await wrapper.get('[data-testid="public-message"]').setValue('Help with a budget');
    await fillPerson(wrapper);
    await wrapper.get('[data-testid="public-counselling-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="public-action-error"]').text()).toBe(
      'Too many requests from you. Try again in 1 minute.',
    );

    extensions = { code: 'RATE_LIMITED' };
    await wrapper.get('[data-testid="public-counselling-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="public-action-error"]').text()).toBe(
      'Too many requests from you. Try again later.',
    );
  });

  it('confirms with the reference and the region that gets in touch, without the personal data', async () => {
    const { calls } = stubPublicGateway({
      RequestCounselling: () => jsonResponse({ data: { requestCounselling: counsellingReceipt } }),
    });
    const { wrapper } = await mountPublic('/public/counselling');
    await wrapper.get('[data-testid="public-message"]').setValue('  Hjelp med budsjett og priser  ');
    await fillPerson(wrapper, { municipalityNumber: '3101', immigrantBackground: 'NO' });
    await wrapper.get('[data-testid="public-counselling-form"]').trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'RequestCounselling')[0]?.body.variables).toEqual({
      input: {
        message: 'Hjelp med budsjett og priser',
        person: {
          name: 'Nora Nilsen',
          email: 'nora@example.no',
          municipalityNumber: '3101',
          immigrantBackground: 'NO',
          consentToProcessing: true,
        },
      },
    });
    const receipt = wrapper.get('[data-testid="public-receipt"]');
    expect(receipt.get('h2').text()).toBe('Takk! Vi har tatt imot forespørselen din.');
    expect(receipt.get('[data-testid="public-receipt-reference"]').text()).toBe('ET-M4PZ82');
    expect(receipt.find('[data-testid="public-receipt-confirmation"]').exists()).toBe(false);
    expect(receipt.get('[data-testid="public-receipt-region"]').text()).toBe(
      'Etablerertjenesten i Halden tar kontakt med deg.',
    );
    for (const typed of ['Nora', 'nora@example.no', 'budsjett']) expect(wrapper.text()).not.toContain(typed);

    await receipt.get('[data-testid="public-receipt-again"]').trigger('click');
    expect((wrapper.get('[data-testid="public-message"]').element as HTMLTextAreaElement).value).toBe('');
  });
});
