// The frame of every e-mail the regions subgraph sends (header, footer) and an `html` tag that
// escapes what it interpolates, so a name or course title can never become markup.
export type Locale = 'nb' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** HTML that is safe to put in as it is: built by `html`, which escaped every interpolation. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] as string);

function piece(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === null || value === undefined) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(
    strings.reduce((out, string, i) => out + string + (i < values.length ? piece(values[i]) : ''), ''),
  );
}

const footers: Record<Locale, string> = {
  nb: 'Etablerertjenesten drives av regionene i fylket etter avtale med fylkeskommunen. Denne e-posten kan ikke besvares.',
  en: 'The entrepreneur service is run by the regions of the county under an agreement with the county council. Do not reply to this e-mail.',
};

/** The message in the service's frame: the same header and footer in the text and the HTML. */
export function layout(locale: Locale, body: { subject: string; text: string; html: SafeHtml }): RenderedMail {
  return {
    subject: body.subject,
    text: `Etablerertjenesten\n\n${body.text}\n\n-- \n${footers[locale]}\n`,
    html: html`<!doctype html><html lang="${locale === 'nb' ? 'nb' : 'en'}"><head><meta charset="utf-8"><title>${body.subject}</title></head><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a"><header><strong>Etablerertjenesten</strong></header><main>${body.html}</main><footer style="margin-top:2em;font-size:small;color:#555">${footers[locale]}</footer></body></html>`
      .value,
  };
}
