// E-mail templates: what a person typed on the public website (a name, a course title) reaches
// the HTML e-mail as text, never as markup; every e-mail carries the common header and footer.
import { describe, expect, it } from 'vitest';
import { defineTemplate, escapeHtml, html, mailLink } from '../src/mail.js';

const receipt = defineTemplate<{ name: string; course: string; cancelUrl: string }>({
  subject: ({ course }, locale) => (locale === 'nb' ? `Påmelding: ${course}` : `Sign-up: ${course}`),
  text: ({ name, course, cancelUrl }, locale) =>
    locale === 'nb'
      ? `Hei ${name}!\n\nDu er påmeldt ${course}.\n\nAvmelding: ${cancelUrl}`
      : `Hello ${name}!\n\nYou are signed up for ${course}.\n\nCancel: ${cancelUrl}`,
  html: ({ name, course, cancelUrl }, locale) =>
    locale === 'nb'
      ? html`<p>Hei ${name}!</p><p>Du er påmeldt <strong>${course}</strong>.</p><p>${mailLink(cancelUrl, 'Meld av')}</p>`
      : html`<p>Hello ${name}!</p><p>You are signed up for <strong>${course}</strong>.</p><p>${mailLink(cancelUrl, 'Cancel')}</p>`,
  footer: (_data, locale) => ({
    text: locale === 'nb' ? 'Du får denne e-posten fordi du meldte deg på.' : 'You get this e-mail as you signed up.',
    html: html`<em>${locale === 'nb' ? 'Du får denne e-posten fordi du meldte deg på.' : 'You get this e-mail as you signed up.'}</em>`,
  }),
});

describe('html', () => {
  it('escapes every interpolated value, keeps nested html and joins lists', () => {
    const evil = `<script>alert("x")</script> & 'y'`;
    const items = ['<b>', 'a&b'].map((item) => html`<li>${item}</li>`);
    expect(html`<p title="${evil}">${evil}</p><ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>' +
        '<ul><li>&lt;b&gt;</li><li>a&amp;b</li></ul>0',
    );
    expect(escapeHtml('a<b>"c"')).toBe('a&lt;b&gt;&quot;c&quot;');
  });

  it('makes links only of http(s) addresses', () => {
    expect(mailLink('javascript:alert(1)', 'x').value).toBe('x');
    expect(mailLink('https://example.no/a?b=1&c="2"', 'Åpne').value).toBe(
      '<a href="https://example.no/a?b=1&amp;c=&quot;2&quot;" style="color:#1b5e86">Åpne</a>',
    );
  });
});

describe('defineTemplate', () => {
  const data = { name: 'Kari <Nordmann>', course: 'Start & drift "2027"', cancelUrl: 'https://nettsted.no/c/1' };

  it('renders subject, text and HTML in the person’s language inside the shared layout', () => {
    const nb = receipt.render(data, 'nb');
    expect(nb.subject).toBe('Påmelding: Start & drift "2027"');
    expect(nb.text).toContain('Etablerertjenesten\n\nHei Kari <Nordmann>!');
    expect(nb.text).toContain('Avmelding: https://nettsted.no/c/1');
    expect(nb.text).toContain('Du får denne e-posten fordi du meldte deg på.');
    expect(nb.text).toContain('Svar på den blir ikke lest.');
    expect(nb.html).toContain('<html lang="nb">');
    expect(nb.html).toContain('<title>Påmelding: Start &amp; drift &quot;2027&quot;</title>');
    expect(nb.html).toContain('<p>Hei Kari &lt;Nordmann&gt;!</p>');
    expect(nb.html).toContain('<strong>Start &amp; drift &quot;2027&quot;</strong>');
    expect(nb.html).toContain('<a href="https://nettsted.no/c/1" style="color:#1b5e86">Meld av</a>');
    expect(nb.html).not.toContain('<Nordmann>');

    const en = receipt.render(data, 'en');
    expect(en.subject).toBe('Sign-up: Start & drift "2027"');
    expect(en.html).toContain('<html lang="en">');
    expect(en.text).toContain('Replies are not read.');
    expect(en.html).toContain('Innovation Norway');
  });
});
