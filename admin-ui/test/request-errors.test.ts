// What a user is told about a refused request: a sentence by the error code, the services' English field
// reasons in bokmål (or plainly "not accepted"), and the technical detail only in the browser's console.
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { knownReason, useServerFieldText } from '../src/composables/serverFieldText';
import { requestErrorKey, useRequestErrorDetail, useRequestErrorText } from '../src/composables/useRequestErrorText';
import { createStrictI18n } from './fixtures';

/** Runs `use` inside a component with the console's messages in `locale`, and gives back what it returned. */
function withI18n<T>(locale: 'nb' | 'en', use: () => T): T {
  let result: T | undefined;
  mount(
    defineComponent({
      setup() {
        result = use();
        return () => h('div');
      },
    }),
    { global: { plugins: [createStrictI18n(locale)] } },
  );
  return result as T;
}

describe('request errors', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('picks the most telling code, and tells a request without any code as no contact', () => {
    expect(requestErrorKey({ message: 'x', codes: ['BAD_USER_INPUT', 'FORBIDDEN'] })).toBe('FORBIDDEN');
    expect(requestErrorKey({ message: 'x', codes: ['SUBGRAPH_UNAVAILABLE'] })).toBe('SUBGRAPH_UNAVAILABLE');
    expect(requestErrorKey({ message: 'x', codes: ['INTERNAL_SERVER_ERROR'] })).toBe('other');
    expect(requestErrorKey({ message: 'Failed to fetch', codes: [] })).toBe('network');
  });

  it('says it in words in both languages and logs the code and message once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failure = { message: 'Forbidden: county officers only', codes: ['FORBIDDEN'] };
    const nb = withI18n('nb', useRequestErrorText);
    expect(nb(failure)).toBe('Du har ikke tilgang til dette.');
    expect(nb(failure)).toBe('Du har ikke tilgang til dette.');
    expect(withI18n('en', useRequestErrorText)(failure)).toBe('You do not have access to this.');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('Request failed [FORBIDDEN]: Forbidden: county officers only');
  });

  it('leaves no access and signed out to the page, which explains them itself', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const detail = withI18n('nb', useRequestErrorDetail);
    expect(detail({ message: 'x', codes: ['FORBIDDEN'] })).toBeNull();
    expect(detail({ message: 'x', codes: ['SUBGRAPH_UNAVAILABLE'] })).toBe(
      'En del av tjenesten svarer ikke akkurat nå. Prøv igjen om litt.',
    );
  });
});

describe("the services' field reasons", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('knows the common reasons, with their numbers', () => {
    expect(knownReason('at most 200 characters')).toEqual({ key: 'tooLong', values: { max: '200' } });
    expect(knownReason('at most 10 000 characters')).toEqual({ key: 'tooLong', values: { max: '10000' } });
    expect(knownReason('at most 600 minutes')).toEqual({ key: 'atMostMinutes', values: { max: '600' } });
    expect(knownReason('must not be empty')).toEqual({ key: 'required' });
    expect(knownReason('a title is needed')).toEqual({ key: 'required' });
    expect(knownReason('today or earlier')).toEqual({ key: 'notFuture' });
    expect(knownReason('the check digit does not match (mod 11)')).toEqual({ key: 'organisationNumber' });
    expect(knownReason('no NAV office is known to serve municipality 3099')).toBeNull();
  });

  it('tells a reason in bokmål, any other as not accepted with the English in the console, and English as it is', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const nb = withI18n('nb', useServerFieldText);
    expect(nb('at most 5000 characters')).toBe('Høyst 5000 tegn.');
    expect(nb('not an e-mail address')).toBe('Skriv en gyldig e-postadresse.');
    expect(nb('the course is not open for sign-up')).toBe('Tjenesten godtok ikke verdien i dette feltet.');
    expect(warn).toHaveBeenCalledWith('Field refused by the service: the course is not open for sign-up');
    expect(nb(undefined)).toBeNull();
    expect(withI18n('en', useServerFieldText)('the course is not open for sign-up')).toBe(
      'the course is not open for sign-up',
    );
  });
});
