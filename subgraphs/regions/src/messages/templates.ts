// The e-mails the regions subgraph sends to public persons, in bokmål and English, as plain text
// and HTML in the kit's layout: receipts for what they sent on the website, a waiting-list place
// that opened, and user survey invitations. The kit's `html` escapes every value.
import { defineTemplate, html, longDate, type MessageLocale, mailLink, type SafeHtml } from '@etablerer/kit';

export interface CourseDetails {
  title: string;
  startsOn: string;
  endsOn: string;
  location: string | null;
  online: boolean;
}

function when(course: CourseDetails, locale: MessageLocale): string {
  const first = longDate(course.startsOn, locale);
  return course.startsOn === course.endsOn ? first : `${first} – ${longDate(course.endsOn, locale)}`;
}

function where(course: CourseDetails, locale: MessageLocale): string {
  if (course.online) return locale === 'nb' ? 'Nettkurs' : 'Online';
  return course.location ?? '';
}

const labels = {
  nb: { reference: 'Referanse', course: 'Kurs', when: 'Når', where: 'Hvor' },
  en: { reference: 'Reference', course: 'Course', when: 'When', where: 'Where' },
} as const;

function courseRows(course: CourseDetails, locale: MessageLocale): [string, string][] {
  const label = labels[locale];
  return [
    [label.course, course.title],
    [label.when, when(course, locale)],
    [label.where, where(course, locale)],
  ];
}

const textRows = (rows: [string, string][]) => rows.map(([label, value]) => `${label}: ${value}`).join('\n');
const htmlRows = (rows: [string, string][]): SafeHtml =>
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
export const courseSignUpReceipt = defineTemplate<SignUpReceiptData>({
  subject: (data, locale) =>
    locale === 'nb'
      ? `Vi har mottatt påmeldingen din (${data.reference})`
      : `We have received your sign-up (${data.reference})`,
  text: (data, locale) => {
    const rows = textRows([[labels[locale].reference, data.reference], ...courseRows(data.course, locale)]);
    return locale === 'nb'
      ? `Hei ${data.name},\n\nvi har mottatt påmeldingen din til kurset «${data.course.title}». Etablerertjenesten i ${data.regionName} bekrefter plassen (eller plassen på ventelisten) til deg.\n\n${rows}\n\nKan du ikke komme? Meld deg av her:\n${data.cancelUrl}`
      : `Hello ${data.name},\n\nwe have received your sign-up for the course "${data.course.title}". The entrepreneur service in ${data.regionName} will confirm your place (or your place on the waiting list).\n\n${rows}\n\nCannot come? Cancel your sign-up here:\n${data.cancelUrl}`;
  },
  html: (data, locale) => {
    const rows = htmlRows([[labels[locale].reference, data.reference], ...courseRows(data.course, locale)]);
    return locale === 'nb'
      ? html`<p>Hei ${data.name},</p><p>vi har mottatt påmeldingen din til kurset «${data.course.title}». Etablerertjenesten i ${data.regionName} bekrefter plassen (eller plassen på ventelisten) til deg.</p>${rows}<p>Kan du ikke komme? ${mailLink(data.cancelUrl, 'Meld deg av her')}.</p>`
      : html`<p>Hello ${data.name},</p><p>we have received your sign-up for the course "${data.course.title}". The entrepreneur service in ${data.regionName} will confirm your place (or your place on the waiting list).</p>${rows}<p>Cannot come? ${mailLink(data.cancelUrl, 'Cancel your sign-up here')}.</p>`;
  },
});

export interface CounsellingReceiptData {
  name: string;
  reference: string;
  regionName: string;
  cancelUrl: string;
}

/** To a person who asked for counselling on the website. */
export const counsellingRequestReceipt = defineTemplate<CounsellingReceiptData>({
  subject: (data, locale) =>
    locale === 'nb'
      ? `Vi har mottatt forespørselen din (${data.reference})`
      : `We have received your request (${data.reference})`,
  text: (data, locale) =>
    locale === 'nb'
      ? `Hei ${data.name},\n\nvi har mottatt forespørselen din om veiledning. En veileder i Etablerertjenesten i ${data.regionName} tar kontakt med deg.\n\nReferanse: ${data.reference}\n\nTrenger du ikke veiledning likevel? Trekk forespørselen her:\n${data.cancelUrl}`
      : `Hello ${data.name},\n\nwe have received your request for counselling. An adviser of the entrepreneur service in ${data.regionName} will get in touch with you.\n\nReference: ${data.reference}\n\nNo longer need counselling? Withdraw your request here:\n${data.cancelUrl}`,
  html: (data, locale) =>
    locale === 'nb'
      ? html`<p>Hei ${data.name},</p><p>vi har mottatt forespørselen din om veiledning. En veileder i Etablerertjenesten i ${data.regionName} tar kontakt med deg.</p><p>Referanse: <strong>${data.reference}</strong></p><p>Trenger du ikke veiledning likevel? ${mailLink(data.cancelUrl, 'Trekk forespørselen her')}.</p>`
      : html`<p>Hello ${data.name},</p><p>we have received your request for counselling. An adviser of the entrepreneur service in ${data.regionName} will get in touch with you.</p><p>Reference: <strong>${data.reference}</strong></p><p>No longer need counselling? ${mailLink(data.cancelUrl, 'Withdraw your request here')}.</p>`,
});

export interface PlaceOfferedData {
  name: string;
  regionName: string;
  course: CourseDetails;
}

/** To the first on a course's waiting list when a place opened and became theirs. */
export const waitingListPlaceOffered = defineTemplate<PlaceOfferedData>({
  subject: (data, locale) =>
    locale === 'nb'
      ? `Du har fått plass på kurset «${data.course.title}»`
      : `You have a place on the course "${data.course.title}"`,
  text: (data, locale) =>
    locale === 'nb'
      ? `Hei ${data.name},\n\nen plass på kurset «${data.course.title}» ble ledig, og du sto først på ventelisten: plassen er din.\n\n${textRows(courseRows(data.course, locale))}\n\nKan du ikke komme likevel? Gi beskjed til Etablerertjenesten i ${data.regionName}, så går plassen videre.`
      : `Hello ${data.name},\n\na place on the course "${data.course.title}" opened up, and you were first on the waiting list: the place is yours.\n\n${textRows(courseRows(data.course, locale))}\n\nCannot come after all? Tell the entrepreneur service in ${data.regionName}, and the place goes to the next person.`,
  html: (data, locale) =>
    locale === 'nb'
      ? html`<p>Hei ${data.name},</p><p>en plass på kurset «${data.course.title}» ble ledig, og du sto først på ventelisten: plassen er din.</p>${htmlRows(courseRows(data.course, locale))}<p>Kan du ikke komme likevel? Gi beskjed til Etablerertjenesten i ${data.regionName}, så går plassen videre.</p>`
      : html`<p>Hello ${data.name},</p><p>a place on the course "${data.course.title}" opened up, and you were first on the waiting list: the place is yours.</p>${htmlRows(courseRows(data.course, locale))}<p>Cannot come after all? Tell the entrepreneur service in ${data.regionName}, and the place goes to the next person.</p>`,
});

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

const surveyAfter = (data: SurveyInvitationData, locale: MessageLocale) =>
  locale === 'nb'
    ? data.courseTitle
      ? `kurset «${data.courseTitle}»`
      : 'veiledningen du fikk'
    : data.courseTitle
      ? `the course "${data.courseTitle}"`
      : 'the counselling you had';

/** To a client who agreed to user surveys, after counselling or a course; the footer has the unsubscribe link. */
export const surveyInvitation = defineTemplate<SurveyInvitationData>({
  subject: (_data, locale) =>
    locale === 'nb'
      ? 'Hva syntes du? Et spørsmål fra Etablerertjenesten'
      : 'How was it? A question from the entrepreneur service',
  text: (data, locale) =>
    locale === 'nb'
      ? `Hei ${data.name},\n\ntakk for at du brukte Etablerertjenesten i ${data.regionName}. Hvor fornøyd er du med ${surveyAfter(data, locale)}? Svaret tar et halvt minutt (en karakter fra 1 til 6 og en kommentar om du vil):\n${data.surveyUrl}\n\nLenken virker én gang, til og med ${longDate(data.validUntil, locale)}.`
      : `Hello ${data.name},\n\nthank you for using the entrepreneur service in ${data.regionName}. How satisfied are you with ${surveyAfter(data, locale)}? Answering takes half a minute (a score from 1 to 6 and a comment if you like):\n${data.surveyUrl}\n\nThe link works once, until ${longDate(data.validUntil, locale)}.`,
  html: (data, locale) =>
    locale === 'nb'
      ? html`<p>Hei ${data.name},</p><p>takk for at du brukte Etablerertjenesten i ${data.regionName}. Hvor fornøyd er du med ${surveyAfter(data, locale)}? Svaret tar et halvt minutt (en karakter fra 1 til 6 og en kommentar om du vil).</p><p>${mailLink(data.surveyUrl, 'Svar på undersøkelsen')}</p><p>Lenken virker én gang, til og med ${longDate(data.validUntil, locale)}.</p>`
      : html`<p>Hello ${data.name},</p><p>thank you for using the entrepreneur service in ${data.regionName}. How satisfied are you with ${surveyAfter(data, locale)}? Answering takes half a minute (a score from 1 to 6 and a comment if you like).</p><p>${mailLink(data.surveyUrl, 'Answer the survey')}</p><p>The link works once, until ${longDate(data.validUntil, locale)}.</p>`,
  footer: (data, locale) =>
    locale === 'nb'
      ? {
          text: `Vil du ikke få slike spørsmål mer? Meld deg av her:\n${data.unsubscribeUrl}`,
          html: html`Vil du ikke få slike spørsmål mer? ${mailLink(data.unsubscribeUrl, 'Meld deg av')}.`,
        }
      : {
          text: `Do not want questions like this any more? Unsubscribe here:\n${data.unsubscribeUrl}`,
          html: html`Do not want questions like this any more? ${mailLink(data.unsubscribeUrl, 'Unsubscribe')}.`,
        },
});

export interface ImpactConfirmationData {
  name: string;
  regionName: string;
  /** The figure as the client reads it, e.g. `Arbeidsplasser skapt: 2,5 årsverk per 1. mars 2026`. */
  figure: string;
  confirmUrl: string;
  /** The last day the link works (YYYY-MM-DD). */
  validUntil: string;
}

/** To a client whose adviser recorded an impact figure of their business: funders count only confirmed ones. */
export const impactConfirmationRequest = defineTemplate<ImpactConfirmationData>({
  subject: (_data, locale) =>
    locale === 'nb'
      ? 'Stemmer tallet? Bekreft for Etablerertjenesten'
      : 'Is the figure right? Confirm it for the entrepreneur service',
  text: (data, locale) =>
    locale === 'nb'
      ? `Hei ${data.name},\n\nveilederen din i Etablerertjenesten i ${data.regionName} har registrert dette tallet for virksomheten din:\n\n${data.figure}\n\nStemmer det, bekrefter du det her (tallet teller da i tjenestens rapport til dem som finansierer den):\n${data.confirmUrl}\n\nLenken virker én gang, til og med ${longDate(data.validUntil, locale)}. Stemmer det ikke, svarer du veilederen din.`
      : `Hello ${data.name},\n\nyour adviser at the entrepreneur service in ${data.regionName} has recorded this figure for your business:\n\n${data.figure}\n\nIf it is right, confirm it here (it then counts in the service's report to those who fund it):\n${data.confirmUrl}\n\nThe link works once, until ${longDate(data.validUntil, locale)}. If it is not right, tell your adviser.`,
  html: (data, locale) =>
    locale === 'nb'
      ? html`<p>Hei ${data.name},</p><p>veilederen din i Etablerertjenesten i ${data.regionName} har registrert dette tallet for virksomheten din:</p><p><strong>${data.figure}</strong></p><p>Stemmer det, bekrefter du det her (tallet teller da i tjenestens rapport til dem som finansierer den): ${mailLink(data.confirmUrl, 'Bekreft tallet')}</p><p>Lenken virker én gang, til og med ${longDate(data.validUntil, locale)}. Stemmer det ikke, svarer du veilederen din.</p>`
      : html`<p>Hello ${data.name},</p><p>your adviser at the entrepreneur service in ${data.regionName} has recorded this figure for your business:</p><p><strong>${data.figure}</strong></p><p>If it is right, confirm it here (it then counts in the service's report to those who fund it): ${mailLink(data.confirmUrl, 'Confirm the figure')}</p><p>The link works once, until ${longDate(data.validUntil, locale)}. If it is not right, tell your adviser.</p>`,
});
