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

export function createAppI18n(locale: SupportedLocale = defaultLocale) {
  return createI18n<[MessageSchema], SupportedLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: defaultLocale,
    messages: { nb, en },
  });
}
