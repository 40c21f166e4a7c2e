// E-mail templates: each message in bokmål and English, as plain text and HTML, inside one
// shared layout. The HTML is written with the `html` tagged template, which escapes every value
// put into it, so a course title or a name typed on the public website cannot become markup.
import type { MessageLocale } from './outbox.js';

/** HTML that is safe to put into a page as it is: made by `html`, so every value in it was escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: the five characters that mean something in markup or attributes, escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] as string);
}

type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function htmlOf(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(htmlOf).join('');
  return escapeHtml(String(value));
}

/**
 * HTML with every interpolated value escaped (text, numbers; lists are joined; null, undefined
 * and false are left out); what another `html` made is kept as it is, so templates nest.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    result += htmlOf(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(result);
}

/** A link in an e-mail: only http(s) addresses become links (no `javascript:`), the text escaped. */
export function mailLink(href: string, text: string = href): SafeHtml {
  if (!/^https?:\/\//i.test(href)) return html`${text}`;
  return html`<a href="${href}" style="color:#1b5e86">${text}</a>`;
}

/** An e-mail ready for the outbox (the fields of an EMAIL message, and of a notification's `email`). */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The message's own parts; the layout adds the header and footer around the body. */
export interface TemplateDefinition<Data> {
  subject(data: Data, locale: MessageLocale): string;
  /** The body as plain text (paragraphs separated by blank lines). */
  text(data: Data, locale: MessageLocale): string;
  /** The body as HTML (inside the layout's frame). */
  html(data: Data, locale: MessageLocale): SafeHtml;
  /** Lines of its own under the body, before the common footer (e.g. an unsubscribe link). */
  footer?(data: Data, locale: MessageLocale): { text: string; html: SafeHtml };
}

export interface Template<Data> {
  /** The whole e-mail in the person's language, laid out. */
  render(data: Data, locale: MessageLocale): RenderedMail;
}

export const serviceName = 'Etablerertjenesten';

const dateFormats: Record<MessageLocale, Intl.DateTimeFormat> = {
  nb: new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A calendar date (YYYY-MM-DD) as people write it: `3. februar 2031`, `3 February 2031`. */
export function longDate(date: string, locale: MessageLocale): string {
  return dateFormats[locale].format(new Date(`${date}T00:00:00Z`));
}

/** Who stands behind the service (the agreement's parties), and that nobody reads replies. */
const commonFooter: Record<MessageLocale, string[]> = {
  nb: [
    'Etablerertjenesten er et gratis tilbud til deg som vil starte bedrift, gitt av fylkeskommunen, Innovasjon Norge og kommunene i regionen.',
    'Denne e-posten er sendt automatisk. Svar på den blir ikke lest.',
  ],
  en: [
    'Etablerertjenesten (the entrepreneur service) is a free service for people starting a business, provided by the county, Innovation Norway and the municipalities of the region.',
    'This e-mail was sent automatically. Replies are not read.',
  ],
};

/** The shared frame of every e-mail, as plain text. */
export function textLayout(body: string, locale: MessageLocale, footer?: string): string {
  const rule = '—'.repeat(40);
  return [serviceName, '', body.trim(), '', rule, ...(footer ? [footer.trim(), ''] : []), ...commonFooter[locale], '']
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** The shared frame of every e-mail, as an HTML document (inline styles: mail programs ignore style sheets). */
export function htmlLayout(
  body: SafeHtml,
  { subject, locale, footer }: { subject: string; locale: MessageLocale; footer?: SafeHtml },
): string {
  return html`<!doctype html>
<html lang="${locale === 'nb' ? 'nb' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${subject}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1d1d1f">
<div style="max-width:600px;margin:0 auto;background:#ffffff">
<div style="background:#1b5e86;color:#ffffff;padding:16px 24px;font-size:20px;font-weight:bold">${serviceName}</div>
<div style="padding:24px;font-size:16px;line-height:1.5">${body}</div>
<div style="padding:16px 24px;border-top:1px solid #d0d4da;font-size:13px;color:#555a60;line-height:1.4">
${footer ? html`<p>${footer}</p>` : ''}${commonFooter[locale].map((line) => html`<p>${line}</p>`)}
</div>
</div>
</body>
</html>
`.value;
}

/** A message's template: its parts per language, laid out the same way as every other e-mail. */
export function defineTemplate<Data>(definition: TemplateDefinition<Data>): Template<Data> {
  return {
    render(data, locale) {
      const subject = definition.subject(data, locale);
      const footer = definition.footer?.(data, locale);
      return {
        subject,
        text: textLayout(definition.text(data, locale), locale, footer?.text),
        html: htmlLayout(definition.html(data, locale), {
          subject,
          locale,
          ...(footer ? { footer: footer.html } : {}),
        }),
      };
    },
  };
}
