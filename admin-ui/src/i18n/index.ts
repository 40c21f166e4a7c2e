// The console's vue-i18n instance: composition mode, bokmål by default, English on request.
import { createI18n } from 'vue-i18n';
import en from './en';
import nb, { type MessageSchema } from './nb';

export const supportedLocales = ['nb', 'en'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];
export const defaultLocale: SupportedLocale = 'nb';

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/**
 * The console's date and number formats, for `d()` and `n()`. A `day` is a calendar day the graph
 * gives as YYYY-MM-DD, read at midnight UTC so no time zone moves it: 15.05.2024 in bokmål, and
 * with the month in words in English, which no reader takes for month/day.
 */
export const datetimeFormats = {
  nb: {
    day: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
    // The Norwegian calendar day of a moment (an erasure's time stamp): just after midnight in Oslo is not yesterday.
    dayInOslo: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Oslo' },
    // A month of the calendar, e.g. "mars 2026", given as its first day at midnight UTC.
    month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  },
  en: {
    day: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
    dayInOslo: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Oslo' },
    month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  },
} as const;

/**
 * `hours`: up to two decimals (3,5 timer); `integer`: whole numbers with the language's grouping; `oneDecimal`: at most
 * one decimal (an average score, full-time equivalents); `nok`: an amount in kroner with øre (1 500,00 kr).
 */
export const numberFormats = {
  nb: {
    hours: { maximumFractionDigits: 2 },
    integer: { maximumFractionDigits: 0 },
    oneDecimal: { maximumFractionDigits: 1 },
    nok: { style: 'currency', currency: 'NOK' },
  },
  en: {
    hours: { maximumFractionDigits: 2 },
    integer: { maximumFractionDigits: 0 },
    oneDecimal: { maximumFractionDigits: 1 },
    nok: { style: 'currency', currency: 'NOK' },
  },
} as const;

export function createAppI18n(locale: SupportedLocale = defaultLocale) {
  return createI18n<[MessageSchema], SupportedLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: defaultLocale,
    messages: { nb, en },
    datetimeFormats,
    numberFormats,
  });
}
