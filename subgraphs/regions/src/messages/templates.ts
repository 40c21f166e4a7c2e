// The e-mails the regions subgraph sends to public persons, in bokmål and English, as plain text
// and HTML: receipts for what they sent on the website, a waiting-list place that opened, and
// user survey invitations. Every interpolation into HTML is escaped.
import { html, type Locale, layout, type RenderedMail, type SafeHtml } from './layout.js';

export interface CourseDetails {
  title: string;
  startsOn: string;
  endsOn: string;
  location: string | null;
  online: boolean;
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  nb: new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A calendar date (YYYY-MM-DD) as people write it: `3. februar 2031`, `3 February 2031`. */
export function longDate(date: string, locale: Locale): string {
  return dateFormats[locale].format(new Date(`${date}T00:00:00Z`));
}

function when(course: CourseDetails, locale: Locale): string {
  const first = longDate(course.startsOn, locale);
  return course.startsOn === course.endsOn ? first : `${first} – ${longDate(course.endsOn, locale)}`;
}

function where(course: CourseDetails, locale: Locale): string {
  if (course.online) return locale === 'nb' ? 'Nettkurs' : 'Online';
  return course.location ?? '';
}

function courseLines(course: CourseDetails, locale: Locale): [string, string][] {
  return locale === 'nb'
    ? [
        ['Kurs', course.title],
        ['Når', when(course, locale)],
        ['Hvor', where(course, locale)],
      ]
    : [
        ['Course', course.title],
        ['When', when(course, locale)],
        ['Where', where(course, locale)],
      ];
}

const textTable = (rows: [string, string][]) => rows.map(([label, value]) => `${label}: ${value}`).join('\n');
const htmlTable = (rows: [string, string][]): SafeHtml =>
  html`<table role="presentation" style="border-collapse:collapse">${rows.map(
    ([label, value]) =>
      html`<tr><th style="text-align:left;padding:2px 12px 2px 0">${label}</th><td>${value}</td></tr>`,
  )}</table>`;

export interface SignUpReceiptData {
  name: string;
  reference: string;
  regionName: string;
  course: CourseDetails;
  cancelUrl: string;
}

/** To a person who signed up for a course on the website. */
export function courseSignUpReceipt(data: SignUpReceiptData, locale: Locale): RenderedMail {
  const rows: [string, string][] = [
    [locale === 'nb' ? 'Referanse' : 'Reference', data.reference],
    ...courseLines(data.course, locale),
  ];
  if (locale === 'nb') {
    return layout(locale, {
      subject: `Vi har mottatt påmeldingen din (${data.reference})`,
      text: `Hei ${data.name},\n\nvi har mottatt påmeldingen din til kurset «${data.course.title}». Etablerertjenesten i ${data.regionName} bekrefter plassen (eller plassen på ventelisten) til deg.\n\n${textTable(rows)}\n\nKan du ikke komme? Meld deg av her:\n${data.cancelUrl}`,
      html: html`<p>Hei ${data.name},</p><p>vi har mottatt påmeldingen din til kurset «${data.course.title}». Etablerertjenesten i ${data.regionName} bekrefter plassen (eller plassen på ventelisten) til deg.</p>${htmlTable(rows)}<p>Kan du ikke komme? <a href="${data.cancelUrl}">Meld deg av her</a>.</p>`,
    });
  }
  return layout(locale, {
    subject: `We have received your sign-up (${data.reference})`,
    text: `Hello ${data.name},\n\nwe have received your sign-up for the course "${data.course.title}". The entrepreneur service in ${data.regionName} will confirm your place (or your place on the waiting list).\n\n${textTable(rows)}\n\nCannot come? Cancel your sign-up here:\n${data.cancelUrl}`,
    html: html`<p>Hello ${data.name},</p><p>we have received your sign-up for the course "${data.course.title}". The entrepreneur service in ${data.regionName} will confirm your place (or your place on the waiting list).</p>${htmlTable(rows)}<p>Cannot come? <a href="${data.cancelUrl}">Cancel your sign-up here</a>.</p>`,
  });
}

export interface CounsellingReceiptData {
  name: string;
  reference: string;
  regionName: string;
  cancelUrl: string;
}

/** To a person who asked for counselling on the website. */
export function counsellingRequestReceipt(data: CounsellingReceiptData, locale: Locale): RenderedMail {
  if (locale === 'nb') {
    return layout(locale, {
      subject: `Vi har mottatt forespørselen din (${data.reference})`,
      text: `Hei ${data.name},\n\nvi har mottatt forespørselen din om veiledning. En veileder i Etablerertjenesten i ${data.regionName} tar kontakt med deg.\n\nReferanse: ${data.reference}\n\nTrenger du ikke veiledning likevel? Trekk forespørselen her:\n${data.cancelUrl}`,
      html: html`<p>Hei ${data.name},</p><p>vi har mottatt forespørselen din om veiledning. En veileder i Etablerertjenesten i ${data.regionName} tar kontakt med deg.</p><p>Referanse: <strong>${data.reference}</strong></p><p>Trenger du ikke veiledning likevel? <a href="${data.cancelUrl}">Trekk forespørselen her</a>.</p>`,
    });
  }
  return layout(locale, {
    subject: `We have received your request (${data.reference})`,
    text: `Hello ${data.name},\n\nwe have received your request for counselling. An adviser of the entrepreneur service in ${data.regionName} will get in touch with you.\n\nReference: ${data.reference}\n\nNo longer need counselling? Withdraw your request here:\n${data.cancelUrl}`,
    html: html`<p>Hello ${data.name},</p><p>we have received your request for counselling. An adviser of the entrepreneur service in ${data.regionName} will get in touch with you.</p><p>Reference: <strong>${data.reference}</strong></p><p>No longer need counselling? <a href="${data.cancelUrl}">Withdraw your request here</a>.</p>`,
  });
}

export interface PlaceOfferedData {
  name: string;
  regionName: string;
  course: CourseDetails;
}

/** To the first on a course's waiting list when a place opened and became theirs. */
export function waitingListPlaceOffered(data: PlaceOfferedData, locale: Locale): RenderedMail {
  const rows = courseLines(data.course, locale);
  if (locale === 'nb') {
    return layout(locale, {
      subject: `Du har fått plass på kurset «${data.course.title}»`,
      text: `Hei ${data.name},\n\nen plass på kurset «${data.course.title}» ble ledig, og du sto først på ventelisten: plassen er din.\n\n${textTable(rows)}\n\nKan du ikke komme likevel? Gi beskjed til Etablerertjenesten i ${data.regionName}, så går plassen videre.`,
      html: html`<p>Hei ${data.name},</p><p>en plass på kurset «${data.course.title}» ble ledig, og du sto først på ventelisten: plassen er din.</p>${htmlTable(rows)}<p>Kan du ikke komme likevel? Gi beskjed til Etablerertjenesten i ${data.regionName}, så går plassen videre.</p>`,
    });
  }
  return layout(locale, {
    subject: `You have a place on the course "${data.course.title}"`,
    text: `Hello ${data.name},\n\na place on the course "${data.course.title}" opened up, and you were first on the waiting list: the place is yours.\n\n${textTable(rows)}\n\nCannot come after all? Tell the entrepreneur service in ${data.regionName}, and the place goes to the next person.`,
    html: html`<p>Hello ${data.name},</p><p>a place on the course "${data.course.title}" opened up, and you were first on the waiting list: the place is yours.</p>${htmlTable(rows)}<p>Cannot come after all? Tell the entrepreneur service in ${data.regionName}, and the place goes to the next person.</p>`,
  });
}

export interface SurveyInvitationData {
  name: string;
  regionName: string;
  /** The course's title, or null after counselling. */
  courseTitle: string | null;
  surveyUrl: string;
  unsubscribeUrl: string;
  /** The last day the link works (YYYY-MM-DD). */
  validUntil: string;
}

/** To a client who agreed to user surveys, after counselling or a course. */
export function surveyInvitation(data: SurveyInvitationData, locale: Locale): RenderedMail {
  const until = longDate(data.validUntil, locale);
  if (locale === 'nb') {
    const after = data.courseTitle ? `kurset «${data.courseTitle}»` : 'veiledningen du fikk';
    return layout(locale, {
      subject: 'Hva syntes du? Et spørsmål fra Etablerertjenesten',
      text: `Hei ${data.name},\n\ntakk for at du brukte Etablerertjenesten i ${data.regionName}. Hvor fornøyd er du med ${after}? Svaret tar et halvt minutt (en karakter fra 1 til 6 og en kommentar om du vil):\n${data.surveyUrl}\n\nLenken virker én gang, til og med ${until}.\n\nVil du ikke få slike spørsmål mer? ${data.unsubscribeUrl}`,
      html: html`<p>Hei ${data.name},</p><p>takk for at du brukte Etablerertjenesten i ${data.regionName}. Hvor fornøyd er du med ${after}? Svaret tar et halvt minutt (en karakter fra 1 til 6 og en kommentar om du vil).</p><p><a href="${data.surveyUrl}">Svar på undersøkelsen</a></p><p>Lenken virker én gang, til og med ${until}.</p><p style="font-size:small">Vil du ikke få slike spørsmål mer? <a href="${data.unsubscribeUrl}">Meld deg av</a>.</p>`,
    });
  }
  const after = data.courseTitle ? `the course "${data.courseTitle}"` : 'the counselling you had';
  return layout(locale, {
    subject: 'How was it? A question from the entrepreneur service',
    text: `Hello ${data.name},\n\nthank you for using the entrepreneur service in ${data.regionName}. How satisfied are you with ${after}? Answering takes half a minute (a score from 1 to 6 and a comment if you like):\n${data.surveyUrl}\n\nThe link works once, until ${until}.\n\nDo not want questions like this any more? ${data.unsubscribeUrl}`,
    html: html`<p>Hello ${data.name},</p><p>thank you for using the entrepreneur service in ${data.regionName}. How satisfied are you with ${after}? Answering takes half a minute (a score from 1 to 6 and a comment if you like).</p><p><a href="${data.surveyUrl}">Answer the survey</a></p><p>The link works once, until ${until}.</p><p style="font-size:small">Do not want questions like this any more? <a href="${data.unsubscribeUrl}">Unsubscribe</a>.</p>`,
  });
}
