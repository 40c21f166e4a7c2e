// The e-mail of a partners' notification (referrals, business assessments, gathering reminders), in
// bokmål and English: its title and body, and the console page where it is read.
import { defineTemplate, html, type MessageLocale } from '@etablerer/kit';

/** A notification's words in one language: plain text, as the console shows them. */
export interface NotificationText {
  title: string;
  body: string;
}

/** Where in the console a notification leads, as the menu names it. */
export type ConsolePage = 'referrals' | 'assessments' | 'gatherings';
const pageNames: Record<MessageLocale, Record<ConsolePage, string>> = {
  nb: { referrals: 'Henvisninger', assessments: 'Næringsfaglige vurderinger', gatherings: 'Fagsamlinger' },
  en: { referrals: 'Referrals', assessments: 'Business assessments', gatherings: 'Professional gatherings' },
};

/**
 * The e-mail the county sends to those who want this notification by e-mail: its title and body,
 * and where to read more: a page named, not linked, as no service is told the console's address.
 */
export const notificationMail = defineTemplate<{
  text: (locale: MessageLocale) => NotificationText;
  page: ConsolePage;
}>({
  subject: ({ text }, locale) => text(locale).title,
  text: ({ text, page }, locale) =>
    [
      text(locale).body,
      locale === 'nb'
        ? `Logg inn i Etablerertjenesten og se «${pageNames.nb[page]}».`
        : `Sign in to Etablerertjenesten and see “${pageNames.en[page]}”.`,
    ].join('\n\n'),
  html: ({ text, page }, locale) =>
    html`<p>${text(locale).body}</p><p>${
      locale === 'nb'
        ? html`Logg inn i Etablerertjenesten og se «${pageNames.nb[page]}».`
        : html`Sign in to Etablerertjenesten and see “${pageNames.en[page]}”.`
    }</p>`,
});
