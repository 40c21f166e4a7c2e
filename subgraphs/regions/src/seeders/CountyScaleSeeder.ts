// The regions' part of the county-scale data set (issue 9), into a database of its own: the demo's
// regions, operators, offices and services, 300 advisers (the demo users' among them), 60,000
// clients registered over 2022–2025 with 400,000 counselling sessions, 6,000 courses with 120,000
// enrolments and waiting lists, businesses and milestones, follow-ups, links and surveys.
// Deterministic: seeded draws and even spreads from serial numbers, never Math.random. Bulk inserts
// of generated rows (one JSON document per chunk), so the full scale takes seconds, not minutes.
import { bulkInsert, organisationNumberCheckDigit, referenceRegions } from '@etablerer/kit';
import {
  apportion,
  type CountyScale,
  countyScaleOf,
  demoCutOff,
  evenlySpread,
  pick,
  type ScaleClient,
  scaleAdvisers,
  scaleClients,
  seededRandom,
} from '@etablerer/kit/demo';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { BusinessSchema, type LegalForm } from '../entities/business.js';
import { ClientSchema } from '../entities/client.js';
import { ClientLinkSchema, type LinkKind } from '../entities/client-link.js';
import { CounsellingSessionSchema, type SessionForm } from '../entities/counselling-session.js';
import { CourseSchema } from '../entities/course.js';
import { EnrolmentSchema } from '../entities/enrolment.js';
import { FollowUpSchema } from '../entities/follow-up.js';
import { MilestoneSchema } from '../entities/milestone.js';
import { SurveyResponseSchema } from '../entities/survey-response.js';
import { day, seedNetworkEvents, seedRegionsAndOperators, themeCourses, topics } from './common.js';

type Row = Record<string, unknown>;

// Dates as whole days since 1970, so that hundreds of thousands of them cost little.
const dayOf = (date: string) => Date.parse(date) / day;
const dateOf = (dayNumber: number) => new Date(dayNumber * day).toISOString().slice(0, 10);
const cutOff = dayOf(demoCutOff);
/** The first and last possible course start: the courses run from January 2022 to December 2026. */
const firstCourseDay = dayOf('2022-01-10');
const lastCourseDay = dayOf('2026-12-11');

/** A UUID of the county-scale data: `prefix` tells the table, as in the demo data; 9000 tells it from the demo's. */
const scaleId = (prefix: string, serial: number) => `${prefix}-0000-4000-9000-${String(serial).padStart(12, '0')}`;

const forms: SessionForm[] = ['MEETING', 'MEETING', 'PHONE', 'VIDEO'];
const legalForms: LegalForm[] = ['ENK', 'ENK', 'ENK', 'AS', 'AS', 'ANS'];
const linkKinds: LinkKind[] = ['MENTOR', 'ESTABLISHED_BUSINESS', 'CLUSTER', 'INCUBATOR', 'COMPETENCE_ENVIRONMENT'];
const linkNames = [
  'Næringshagen',
  'Gründerhuset',
  'Mentor fra næringslivet',
  'Klyngen for matproduksjon',
  'Inkubatoren',
];

/**
 * Unique, valid organisation numbers in a scattered order: the k-th of a permutation of
 * 91000000–99999998 (a stride prime to the range), skipping those without a check digit.
 */
/** Industry codes (NACE) of the kinds of businesses the clients start. */
const scaleIndustryCodes = ['62.010', '70.220', '56.101', '47.910', '96.021', '74.100', '81.300', '43.320'];

function* organisationNumbers(): Generator<string> {
  const range = 8_999_999;
  for (let k = 0; k < range; k++) {
    const firstEight = String(91_000_000 + ((k * 6_180_339) % range));
    const check = organisationNumberCheckDigit(firstEight);
    if (check !== null) yield `${firstEight}${check}`;
  }
}

interface ScaleCourse {
  index: number;
  id: string;
  regionId: string;
  startsOn: number;
  endsOn: number;
  capacity: number;
  status: 'PLANNED' | 'HELD' | 'CANCELLED';
  /** Places and waiting-list places taken, in the order they were taken. */
  taken: { clientIndex: number; enrolledAt: number; cancelled: boolean }[];
}

export class CountyScaleSeeder extends Seeder {
  private readonly scale: CountyScale;

  /** The full county scale, or smaller counts (or a factor), as tests use. */
  constructor(size?: Partial<CountyScale> | number) {
    super();
    this.scale = countyScaleOf(size);
  }

  async run(em: EntityManager): Promise<void> {
    const advisersOf = await seedRegionsAndOperators(em, scaleAdvisers(this.scale));
    const clients = scaleClients(this.scale);
    await bulkInsert(
      em,
      ClientSchema,
      clients.map(({ regionId, municipalityNumber, serial: _serial, rank: _rank, ...client }) => ({
        ...client,
        region: regionId,
        municipality: municipalityNumber,
        mergedIntoId: null,
        version: 1,
      })),
    );
    // Each client's own adviser, from the client's region; most sessions are with them.
    const mainAdviser = clients.map((client) => {
      const advisers = advisersOf.get(client.regionId) ?? [];
      return advisers[Math.floor(seededRandom(client.serial * 7_919 + 3)() * advisers.length)] as string;
    });
    const lastSessionDay = await this.seedCounselling(em, clients, advisersOf, mainAdviser);
    const journeys = this.journeys(clients, mainAdviser, lastSessionDay);
    await bulkInsert(em, FollowUpSchema, journeys.followUps);
    await bulkInsert(em, BusinessSchema, journeys.businesses);
    await bulkInsert(em, MilestoneSchema, journeys.milestones);
    await bulkInsert(em, ClientLinkSchema, journeys.links);
    const courseSurveys = await this.seedCourses(em, clients, advisersOf);
    await bulkInsert(em, SurveyResponseSchema, [...journeys.surveys, ...courseSurveys]);
    await seedNetworkEvents(em);
  }

  /**
   * The sessions: one at registration for every client, the rest shared out by an exponential
   * draw (many clients come a few times, some dozens), weighted by how long the client has had
   * until the cut-off; spaced one to six weeks apart, closer when time runs short, never after
   * the cut-off. Returns each client's last session day.
   */
  private async seedCounselling(
    em: EntityManager,
    clients: ScaleClient[],
    advisersOf: Map<string, string[]>,
    mainAdviser: string[],
  ): Promise<number[]> {
    const weights = clients.map((client) => {
      const random = seededRandom(client.serial * 40_503 + 17);
      const time = Math.min(1, (cutOff - dayOf(client.registeredOn)) / 540);
      return -Math.log(1 - random()) * (0.4 + 0.6 * time);
    });
    const counts = apportion(this.scale.counsellingSessions - clients.length, weights).map((extra) => extra + 1);
    const sessions: Row[] = [];
    const lastSessionDay: number[] = [];
    clients.forEach((client, c) => {
      const random = seededRandom(client.serial * 40_503 + 18);
      const count = counts[c] as number;
      const advisers = advisersOf.get(client.regionId) ?? [];
      const first = dayOf(client.registeredOn);
      const gaps = Array.from({ length: count - 1 }, () => 7 + Math.floor(random() * 36));
      const span = gaps.reduce((sum, gap) => sum + gap, 0);
      const squeeze = Math.min(1, (cutOff - first) / Math.max(1, span));
      let elapsed = 0;
      for (let i = 0; i < count; i++) {
        if (i > 0) elapsed += gaps[i - 1] as number;
        const date = first + Math.floor(elapsed * squeeze);
        sessions.push({
          id: scaleId('40000000', sessions.length),
          client: client.id,
          adviser: random() < 0.8 ? mainAdviser[c] : pick(random, advisers),
          region: client.regionId,
          date: dateOf(date),
          durationMinutes: 15 * (2 + Math.floor(random() * 7)),
          form: pick(random, forms),
          topic: i === 0 ? 'Forretningsplan' : pick(random, topics),
          version: 1,
        });
        if (i === count - 1) lastSessionDay.push(date);
      }
    });
    await bulkInsert(em, CounsellingSessionSchema, sessions);
    return lastSessionDay;
  }

  /**
   * Follow-ups, businesses (42 % of a region's year) with their milestones (a quarter with a first
   * employee, survival thinning out year by year), links and surveys after counselling. The
   * shares behind key figures are evenly spread over each region's year, so none is suppressed.
   */
  private journeys(clients: ScaleClient[], mainAdviser: string[], lastSessionDay: number[]) {
    const followUps: Row[] = [];
    const businesses: Row[] = [];
    const milestones: Row[] = [];
    const links: Row[] = [];
    const surveys: Row[] = [];
    const numbers = organisationNumbers();
    clients.forEach((client, c) => {
      const random = seededRandom(client.serial * 104_729 + 3);
      const registered = dayOf(client.registeredOn);
      const followUpOn = (lastSessionDay[c] as number) + 60;
      if (followUpOn <= cutOff && random() < 0.5) {
        followUps.push({
          id: scaleId('50000000', client.serial),
          client: client.id,
          adviser: mainAdviser[c],
          date: dateOf(followUpOn),
          note: 'Oppfølgingssamtale: status for etableringen og videre behov.',
        });
      }
      const started = registered + 30 + Math.floor(random() * 240);
      if (evenlySpread(client.rank, 2) < 0.42 && started <= cutOff) {
        businesses.push({
          id: scaleId('60000000', client.serial),
          client: client.id,
          name: `${client.name.split(' ')[1]} ${client.businessIdea.split(' ')[0]?.toLowerCase()}`,
          organisationNumber: numbers.next().value,
          registeredOn: dateOf(started),
          legalForm: pick(random, legalForms),
          // As the register of legal entities' import would have left it; survival is computed from these.
          industryCode: scaleIndustryCodes[client.serial % scaleIndustryCodes.length],
          registeredInRegisterOn: dateOf(started),
          registerCheckedAt: new Date(`${dateOf(cutOff)}T04:00:00Z`),
          deletedOn: null,
          bankruptOn: null,
        });
        const business = businesses[businesses.length - 1] as Row;
        const milestone = (kind: string, on: number, suffix: number) => {
          if (on > cutOff) return false;
          milestones.push({
            id: scaleId('70000000', client.serial * 10 + suffix),
            client: client.id,
            kind,
            reachedOn: dateOf(on),
          });
          return true;
        };
        milestone('BUSINESS_REGISTERED', started, 0);
        if (random() < 0.7) milestone('FIRST_REVENUE', started + 45, 1);
        if (evenlySpread(client.rank, 3) < 0.25) milestone('FIRST_EMPLOYEE', started + 200, 2);
        // Survival thins out year by year: a business that does not live to its next anniversary is
        // deleted (every third goes bankrupt) some months into that year. The draws are those of the
        // ACTIVE_AFTER_* milestones this seeder made before, so the rest of the data stays as it was.
        const end = (years: number) => {
          const on = started + 365 * (years - 1) + 150;
          if (on <= cutOff) business[client.serial % 3 === 0 ? 'bankruptOn' : 'deletedOn'] = dateOf(on);
        };
        if (evenlySpread(client.rank, 4) >= 0.82) end(1);
        else if (started + 365 <= cutOff) {
          const diesInSecondYear = random() >= 0.85;
          if (diesInSecondYear) end(2);
          else if (started + 730 <= cutOff) {
            const diesInThirdYear = random() >= 0.85;
            if (diesInThirdYear) end(3);
          }
        }
      }
      if (random() < 0.15) {
        links.push({
          id: scaleId('80000000', client.serial),
          client: client.id,
          kind: pick(random, linkKinds),
          name: pick(random, linkNames),
          since: dateOf(Math.min(registered + 60, cutOff)),
        });
      }
      if (client.surveyConsent && random() < 0.35 && registered + 21 <= cutOff) {
        surveys.push({
          id: scaleId('90000000', client.serial),
          client: client.id,
          region: client.regionId,
          occasion: 'AFTER_COUNSELLING',
          course: null,
          score: Math.min(6, 3 + Math.floor(random() * 3.6)),
          comment: random() < 0.3 ? 'Nyttig veiledning, fikk konkrete råd om neste steg.' : null,
          answeredOn: dateOf(registered + 21),
        });
      }
    });
    return { followUps, businesses, milestones, links, surveys };
  }

  /**
   * Courses in every region by its number of clients, spread over 2022–2026 on weekdays (held
   * once over, planned after the cut-off, a few cancelled); enrolments first come, first served:
   * past the capacity onto the waiting list, a full waiting list turns the client to another
   * course. Returns the surveys after the courses.
   */
  private async seedCourses(em: EntityManager, clients: ScaleClient[], advisersOf: Map<string, string[]>) {
    const regions = referenceRegions();
    const clientsPerRegion = regions.map((region) => clients.filter((c) => c.regionId === region.id).length);
    const perRegion = apportion(this.scale.courses, clientsPerRegion, this.scale.courses >= regions.length ? 1 : 0);
    const courseRows: Row[] = [];
    const instructors: Row[] = [];
    const coursesOf = new Map<string, ScaleCourse[]>();
    regions.forEach((region, regionIndex) => {
      const count = perRegion[regionIndex] as number;
      const advisers = advisersOf.get(region.id) ?? [];
      const ofRegion: ScaleCourse[] = [];
      for (let k = 0; k < count; k++) {
        const index = courseRows.length;
        const random = seededRandom(index * 7_777 + 5);
        let startsOn = firstCourseDay + Math.floor(((k + 0.5) / count) * (lastCourseDay - firstCourseDay));
        const weekday = new Date(startsOn * day).getUTCDay();
        if (weekday === 6 || weekday === 0) startsOn += weekday === 6 ? 2 : 1;
        const basic = random() < 0.5;
        const online = random() < (basic ? 0.1 : 0.33);
        const endsOn = startsOn + (basic ? 21 : 0);
        const capacity = online ? 40 : basic ? pick(random, [20, 24]) : pick(random, [12, 15, 20, 25]);
        const status = random() < 0.02 ? 'CANCELLED' : endsOn <= cutOff ? 'HELD' : 'PLANNED';
        const id = scaleId('a0000000', index);
        courseRows.push({
          id,
          region: region.id,
          kind: basic ? 'BASIC' : 'THEME',
          title: basic ? 'Grunnleggende etablererkurs' : pick(random, themeCourses),
          startsOn: dateOf(startsOn),
          endsOn: dateOf(endsOn),
          location: online ? null : `${region.name} etablerersenter`,
          online,
          capacity,
          participantFeeOre: !basic && random() < 0.5 ? 50_000 : 0,
          partnerInstructor: !basic && random() < 0.33 ? 'Innovasjon Norge' : null,
          status,
          version: 1,
        });
        instructors.push({ course_id: id, adviser_id: advisers[k % advisers.length] });
        if (basic && advisers.length > 1 && random() < 0.3) {
          instructors.push({ course_id: id, adviser_id: advisers[(k + 1) % advisers.length] });
        }
        ofRegion.push({ index, id, regionId: region.id, startsOn, endsOn, capacity, status, taken: [] });
      }
      coursesOf.set(region.id, ofRegion);
    });
    await bulkInsert(em, CourseSchema, courseRows);
    await bulkInsert(em, 'course_instructors', instructors);

    this.placeOnCourses(clients, coursesOf);
    const enrolments: Row[] = [];
    const surveys: Row[] = [];
    for (const course of [...coursesOf.values()].flat()) {
      // First come, first served: the earliest take the places, the later ones wait.
      course.taken.sort((a, b) => a.enrolledAt - b.enrolledAt || a.clientIndex - b.clientIndex);
      let enrolled = 0;
      for (const place of course.taken) {
        const client = clients[place.clientIndex] as ScaleClient;
        const random = seededRandom(enrolments.length * 31 + 7);
        const cancelled = place.cancelled || course.status === 'CANCELLED';
        const status = cancelled ? 'CANCELLED' : enrolled < course.capacity ? 'ENROLLED' : 'WAITLISTED';
        if (status === 'ENROLLED') enrolled++;
        const attended = course.status === 'HELD' && status === 'ENROLLED' ? random() < 0.85 : null;
        enrolments.push({
          id: scaleId('b0000000', enrolments.length),
          course: course.id,
          client: client.id,
          status,
          enrolledAt: new Date(place.enrolledAt),
          attended,
        });
        if (attended && client.surveyConsent && random() < 0.3) {
          surveys.push({
            id: scaleId('c0000000', surveys.length),
            client: client.id,
            region: client.regionId,
            occasion: 'AFTER_COURSE',
            course: course.id,
            score: Math.min(6, 3 + Math.floor(random() * 3.8)),
            comment: null,
            answeredOn: dateOf(Math.min(course.endsOn + 4, cutOff)),
          });
        }
      }
    }
    await bulkInsert(em, EnrolmentSchema, enrolments);
    return surveys;
  }

  /**
   * Shares the scale's enrolments out over the clients (three in ten take no course, the others
   * one to a few), each on courses of the client's region starting one week to a year after
   * registration, sooner ones likelier. A place the client cannot get passes to the next client.
   */
  private placeOnCourses(clients: ScaleClient[], coursesOf: Map<string, ScaleCourse[]>) {
    const wishes = apportion(
      this.scale.enrolments,
      clients.map((client) => {
        const random = seededRandom(client.serial * 7_777 + 5);
        return random() < 0.3 ? 0 : 0.5 + random() * random() * 4;
      }),
    );
    const chosen = new Set<string>();
    /** One more place for the client, if a course has one (or room on its waiting list). */
    const place = (clientIndex: number, random: () => number): boolean => {
      const client = clients[clientIndex] as ScaleClient;
      const courses = coursesOf.get(client.regionId) ?? [];
      const registered = dayOf(client.registeredOn);
      const from = firstIndexFrom(courses, registered + 7);
      const to = firstIndexFrom(courses, registered + 366);
      const candidates = to - from;
      if (candidates <= 0) return false;
      const start = Math.floor(random() * random() * candidates);
      for (let step = 0; step < candidates; step++) {
        const course = courses[from + ((start + step) % candidates)] as ScaleCourse;
        const key = `${course.index}:${clientIndex}`;
        if (chosen.has(key) || course.taken.length >= course.capacity + Math.ceil(course.capacity / 4)) continue;
        chosen.add(key);
        const latest = Math.min(course.startsOn - 1, cutOff);
        const enrolledOn = registered + 1 + Math.floor(random() * (latest - registered));
        course.taken.push({
          clientIndex,
          // During office hours, 08:00–16:00.
          enrolledAt: enrolledOn * day + (8 * 60 + Math.floor(random() * 480)) * 60_000,
          cancelled: random() < 0.03,
        });
        return true;
      }
      return false;
    };
    let owed = 0;
    clients.forEach((client, clientIndex) => {
      const random = seededRandom(client.serial * 7_777 + 6);
      let wanted = (wishes[clientIndex] as number) + owed;
      owed = 0;
      while (wanted > 0 && place(clientIndex, random)) wanted--;
      owed = wanted;
    });
    // What could not be placed in turn goes to whoever still has a course to take, in turn.
    for (let round = 0; owed > 0; round++) {
      const before = owed;
      for (let clientIndex = 0; clientIndex < clients.length && owed > 0; clientIndex++) {
        if (place(clientIndex, seededRandom(clientIndex * 13 + round))) owed--;
      }
      if (owed === before)
        throw new Error(`${owed} enrolments do not fit on the courses: more courses, or fewer enrolments`);
    }
  }
}

/** The first course (sorted by start) starting on `dayNumber` or later; `courses.length` if none. */
function firstIndexFrom(courses: ScaleCourse[], dayNumber: number): number {
  let low = 0;
  let high = courses.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((courses[middle] as ScaleCourse).startsOn < dayNumber) low = middle + 1;
    else high = middle;
  }
  return low;
}
