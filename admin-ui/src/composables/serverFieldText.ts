// The server's reason beside a field, in the user's language: the services word their field errors in
// English ("at most 200 characters"); the common reasons are told in bokmål, any other one as a plain
// "not accepted", its English kept in the browser's console for whoever debugs it.
import { useI18n } from 'vue-i18n';
import type { serverReasonsNb } from '../i18n/errors.nb';

/** A reason the console words itself, and the values its sentence names. */
export interface KnownReason {
  key: Exclude<keyof typeof serverReasonsNb, 'other'>;
  values?: Record<string, string>;
}

const patterns: readonly [RegExp, (match: RegExpMatchArray) => KnownReason][] = [
  [/^(must not be empty|required|.* is needed)$/i, () => ({ key: 'required' })],
  [/^at most ([\d  ]+) characters$/, (m) => ({ key: 'tooLong', values: { max: (m[1] ?? '').replace(/\s/g, '') } })],
  [/^not negative$/, () => ({ key: 'notNegative' })],
  [/^(today or earlier|not in the future|.*must not be in the future)$/, () => ({ key: 'notFuture' })],
  [/^not before (.+)$/, () => ({ key: 'notBefore' })],
  [/^at most ([\d  .,]+) minutes$/, (m) => ({ key: 'atMostMinutes', values: { max: (m[1] ?? '').trim() } })],
  [/^at least ([\d  .,]+) minutes$/, (m) => ({ key: 'atLeastMinutes', values: { min: (m[1] ?? '').trim() } })],
  [/^at most ([\d  .,]+)$/, (m) => ({ key: 'atMost', values: { max: (m[1] ?? '').trim() } })],
  [/^at least ([\d  .,]+)$/, (m) => ({ key: 'atLeast', values: { min: (m[1] ?? '').trim() } })],
  [/^digits and spaces, 8 to 20/, () => ({ key: 'phone' })],
  [/e-?mail address/i, () => ({ key: 'email' })],
  [/^a municipality number has four digits$/, () => ({ key: 'municipalityNumber' })],
  [/^letters, spaces, hyphens/, () => ({ key: 'nameCharacters' })],
  [/^(nine digits|the check digit does not match)/, () => ({ key: 'organisationNumber' })],
];

/** The reason a message gives, when it is one the console words itself. */
export function knownReason(message: string): KnownReason | null {
  for (const [pattern, reason] of patterns) {
    const match = message.trim().match(pattern);
    if (match) return reason(match);
  }
  return null;
}

export function useServerFieldText() {
  const { t, locale } = useI18n();
  /** The server's message about a field as the user reads it; null stays null. */
  return function serverFieldText(message: string | null | undefined): string | null {
    if (!message) return null;
    // The services write English: an English console shows their words as they are.
    if (locale.value === 'en') return message;
    const reason = knownReason(message);
    if (reason) return t(`serverReasons.${reason.key}`, reason.values ?? {});
    console.warn(`Field refused by the service: ${message}`);
    return t('serverReasons.other');
  };
}
