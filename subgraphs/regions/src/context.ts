// The per-request context of the regions subgraph: its EntityManager fork, caller and DataLoaders.
import { contextWithLoaders, entitiesFromSql, loaderByKey, loaderOfGroups } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { counsellingHoursLoader, minutesBeyondFreeLimitLoader } from './counselling.js';
import { AdviserSchema } from './entities/adviser.js';
import { AppointmentBookingSchema } from './entities/appointment-booking.js';
import { BusinessSchema } from './entities/business.js';
import { ClientSchema } from './entities/client.js';
import { ClientLinkSchema } from './entities/client-link.js';
import { type CounsellingSession, CounsellingSessionSchema } from './entities/counselling-session.js';
import { type Course, CourseSchema } from './entities/course.js';
import { EnrolmentSchema } from './entities/enrolment.js';
import { FollowUpSchema } from './entities/follow-up.js';
import { ImpactRecordSchema } from './entities/impact-record.js';
import { MilestoneSchema } from './entities/milestone.js';
import { MunicipalitySchema } from './entities/municipality.js';
import { type NetworkEvent, NetworkEventSchema } from './entities/network-event.js';
import { OfficeSchema } from './entities/office.js';
import { OperatorSchema } from './entities/operator.js';
import { RegionSchema } from './entities/region.js';
import { ServiceOfferingSchema } from './entities/service-offering.js';
import { WebsiteRequestSchema } from './entities/website-request.js';
import { heldCoursesLoader } from './held-courses.js';
import { heldCoursesOf, keyFigureRowsLoader, statisticsLoader } from './statistics.js';
import { surveyResultsLoader } from './surveys.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function createLoaders(em: EntityManager) {
  const keyFigureRows = keyFigureRowsLoader(em);
  const heldCourses = heldCoursesLoader(keyFigureRows, heldCoursesOf);
  return {
    region: loaderByKey(
      (ids: string[]) => entitiesFromSql(em, RegionSchema, 'select * from region where id in (?)', [ids]),
      (region) => region.id,
    ),
    municipality: loaderByKey(
      (numbers: string[]) =>
        entitiesFromSql(em, MunicipalitySchema, 'select * from municipality where number in (?)', [numbers]),
      (municipality) => municipality.number,
    ),
    municipalitiesOfRegion: loaderOfGroups(
      (regionIds: string[]) =>
        entitiesFromSql(em, MunicipalitySchema, 'select * from municipality where region_id in (?) order by number', [
          regionIds,
        ]),
      (municipality) => municipality.region.id,
    ),
    client: loaderByKey(
      // A malformed id cannot match a row; leaving it out keeps PostgreSQL from refusing the batch.
      (ids: string[]) => em.find(ClientSchema, { id: { $in: ids.filter((id) => uuid.test(id)) } }),
      (client) => client.id,
    ),
    keyFigureRows,
    heldCourses,
    statistics: statisticsLoader(keyFigureRows),
    surveyResults: surveyResultsLoader(em),
    course: loaderByKey(
      (ids: string[]) => em.find(CourseSchema, { id: { $in: ids.filter((id) => uuid.test(id)) } }),
      (course) => course.id,
    ),
    coursesOfRegion: new DataLoader<{ regionId: string; year: number }, Course[], string>(
      async (keys) => {
        const years = keys.map((key) => key.year);
        const courses = await em.find(
          CourseSchema,
          {
            region: { $in: [...new Set(keys.map((key) => key.regionId))] },
            startsOn: { $gte: `${Math.min(...years)}-01-01`, $lt: `${Math.max(...years) + 1}-01-01` },
          },
          { orderBy: { startsOn: 'asc', title: 'asc' } },
        );
        return keys.map((key) =>
          courses.filter((course) => course.region.id === key.regionId && course.startsOn.startsWith(String(key.year))),
        );
      },
      { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
    ),
    /** Places taken per course, counted in SQL: the calendars need no enrolment rows. */
    enrolledCountOfCourse: new DataLoader<string, number>(async (courseIds) => {
      const rows: { course_id: string; count: number }[] = await em.execute(
        `select course_id, count(*)::int as count from enrolment
          where course_id in (?) and status = 'ENROLLED' group by course_id`,
        [[...courseIds]],
      );
      const counts = new Map(rows.map((row) => [row.course_id, row.count]));
      return courseIds.map((id) => counts.get(id) ?? 0);
    }),
    enrolmentsOfCourse: loaderOfGroups(
      (courseIds: string[]) =>
        em.find(EnrolmentSchema, { course: { $in: courseIds } }, { orderBy: { enrolledAt: 'asc', id: 'asc' } }),
      (enrolment) => enrolment.course.id,
    ),
    enrolmentsOfClient: loaderOfGroups(
      (clientIds: string[]) =>
        em.find(EnrolmentSchema, { client: { $in: clientIds } }, { orderBy: { enrolledAt: 'desc', id: 'asc' } }),
      (enrolment) => enrolment.client.id,
    ),
    instructorsOfCourse: new DataLoader<string, string[]>(async (courseIds) => {
      const rows: { course_id: string; adviser_id: string }[] = await em.execute(
        'select course_id, adviser_id from course_instructors where course_id in (?)',
        [[...courseIds]],
      );
      return courseIds.map((id) => rows.filter((row) => row.course_id === id).map((row) => row.adviser_id));
    }),
    networkEventsOfRegion: new DataLoader<{ regionId: string; year: number }, NetworkEvent[], string>(
      async (keys) => {
        const events = await em.find(
          NetworkEventSchema,
          {
            region: { $in: [...new Set(keys.map((key) => key.regionId))] },
            date: {
              $gte: `${Math.min(...keys.map((k) => k.year))}-01-01`,
              $lt: `${Math.max(...keys.map((k) => k.year)) + 1}-01-01`,
            },
          },
          { orderBy: { date: 'asc', title: 'asc' } },
        );
        return keys.map((key) =>
          events.filter((event) => event.region.id === key.regionId && event.date.startsWith(String(key.year))),
        );
      },
      { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
    ),
    minutesBeyondFreeLimit: minutesBeyondFreeLimitLoader(em),
    counsellingHours: counsellingHoursLoader(em),
    sessionsOfClient: loaderOfGroups(
      (clientIds: string[]) =>
        em.find(CounsellingSessionSchema, { client: { $in: clientIds } }, { orderBy: { date: 'desc', id: 'asc' } }),
      (session) => session.client.id,
    ),
    businessesOfClient: loaderOfGroups(
      (clientIds: string[]) =>
        em.find(BusinessSchema, { client: { $in: clientIds } }, { orderBy: { registeredOn: 'asc' } }),
      (business) => business.client.id,
    ),
    milestonesOfClient: loaderOfGroups(
      (clientIds: string[]) =>
        em.find(MilestoneSchema, { client: { $in: clientIds } }, { orderBy: { reachedOn: 'asc', kind: 'asc' } }),
      (milestone) => milestone.client.id,
    ),
    impactRecordsOfClient: loaderOfGroups(
      (clientIds: string[]) =>
        em.find(
          ImpactRecordSchema,
          { client: { $in: clientIds } },
          { orderBy: { recordedFor: 'desc', createdAt: 'desc', id: 'asc' } },
        ),
      (record) => record.client.id,
    ),
    /** When the client was last e-mailed a link to confirm each record. */
    impactConfirmationRequestedAt: new DataLoader<string, Date | null>(async (recordIds) => {
      const rows: { impact_record_id: string; at: Date }[] = await em.execute(
        `select impact_record_id, max(created_at) as at from public_link
          where impact_record_id in (?) group by impact_record_id`,
        [[...recordIds]],
      );
      const at = new Map(rows.map((row) => [row.impact_record_id, new Date(row.at)]));
      return recordIds.map((id) => at.get(id) ?? null);
    }),
    /**
     * One page of each client's sessions, newest first, with the count of all of them: one statement for the
     * clients asking for the same page (a list of clients asks for one page each).
     */
    sessionPageOfClient: new DataLoader<
      { clientId: string; limit: number; offset: number },
      { items: CounsellingSession[]; totalCount: number },
      string
    >(
      async (keys) => {
        const pages = new Map<string, { items: CounsellingSession[]; totalCount: number }>();
        const samePage = new Map<string, { limit: number; offset: number; clientIds: string[] }>();
        for (const key of keys) {
          const page = samePage.get(`${key.limit}:${key.offset}`) ?? {
            limit: key.limit,
            offset: key.offset,
            clientIds: [],
          };
          page.clientIds.push(key.clientId);
          samePage.set(`${key.limit}:${key.offset}`, page);
        }
        for (const { limit, offset, clientIds } of samePage.values()) {
          const rows: { id: string; client_id: string }[] = await em.execute(
            `select id, client_id from (
               select s.id, s.client_id, row_number() over (partition by s.client_id order by s.date desc, s.id asc) as n
                 from counselling_session s where s.client_id in (?)) numbered
              where n > ? and n <= ? order by n`,
            [clientIds, offset, offset + limit],
          );
          const totals: { client_id: string; total: number }[] = await em.execute(
            'select client_id, count(*)::int as total from counselling_session where client_id in (?) group by client_id',
            [clientIds],
          );
          const sessions = rows.length
            ? await em.find(CounsellingSessionSchema, { id: { $in: rows.map((row) => row.id) } })
            : [];
          const byId = new Map(sessions.map((session) => [session.id, session]));
          for (const clientId of clientIds) {
            pages.set(`${clientId}:${limit}:${offset}`, {
              items: rows
                .filter((row) => row.client_id === clientId)
                .map((row) => byId.get(row.id))
                .filter((session): session is CounsellingSession => !!session),
              totalCount: totals.find((row) => row.client_id === clientId)?.total ?? 0,
            });
          }
        }
        return keys.map(
          (key) => pages.get(`${key.clientId}:${key.limit}:${key.offset}`) ?? { items: [], totalCount: 0 },
        );
      },
      { cacheKeyFn: (key) => `${key.clientId}:${key.limit}:${key.offset}` },
    ),
    followUpsOfClient: loaderOfGroups(
      (clientIds: string[]) => em.find(FollowUpSchema, { client: { $in: clientIds } }, { orderBy: { date: 'desc' } }),
      (followUp) => followUp.client.id,
    ),
    possibleDuplicates: new DataLoader<string, string[]>(async (clientIds) => {
      // Each way of matching by its own index (entities/client.ts), so the cost does not grow with the region.
      const match = (condition: string) => `select c.id as client_id, d.id as duplicate_id, d.registered_on
           from client c
           join client d on ${condition} and d.region_id = c.region_id and d.id <> c.id and d.merged_into_id is null
          where c.id in (:ids)`;
      const rows: { client_id: string; duplicate_id: string }[] = await em.execute(
        em.getKnex().raw(
          `${[
            'lower(d.name) = lower(c.name) and d.birth_year = c.birth_year',
            'lower(d.email) = lower(c.email)',
            "replace(d.phone, ' ', '') = replace(c.phone, ' ', '')",
          ]
            .map(match)
            .join(' union ')}
          order by registered_on`,
          { ids: [...clientIds] },
        ),
      );
      return clientIds.map((id) => rows.filter((row) => row.client_id === id).map((row) => row.duplicate_id));
    }),
    linksOfClient: loaderOfGroups(
      (clientIds: string[]) => em.find(ClientLinkSchema, { client: { $in: clientIds } }, { orderBy: { since: 'asc' } }),
      (link) => link.client.id,
    ),
    adviser: loaderByKey(
      (ids: string[]) => em.find(AdviserSchema, { id: { $in: ids.filter((id) => uuid.test(id)) } }),
      (adviser) => adviser.id,
    ),
    advisersOfRegion: loaderOfGroups(
      (regionIds: string[]) => em.find(AdviserSchema, { region: { $in: regionIds } }, { orderBy: { name: 'asc' } }),
      (adviser) => adviser.region.id,
    ),
    operator: loaderByKey(
      (ids: string[]) => em.find(OperatorSchema, { id: { $in: ids } }),
      (operator) => operator.id,
    ),
    operatorOfRegion: loaderByKey(
      (regionIds: string[]) => em.find(OperatorSchema, { region: { $in: regionIds } }),
      (operator) => operator.region.id,
    ),
    officesOfRegion: loaderOfGroups(
      (regionIds: string[]) => em.find(OfficeSchema, { region: { $in: regionIds } }, { orderBy: { name: 'asc' } }),
      (office) => office.region.id,
    ),
    servicesOfRegion: loaderOfGroups(
      (regionIds: string[]) =>
        em.find(ServiceOfferingSchema, { region: { $in: regionIds } }, { orderBy: { validFrom: 'asc', kind: 'asc' } }),
      (service) => service.region.id,
    ),
    office: loaderByKey(
      (ids: string[]) => em.find(OfficeSchema, { id: { $in: ids } }),
      (office) => office.id,
    ),
    websiteRequest: loaderByKey(
      (ids: string[]) => em.find(WebsiteRequestSchema, { id: { $in: ids } }),
      (request) => request.id,
    ),
    /** An appointment slot's bookings, newest first (issue 22). */
    bookingsOfSlot: loaderOfGroups(
      (slotIds: string[]) =>
        em.find(AppointmentBookingSchema, { slot: { $in: slotIds } }, { orderBy: { bookedAt: 'desc', id: 'desc' } }),
      (booking) => booking.slot.id,
    ),
  };
}

export const createContext = contextWithLoaders(createLoaders);

export type Context = ReturnType<typeof createContext>;
