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
 * with the month in words in English, which no reader takes for month/day. A `longDay` is such a day with the month
 * written out (1. januar 2024), for prose and the pages of a region and its agreement. `longDayInOslo` is the Norwegian
 * calendar day of a moment with the month written out (when SSB updated a table). `timeInOslo` is a time of day in
 * Norway on the 24-hour clock (when a session ends); `momentInOslo` a moment's day and time there (a change in the
 * access log), with the month in words in English as `day` has it. `weekdayDay` is a calendar day with its weekday
 * (the public website's course days); `weekdayTimeInOslo` when an appointment starts, on the clock in Oslo.
 */
export const datetimeFormats = {
  nb: {
    day: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
    longDay: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    // The Norwegian calendar day of a moment (an erasure's time stamp): just after midnight in Oslo is not yesterday.
    dayInOslo: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Oslo' },
    // A month of the calendar, e.g. "mars 2026", given as its first day at midnight UTC.
    month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
    longDayInOslo: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' },
    timeInOslo: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Oslo' },
    // A moment on the clock in Oslo (a sign-up at 08:30 UTC reads 02.11.2026, 09:30), whatever the browser's zone.
    momentInOslo: {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/Oslo',
    },
    // A calendar day with its weekday, for the public website: tor. 12. mars 2026.
    weekdayDay: { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    // When an appointment starts, on the clock in Oslo: torsdag 12. mars kl. 14:05.
    weekdayTimeInOslo: {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/Oslo',
    },
  },
  en: {
    day: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
    longDay: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    dayInOslo: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Oslo' },
    month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
    longDayInOslo: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' },
    timeInOslo: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Oslo' },
    // On the 24-hour clock, as the advisers in Norway read a time.
    momentInOslo: {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/Oslo',
    },
    weekdayDay: { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    weekdayTimeInOslo: {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/Oslo',
    },
  },
} as const;

/**
 * `hours`: up to two decimals (3,5 timer); `integer`: whole numbers with the language's grouping; `decimal`: up to
 * one decimal (14,5 årsverk, an average score); `share`: a share from 0 to 1 as a percentage with up to one decimal
 * (34,5 %); `nok`: an amount in kroner with øre (1 500,00 kr); `wholeNok`: kroner without øre, for totals reported in
 * round figures (3 200 000 kr).
 */
export const numberFormats = {
  nb: {
    hours: { maximumFractionDigits: 2 },
    integer: { maximumFractionDigits: 0 },
    decimal: { maximumFractionDigits: 1 },
    share: { style: 'percent', maximumFractionDigits: 1 },
    nok: { style: 'currency', currency: 'NOK' },
    wholeNok: { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 },
  },
  en: {
    hours: { maximumFractionDigits: 2 },
    integer: { maximumFractionDigits: 0 },
    decimal: { maximumFractionDigits: 1 },
    share: { style: 'percent', maximumFractionDigits: 1 },
    nok: { style: 'currency', currency: 'NOK' },
    wholeNok: { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 },
  },
} as const;

/** A calendar day as the graph gives it (YYYY-MM-DD, or a timestamp whose day counts), for `d()` with a day format. */
export const calendarDay = (date: string): Date => new Date(`${date.slice(0, 10)}T00:00:00Z`);

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
