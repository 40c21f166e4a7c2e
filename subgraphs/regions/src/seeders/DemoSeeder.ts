// Demo data: the 13 regions and 51 municipalities of the reference data, each region's operator,
// advisers, offices and services, and four years of the common CRM: a few thousand clients with
// counselling, courses and enrolments, businesses and milestones, follow-ups, links and surveys.
// Deterministic (seeded), so tests and screenshots are stable; bulk inserts, so it takes seconds.
import { referenceRegions } from '@etablerer/kit';
import {
  type DemoClient,
  demoAdvisers,
  demoClients,
  demoCutOff,
  demoPlannedYears,
  demoYears,
  pick,
  seededRandom,
} from '@etablerer/kit/demo';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { AppointmentSlotSchema } from '../entities/appointment-slot.js';
import { BusinessSchema, type LegalForm } from '../entities/business.js';
import { ClientSchema } from '../entities/client.js';
import { ClientLinkSchema, type LinkKind } from '../entities/client-link.js';
import { CounsellingSessionSchema, type SessionForm } from '../entities/counselling-session.js';
import { CourseSchema } from '../entities/course.js';
import { EnrolmentSchema } from '../entities/enrolment.js';
import { FollowUpSchema } from '../entities/follow-up.js';
import { type CapitalSource, ImpactRecordSchema } from '../entities/impact-record.js';
import { MilestoneSchema } from '../entities/milestone.js';
import { OfficeSchema } from '../entities/office.js';
import { SurveyResponseSchema } from '../entities/survey-response.js';
import { WebsiteRequestSchema } from '../entities/website-request.js';
import { privacyNoticeVersion } from '../website.js';
import {
  addDays,
  day,
  insertInChunks,
  notAfterCutOff,
  organisationNumber,
  seedNetworkEvents,
  seedRegionsAndOperators,
  themeCourses,
  topics,
} from './common.js';

/** Industry codes (NACE) of the kinds of businesses the demo clients start. */
const demoIndustryCodes = ['62.010', '70.220', '56.101', '47.910', '96.021', '74.100', '81.300', '43.320'];

export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const advisersOf = await seedRegionsAndOperators(em, demoAdvisers());

    const clients = demoClients();
    await insertInChunks(
      em,
      ClientSchema,
      clients.map(({ regionId, municipalityNumber, serial: _serial, ...client }) => ({
        ...client,
        region: regionId,
        municipality: municipalityNumber,
        mergedIntoId: null,
        version: 1,
      })),
    );

    await this.seedJourneys(em, clients, advisersOf);
    await this.seedCourses(em, clients, advisersOf);
    await this.seedPlannedCourses(em, clients, advisersOf);
    await this.seedWebsiteRequests(em, clients);
    await seedNetworkEvents(em);
    await this.seedAppointmentSlots(em, advisersOf);
    await this.seedImpact(em, advisersOf);
  }

  /**
   * Appointment slots (issue 22) the public website can offer: each region's first adviser, on
   * the weekdays of the three weeks from the day the demo is seeded (slots must lie ahead of now,
   * so these follow the clock rather than the demo's fixed dates), at 09:00 and 13:00 in Oslo.
   */
  private async seedAppointmentSlots(em: EntityManager, advisersOf: Map<string, string[]>) {
    const offices = await em.find(OfficeSchema, {}, { orderBy: { id: 'asc' } });
    const slots: object[] = [];
    const now = new Date();
    let serial = 0;
    for (const [regionId, adviserIds] of advisersOf) {
      const adviser = adviserIds[0];
      if (!adviser) continue;
      const office = offices.find((candidate) => candidate.region.id === regionId) ?? null;
      for (let days = 1; days <= 21; days += 1) {
        const date = new Date(now.getTime() + days * 86_400_000);
        const weekday = date.getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        for (const [hour, form] of [
          [8, 'MEETING'],
          [12, 'VIDEO'],
        ] as const) {
          // 08:00 and 12:00 UTC: 09:00 and 13:00 in Oslo in winter, an hour later in summer.
          const startsAt = new Date(`${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00Z`);
          slots.push({
            id: `50000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
            adviser,
            region: regionId,
            office: form === 'MEETING' ? (office?.id ?? null) : null,
            startsAt,
            durationMinutes: 60,
            form,
            location: form === 'VIDEO' ? 'Lenke til videomøtet kommer på e-post fra veilederen' : null,
            createdAt: now,
            cancelledAt: null,
            calendarSequence: 0,
            version: 1,
          });
        }
      }
    }
    await insertInChunks(em, AppointmentSlotSchema, slots);
  }

  /**
   * Impact records of the businesses: jobs created, capital raised by source and revenue, most
   * confirmed by the client (so the key figures and the impact report have figures), some waiting.
   */
  private async seedImpact(em: EntityManager, advisersOf: Map<string, string[]>) {
    const businesses = await em.execute<{ client_id: string; region_id: string; registered_on: string; n: number }[]>(
      `select b.client_id, c.region_id, to_char(b.registered_on, 'YYYY-MM-DD') as registered_on,
              row_number() over (order by b.id)::int as n
         from business b join client c on c.id = b.client_id order by b.id`,
    );
    const records: object[] = [];
    const sources: CapitalSource[] = ['LOAN', 'LOAN', 'EQUITY', 'GRANT', 'OWN_FUNDS', 'OWN_FUNDS'];
    for (const business of businesses) {
      const random = seededRandom(business.n * 7_919 + 5);
      if (random() > 0.6) continue;
      const adviser = pick(random, advisersOf.get(business.region_id) ?? []);
      const add = (suffix: number, days: number, fields: Record<string, unknown>) => {
        const recordedFor = notAfterCutOff(addDays(business.registered_on, days));
        if (!recordedFor) return;
        const confirmed = random() < 0.8;
        records.push({
          id: `a0000000-0000-4000-8000-${String(business.n * 10 + suffix).padStart(12, '0')}`,
          client: business.client_id,
          adviser,
          region: business.region_id,
          recordedFor,
          fte: null,
          amountOre: null,
          capitalSource: null,
          note: null,
          createdAt: new Date(`${recordedFor}T12:00:00Z`),
          confirmedAt: confirmed ? new Date(`${recordedFor}T15:00:00Z`) : null,
          confirmedVia: confirmed ? pick(random, ['IN_PERSON', 'SIGNED_FORM', 'CLIENT_LINK'] as const) : null,
          version: 1,
          ...fields,
        });
      };
      add(0, 20, {
        kind: 'CAPITAL_RAISED',
        amountOre: 100 * 5_000 * (2 + Math.floor(random() * 80)),
        capitalSource: pick(random, sources),
      });
      if (random() < 0.5) add(1, 180, { kind: 'JOBS_CREATED', fte: (1 + Math.floor(random() * 20)) / 2 });
      if (random() < 0.6) add(2, 365, { kind: 'REVENUE', amountOre: 100 * 10_000 * (5 + Math.floor(random() * 150)) });
    }
    await insertInChunks(em, ImpactRecordSchema, records);
  }

  /** Counselling, follow-ups, businesses, milestones, links and surveys after counselling. */
  private async seedJourneys(em: EntityManager, clients: DemoClient[], advisersOf: Map<string, string[]>) {
    const sessions: object[] = [];
    const followUps: object[] = [];
    const businesses: object[] = [];
    const milestones: object[] = [];
    const links: object[] = [];
    const surveys: object[] = [];
    const forms: SessionForm[] = ['MEETING', 'MEETING', 'PHONE', 'VIDEO'];
    const legalForms: LegalForm[] = ['ENK', 'ENK', 'ENK', 'AS', 'AS', 'ANS'];
    const linkKinds: LinkKind[] = ['MENTOR', 'ESTABLISHED_BUSINESS', 'CLUSTER', 'INCUBATOR', 'COMPETENCE_ENVIRONMENT'];
    for (const client of clients) {
      const random = seededRandom(client.serial * 40_503 + 17);
      const advisers = advisersOf.get(client.regionId) ?? [];
      const adviser = pick(random, advisers);
      let date = client.registeredOn;
      const sessionCount = 1 + Math.floor(random() * random() * 6);
      for (let i = 0; i < sessionCount; i++) {
        const when = notAfterCutOff(date);
        if (!when) break;
        sessions.push({
          id: `40000000-0000-4000-8000-${String(client.serial * 10 + i).padStart(12, '0')}`,
          client: client.id,
          adviser: i > 2 ? pick(random, advisers) : adviser,
          region: client.regionId,
          date: when,
          durationMinutes: 15 * (2 + Math.floor(random() * 7)),
          form: pick(random, forms),
          topic: pick(random, topics),
          version: 1,
        });
        date = addDays(date, 10 + Math.floor(random() * 35));
      }
      const followUpOn = notAfterCutOff(addDays(date, 60));
      if (followUpOn && random() < 0.5) {
        followUps.push({
          id: `50000000-0000-4000-8000-${String(client.serial).padStart(12, '0')}`,
          client: client.id,
          adviser,
          date: followUpOn,
          note: 'Oppfølgingssamtale: status for etableringen og videre behov.',
        });
      }
      const registeredOn = notAfterCutOff(addDays(client.registeredOn, 30 + Math.floor(random() * 240)));
      if (registeredOn && random() < 0.42) {
        // As the register of legal entities' import (business-register.ts) would have left it on the cut-off day.
        const business: Record<string, unknown> = {
          id: `60000000-0000-4000-8000-${String(client.serial).padStart(12, '0')}`,
          client: client.id,
          name: `${client.name.split(' ')[1]} ${client.businessIdea.split(' ')[0]?.toLowerCase()}`,
          organisationNumber: organisationNumber(client.serial * 104_729 + 3),
          registeredOn,
          legalForm: pick(random, legalForms),
          industryCode: demoIndustryCodes[client.serial % demoIndustryCodes.length],
          registeredInRegisterOn: registeredOn,
          registerCheckedAt: new Date(`${demoCutOff}T04:00:00Z`),
          deletedOn: null,
          bankruptOn: null,
        };
        businesses.push(business);
        const milestone = (kind: string, on: string | null, suffix: number) => {
          if (on) {
            milestones.push({
              id: `70000000-0000-4000-8000-${String(client.serial * 10 + suffix).padStart(12, '0')}`,
              client: client.id,
              kind,
              reachedOn: on,
            });
          }
        };
        milestone('BUSINESS_REGISTERED', registeredOn, 0);
        if (random() < 0.7) milestone('FIRST_REVENUE', notAfterCutOff(addDays(registeredOn, 45)), 1);
        if (random() < 0.15) milestone('FIRST_EMPLOYEE', notAfterCutOff(addDays(registeredOn, 200)), 2);
        // Survival thins out year by year, as the key figures expect: a business that does not live to its
        // next anniversary is deleted (or, every third, goes bankrupt) some months into that year.
        let alive = random() < 0.82;
        for (const years of [1, 2, 3]) {
          if (!alive) {
            const endedOn = notAfterCutOff(addDays(registeredOn, 365 * (years - 1) + 150));
            if (endedOn) business[client.serial % 3 === 0 ? 'bankruptOn' : 'deletedOn'] = endedOn;
            break;
          }
          alive = random() < 0.85;
        }
      }
      if (random() < 0.15) {
        links.push({
          id: `80000000-0000-4000-8000-${String(client.serial).padStart(12, '0')}`,
          client: client.id,
          kind: pick(random, linkKinds),
          name: pick(random, [
            'Næringshagen',
            'Gründerhuset',
            'Mentor fra næringslivet',
            'Klyngen for matproduksjon',
            'Inkubatoren',
          ]),
          since: notAfterCutOff(addDays(client.registeredOn, 60)) ?? client.registeredOn,
        });
      }
      if (client.surveyConsent && random() < 0.35) {
        const answeredOn = notAfterCutOff(addDays(client.registeredOn, 21));
        if (answeredOn) {
          surveys.push({
            id: `90000000-0000-4000-8000-${String(client.serial).padStart(12, '0')}`,
            client: client.id,
            region: client.regionId,
            occasion: 'AFTER_COUNSELLING',
            course: null,
            score: Math.min(6, 3 + Math.floor(random() * 3.6)),
            comment: random() < 0.3 ? 'Nyttig veiledning, fikk konkrete råd om neste steg.' : null,
            answeredOn,
          });
        }
      }
    }
    await insertInChunks(em, CounsellingSessionSchema, sessions);
    await insertInChunks(em, FollowUpSchema, followUps);
    await insertInChunks(em, BusinessSchema, businesses);
    await insertInChunks(em, MilestoneSchema, milestones);
    await insertInChunks(em, ClientLinkSchema, links);
    await insertInChunks(em, SurveyResponseSchema, surveys);
  }

  /** Basic and theme courses every year in every region, enrolments with waiting lists, attendance. */
  private async seedCourses(em: EntityManager, clients: DemoClient[], advisersOf: Map<string, string[]>) {
    const courses: {
      id: string;
      region: string;
      kind: 'BASIC' | 'THEME';
      startsOn: string;
      capacity: number;
      enrolled: number;
    }[] = [];
    const courseRows: object[] = [];
    const instructors: { course_id: string; adviser_id: string }[] = [];
    const enrolments: object[] = [];
    const surveys: object[] = [];
    let serial = 0;
    referenceRegions().forEach((region, regionIndex) => {
      const inRegion = clients.filter((c) => c.regionId === region.id);
      for (const year of demoYears) {
        const ofYear = inRegion.filter((c) => c.registeredOn.startsWith(String(year)));
        const basics = Math.max(2, Math.round(ofYear.length / 30));
        const themes = Math.max(2, Math.round(ofYear.length / 40));
        for (let i = 0; i < basics + themes; i++, serial++) {
          const kind = i < basics ? 'BASIC' : 'THEME';
          const nth = kind === 'BASIC' ? i : i - basics;
          const count = kind === 'BASIC' ? basics : themes;
          const startsOn = addDays(`${year}-01-15`, Math.floor(((nth + 0.5) / count) * 330));
          const id = `a0000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
          const capacity = kind === 'BASIC' ? 20 : 15;
          courses.push({ id, region: region.id, kind, startsOn, capacity, enrolled: 0 });
          courseRows.push({
            id,
            region: region.id,
            kind,
            title:
              kind === 'BASIC'
                ? 'Grunnleggende etablererkurs'
                : (themeCourses[(regionIndex + nth) % themeCourses.length] as string),
            startsOn,
            endsOn: addDays(startsOn, kind === 'BASIC' ? 21 : 0),
            location: nth % 3 === 2 ? null : `${region.name} etablerersenter`,
            online: nth % 3 === 2,
            capacity,
            participantFeeOre: kind === 'THEME' && nth % 2 === 1 ? 50_000 : 0,
            partnerInstructor: kind === 'THEME' && nth % 3 === 0 ? 'Innovasjon Norge' : null,
            status: addDays(startsOn, kind === 'BASIC' ? 21 : 0) <= demoCutOff ? 'HELD' : 'PLANNED',
            version: 1,
          });
          instructors.push({
            course_id: id,
            adviser_id: (advisersOf.get(region.id) ?? [])[nth % (advisersOf.get(region.id)?.length ?? 1)] as string,
          });
        }
      }
    });
    for (const client of clients) {
      const random = seededRandom(client.serial * 7_777 + 5);
      const ofRegion = courses.filter((c) => c.region === client.regionId && c.startsOn >= client.registeredOn);
      const wanted: typeof courses = [];
      const basic = ofRegion.find((c) => c.kind === 'BASIC');
      if (basic && random() < 0.6) wanted.push(basic);
      const theme = ofRegion.find((c) => c.kind === 'THEME');
      if (theme && random() < 0.3) wanted.push(theme);
      for (const course of wanted) {
        const full = course.enrolled >= course.capacity;
        if (!full) course.enrolled++;
        const held = course.startsOn <= demoCutOff;
        const attended = !full && held ? random() < 0.85 : null;
        const enrolmentId = `b0000000-0000-4000-8000-${String(client.serial * 2 + (course.kind === 'BASIC' ? 0 : 1)).padStart(12, '0')}`;
        enrolments.push({
          id: enrolmentId,
          course: course.id,
          client: client.id,
          status: full ? 'WAITLISTED' : 'ENROLLED',
          enrolledAt: new Date(Date.parse(client.registeredOn) + 3 * day),
          attended,
        });
        if (attended && client.surveyConsent && random() < 0.3) {
          surveys.push({
            id: `c0000000-0000-4000-8000-${String(client.serial * 2 + (course.kind === 'BASIC' ? 0 : 1)).padStart(12, '0')}`,
            client: client.id,
            region: client.regionId,
            occasion: 'AFTER_COURSE',
            course: course.id,
            score: Math.min(6, 3 + Math.floor(random() * 3.8)),
            comment: null,
            answeredOn: notAfterCutOff(addDays(course.startsOn, 25)) ?? course.startsOn,
          });
        }
      }
    }
    await insertInChunks(em, CourseSchema, courseRows);
    for (let i = 0; i < instructors.length; i += 1000) {
      const chunk = instructors.slice(i, i + 1000);
      // em.execute, not the raw connection: it must run inside the seeding transaction.
      await em.execute(
        `insert into course_instructors (course_id, adviser_id) values ${chunk.map(() => '(?, ?)').join(', ')}`,
        chunk.flatMap((row) => [row.course_id, row.adviser_id]),
      );
    }
    await insertInChunks(em, EnrolmentSchema, enrolments);
    await insertInChunks(em, SurveyResponseSchema, surveys);
  }

  /**
   * The calendar ahead: two basic and two theme courses a year in every region, planned. In Follo
   * the first theme course is full with a waiting list and the first basic course half full, so
   * the public calendar and the advisers' course pages show both.
   */
  private async seedPlannedCourses(em: EntityManager, clients: DemoClient[], advisersOf: Map<string, string[]>) {
    const rows: object[] = [];
    const instructors: { course_id: string; adviser_id: string }[] = [];
    const enrolments: object[] = [];
    const plan = [
      { kind: 'BASIC', month: '02-08', days: 21 },
      { kind: 'THEME', month: '04-15', days: 0 },
      { kind: 'BASIC', month: '09-06', days: 21 },
      { kind: 'THEME', month: '10-20', days: 0 },
    ] as const;
    referenceRegions().forEach((region, regionIndex) => {
      demoPlannedYears.forEach((year, yearIndex) => {
        plan.forEach((planned, nth) => {
          const serial = regionIndex * 100 + yearIndex * 10 + nth;
          const id = `a1000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
          const startsOn = `${year}-${planned.month}`;
          const capacity = planned.kind === 'BASIC' ? 20 : 15;
          rows.push({
            id,
            region: region.id,
            kind: planned.kind,
            title:
              planned.kind === 'BASIC'
                ? 'Grunnleggende etablererkurs'
                : (themeCourses[(regionIndex + nth + yearIndex) % themeCourses.length] as string),
            startsOn,
            endsOn: addDays(startsOn, planned.days),
            location: nth === 3 ? null : `${region.name} etablerersenter`,
            online: nth === 3,
            capacity,
            participantFeeOre: planned.kind === 'THEME' && nth === 1 ? 50_000 : 0,
            partnerInstructor: null,
            status: 'PLANNED',
            version: 1,
          });
          const advisers = advisersOf.get(region.id) ?? [];
          instructors.push({ course_id: id, adviser_id: advisers[nth % advisers.length] as string });
          if (region.id !== 'follo' || yearIndex !== 0 || nth > 1) return;
          // Follo's first courses of the first planned year: a full theme course, a half-full basic one.
          const taking = nth === 0 ? 10 : capacity + 2;
          const candidates = clients.filter((c) => c.regionId === 'follo' && c.registeredOn.startsWith('2025'));
          candidates.slice(nth * 40, nth * 40 + taking).forEach((client, place) => {
            enrolments.push({
              id: `b1000000-0000-4000-8000-${String(serial * 100 + place).padStart(12, '0')}`,
              course: id,
              client: client.id,
              status: place < capacity ? 'ENROLLED' : 'WAITLISTED',
              enrolledAt: new Date(Date.parse(demoCutOff) - (taking - place) * 60 * 60 * 1000),
              attended: null,
            });
          });
        });
      });
    });
    await insertInChunks(em, CourseSchema, rows);
    await em.execute(
      `insert into course_instructors (course_id, adviser_id) values ${instructors.map(() => '(?, ?)').join(', ')}`,
      instructors.flatMap((row) => [row.course_id, row.adviser_id]),
    );
    await insertInChunks(em, EnrolmentSchema, enrolments);
  }

  /**
   * A few requests from the public website, so the advisers' inbox is not empty in the demo: in
   * Follo a sign-up for the first planned basic course and a request for counselling waiting, in
   * Drammensregionen one its adviser has picked up.
   */
  private async seedWebsiteRequests(em: EntityManager, clients: DemoClient[]) {
    const follo = referenceRegions().findIndex((region) => region.id === 'follo');
    const folloBasicCourse = `a1000000-0000-4000-8000-${String(follo * 100).padStart(12, '0')}`;
    const of = (regionId: string, nth: number) =>
      clients.filter((c) => c.regionId === regionId && c.registeredOn.startsWith('2025'))[nth] as DemoClient;
    const drammenAdviser = demoAdvisers().find((adviser) => adviser.username === 'drammen.adviser');
    const request = (
      n: number,
      client: DemoClient,
      kind: 'COURSE_SIGN_UP' | 'COUNSELLING',
      receivedAt: string,
      details: { course?: string; message?: string; pickedUp?: string },
    ) => ({
      id: `e1000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      reference: `ET-D3MX${'ABC'[n]}${n + 2}`,
      kind,
      status: details.pickedUp ? 'PICKED_UP' : 'PENDING',
      region: client.regionId,
      client: client.id,
      matchedExistingClient: true,
      course: details.course ?? null,
      message: details.message ?? null,
      email: client.email.toLowerCase(),
      consentedAt: new Date(receivedAt),
      privacyNoticeVersion,
      receivedAt: new Date(receivedAt),
      pickedUpBy: details.pickedUp ? (drammenAdviser?.id ?? null) : null,
      pickedUpAt: details.pickedUp ? new Date(details.pickedUp) : null,
      version: 1,
    });
    await em.insertMany(WebsiteRequestSchema, [
      // The first client placed on Follo's first basic course, signed up on the website.
      request(0, of('follo', 0), 'COURSE_SIGN_UP', '2026-06-20T09:12:00Z', { course: folloBasicCourse }),
      request(1, of('follo', 60), 'COUNSELLING', '2026-06-27T18:40:00Z', {
        message: 'Jeg vil starte et lite bakeri og lurer på hva jeg må gjøre først.',
      }),
      request(2, of('drammensregionen', 5), 'COUNSELLING', '2026-06-15T07:55:00Z', {
        message: 'Trenger hjelp med budsjett for et regnskapsbyrå.',
        pickedUp: '2026-06-16T08:30:00Z',
      }),
    ] as never[]);
  }
}
