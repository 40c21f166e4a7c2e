// What a person sends on the public website: a course sign-up or a request for counselling,
// checked as hostile input, limited per e-mail address, and filed under a client of the right
// region in one transaction, for an adviser to pick up, with the person's receipt by e-mail.
import { randomInt } from 'node:crypto';
import { badUserInput, parseInput, publicWebsiteActor, rateLimited, recordAudit, todayInNorway } from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { placeOnCourse } from './enrolments.js';
import { type Client, ClientSchema, immigrantBackgrounds } from './entities/client.js';
import { type Course, CourseSchema } from './entities/course.js';
import { MunicipalitySchema } from './entities/municipality.js';
import { RegionSchema } from './entities/region.js';
import { type WebsiteRequest, type WebsiteRequestKind, WebsiteRequestSchema } from './entities/website-request.js';
import { websiteLimits } from './input-limits.js';
import { municipalityNumber, phone } from './input-rules.js';
import { lockClientRegistrations, lockEmailAddress } from './locks.js';
import { enqueueReceipt } from './messages/outgoing.js';

/** The privacy notice the consent refers to; the public website shows this version. */
export const privacyNoticeVersion = '2026-11-27';

/** At most this many sign-ups and requests per e-mail address in a day: enough for a person, not for a flood. */
export const requestsPerAddressPerDay = 5;

/** Control characters other than line breaks and tabs, and the bidirectional overrides that disguise text. */
export const invisibleOrControl =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Anything that looks like markup: the text is shown to advisers, so it must be text. */
export const markup = /<\s*\/?\s*[a-z!?]/i;

export const plainText = (max: number) =>
  z
    .string()
    .transform((text) => text.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(max, `at most ${max} characters`)
        .refine((text) => !invisibleOrControl.test(text), 'contains control characters')
        .refine((text) => !markup.test(text), 'plain text only: no HTML or tags'),
    );

export const personInput = z.object({
  name: z
    .string()
    .transform((text) => text.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(2, 'a name of at least 2 characters is needed')
        .max(websiteLimits.personName, `at most ${websiteLimits.personName} characters`)
        .regex(/^\p{L}[\p{L}\p{M}'’. -]*$/u, 'letters, spaces, hyphens, apostrophes and full stops only'),
    ),
  email: z
    .string()
    .trim()
    .max(websiteLimits.email, `at most ${websiteLimits.email} characters`)
    .pipe(z.email('not an e-mail address'))
    .transform((email) => email.toLowerCase()),
  phone: phone.nullish(),
  municipalityNumber,
  businessIdea: plainText(websiteLimits.text).nullish(),
  immigrantBackground: z.enum(immigrantBackgrounds),
  consentToProcessing: z.literal(true, 'consent to processing is needed before anything is stored'),
});

/** The language the person used the website in: their receipt and later e-mails are written in it. */
export const locale = z
  .enum(['nb', 'en'], 'nb or en')
  .nullish()
  .transform((value) => value ?? 'nb');

const signUpInput = z.object({
  courseId: z.uuid('not a course from the course calendar'),
  person: personInput,
  locale,
});

const counsellingInput = z.object({
  person: personInput,
  message: plainText(websiteLimits.text).pipe(z.string().min(1, 'say briefly what you would like help with')),
  locale,
});

export type Person = z.infer<typeof personInput>;

/**
 * What the sender is told: the request filed, nothing of what the service knew before. Where a
 * sign-up landed (a place, the waiting list, or the place the address held already) is left out,
 * so nobody learns from a sign-up in someone else's name whether that person is on a course.
 */
export interface WebsiteRequestReceipt {
  request: WebsiteRequest;
}

/** A reference a person can read out on the phone: no 0/O, 1/I/L or U to confuse. */
function newReference(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  let code = '';
  for (let i = 0; i < 6; i += 1) code += alphabet[randomInt(alphabet.length)];
  return `ET-${code}`;
}

/**
 * Takes the e-mail address's lock for the rest of the transaction, then checks the daily limit:
 * what one person sends is filed one request at a time, so a double click neither files them as
 * two new clients nor slips past the limit.
 */
export async function limitPerAddress(em: EntityManager, email: string): Promise<void> {
  await lockEmailAddress(em, email);
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const sent = await em.count(WebsiteRequestSchema, { email, receivedAt: { $gte: since } });
  if (sent >= requestsPerAddressPerDay) {
    throw rateLimited(
      `At most ${requestsPerAddressPerDay} sign-ups and requests a day from one e-mail address; the office will be in touch about those you sent.`,
      60 * 60,
    );
  }
}

export async function municipalityOf(em: EntityManager, number: string) {
  const municipality = await em.findOne(MunicipalitySchema, { number });
  if (!municipality) {
    throw badUserInput(
      `input.person.municipalityNumber: ${number} is not a municipality of the county`,
      'input.person.municipalityNumber',
    );
  }
  return municipality;
}

/**
 * The client the person is filed under: the region's earliest record with the same e-mail
 * address, or a new one. What the website sends never overwrites a record an adviser keeps.
 */
async function clientFor(em: EntityManager, person: Person, regionId: string) {
  await lockClientRegistrations(em, regionId);
  const [existing] = await em.find(
    ClientSchema,
    { region: regionId, mergedIntoId: null, email: { $ilike: person.email.replace(/[\\%_]/g, (c) => `\\${c}`) } },
    { orderBy: { registeredOn: 'asc', id: 'asc' }, limit: 1 },
  );
  if (existing) return { client: existing, matched: true };
  const client: Client = em.create(ClientSchema, {
    region: regionId,
    municipality: person.municipalityNumber,
    name: person.name,
    email: person.email,
    phone: person.phone ?? null,
    birthYear: null,
    immigrantBackground: person.immigrantBackground,
    gender: null,
    businessIdea: person.businessIdea || null,
    industryCode: null,
    growthPotential: 'NOT_ASSESSED',
    surveyConsent: false,
    registeredOn: todayInNorway(),
    mergedIntoId: null,
  });
  return { client, matched: false };
}

export async function fileRequest(
  em: EntityManager,
  kind: WebsiteRequestKind,
  person: Person,
  regionId: string,
  details: { course?: Course; message?: string },
): Promise<WebsiteRequest> {
  const { client, matched } = await clientFor(em, person, regionId);
  const now = new Date();
  const request = em.create(WebsiteRequestSchema, {
    reference: newReference(),
    kind,
    status: 'PENDING',
    region: regionId,
    client,
    matchedExistingClient: matched,
    course: details.course ?? null,
    message: details.message ?? null,
    email: person.email,
    consentedAt: now,
    privacyNoticeVersion,
    receivedAt: now,
    pickedUpBy: null,
    pickedUpAt: null,
  });
  await em.flush();
  await recordAudit(em, publicWebsiteActor, [
    ...(matched ? [] : [{ operation: 'CREATE' as const, recordType: 'Client', recordId: client.id, detail: kind }]),
    { operation: 'UPDATE', recordType: 'Client', recordId: client.id, detail: `website request ${request.reference}` },
  ]);
  return request;
}

export async function signUpForCourse(em: EntityManager, input: unknown): Promise<WebsiteRequestReceipt> {
  const { courseId, person, locale } = parseInput(signUpInput, input);
  return em.transactional(async (tx) => {
    await limitPerAddress(tx, person.email);
    // Locked: two people taking the last place at once must not both get it.
    const course = await tx.findOne(CourseSchema, { id: courseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (course?.status !== 'PLANNED' || course.startsOn < todayInNorway()) {
      throw badUserInput('input.courseId: the course is not open for sign-up', 'input.courseId');
    }
    const municipality = await municipalityOf(tx, person.municipalityNumber);
    if (municipality.region.id !== course.region.id) {
      const [home, courseRegion] = await Promise.all([
        tx.findOneOrFail(RegionSchema, { id: municipality.region.id }),
        tx.findOneOrFail(RegionSchema, { id: course.region.id }),
      ]);
      throw badUserInput(
        `input.person.municipalityNumber: this course is for people living in ${courseRegion.name}; ${municipality.name} belongs to ${home.name}, whose courses are in the calendar too`,
        'input.person.municipalityNumber',
      );
    }
    const request = await fileRequest(tx, 'COURSE_SIGN_UP', person, course.region.id, { course });
    // A repeated sign-up keeps the place the person has, and the adviser sees that they asked again.
    await placeOnCourse(tx, course, request.client);
    await enqueueReceipt(tx, request, person, locale, course);
    return { request };
  });
}

export async function requestCounselling(em: EntityManager, input: unknown): Promise<WebsiteRequestReceipt> {
  const { person, message, locale } = parseInput(counsellingInput, input);
  return em.transactional(async (tx) => {
    await limitPerAddress(tx, person.email);
    const municipality = await municipalityOf(tx, person.municipalityNumber);
    const request = await fileRequest(tx, 'COUNSELLING', person, municipality.region.id, { message });
    await enqueueReceipt(tx, request, person, locale);
    return { request };
  });
}
