// A person's data in the regions subgraph (GDPR art. 15, 17 and the privacy notice's retention):
// everything held about a client exported in one document, and erased by anonymising the rows
// the key figures count rather than deleting them, so every published figure stays the same.
import {
  type AuditActor,
  type ErasureReason,
  erasedText,
  exportedRows,
  recordAudit,
  retentionActor,
  retentionCutoff,
  todayInNorway,
} from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from './entities/client.js';

/** One export of a person's data: the regions subgraph's part, and the client the others add theirs to. */
export interface PersonalDataExport {
  exportedAt: string;
  exportedBy: string;
  client: Client;
  heldByRegions: Record<string, unknown>;
}

/** A list of uuids as one PostgreSQL array parameter, however many there are. */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * The client and every record merged into it, at any depth: the same person, whose duplicates
 * still hold the name and contact details they were registered with.
 */
export async function clientGroup(em: EntityManager, clientId: string): Promise<string[]> {
  const rows: { id: string }[] = await em.execute(
    `with recursive person(id) as (
       select id from client where id = ?
       union
       select c.id from client c join person on c.merged_into_id = person.id
     )
     select id from person`,
    [clientId],
  );
  return rows.map((row) => row.id);
}

/**
 * Every table that holds something about a client, as the export shows it: each row whole,
 * with the names of what it points to (region, municipality, adviser, course) beside the ids.
 * `$ids` is the client and its merged records.
 */
const exportSections: Record<string, string> = {
  clients: `select c.*, r.name as region_name, m.name as municipality_name
              from client c join region r on r.id = c.region_id join municipality m on m.number = c.municipality_number
             where c.id = any($ids) order by c.registered_on, c.id`,
  businesses: `select b.* from business b where b.client_id = any($ids) order by b.registered_on, b.id`,
  milestones: `select m.* from milestone m where m.client_id = any($ids) order by m.reached_on, m.kind`,
  links: `select l.* from client_link l where l.client_id = any($ids) order by l.since, l.id`,
  counsellingSessions: `select s.*, a.name as adviser_name from counselling_session s join adviser a on a.id = s.adviser_id
                         where s.client_id = any($ids) order by s.date, s.id`,
  followUps: `select f.*, a.name as adviser_name from follow_up f join adviser a on a.id = f.adviser_id
               where f.client_id = any($ids) order by f.date, f.id`,
  enrolments: `select e.*, k.title as course_title, k.starts_on as course_starts_on, k.ends_on as course_ends_on
                 from enrolment e join course k on k.id = e.course_id
                where e.client_id = any($ids) order by e.enrolled_at, e.id`,
  surveyResponses: `select v.* from survey_response v where v.client_id = any($ids) order by v.answered_on, v.id`,
  impactRecords: `select i.*, a.name as adviser_name from impact_record i join adviser a on a.id = i.adviser_id
                   where i.client_id = any($ids) order by i.recorded_for, i.id`,
  websiteRequests: `select w.* from website_request w where w.client_id = any($ids) order by w.received_at, w.id`,
  appointmentBookings: `select b.*, s.starts_at, s.duration_minutes, s.form, a.name as adviser_name
                          from appointment_booking b join appointment_slot s on s.id = b.slot_id
                          join adviser a on a.id = s.adviser_id
                         where b.client_id = any($ids) order by b.booked_at, b.id`,
  // Who read or changed the person's data: the person has a right to know (art. 15(1)(c)).
  auditLog: `select a.at, a.caller_name, a.role, a.organisation_name, a.operation, a.record_id, a.detail
               from audit_entry a where a.record_type = 'Client' and a.record_id = any($ids::text[])
              order by a.at, a.id`,
};

/** Everything the regions subgraph holds about the clients (one person and their merged records). */
export async function personalDataOf(em: EntityManager, clientIds: string[]): Promise<Record<string, unknown>> {
  const held: Record<string, unknown> = {};
  for (const [section, query] of Object.entries(exportSections)) {
    held[section] = await exportedRows(em, query.replaceAll('$ids', '?::uuid[]'), [uuidArray(clientIds)]);
  }
  return held;
}

/**
 * Anonymises the clients in the current transaction: names, contact details, birth year, gender,
 * free texts and organisation numbers go; region, municipality, dates, kinds, durations, scores,
 * immigrant background and growth potential (what the key figures count) stay. Links to mentors
 * and environments count in nothing and are deleted. Each client gets an audit entry naming the
 * reason, and nothing of what was erased.
 */
export async function eraseClients(
  em: EntityManager,
  clientIds: string[],
  actor: AuditActor,
  reason: ErasureReason,
  detail: string,
): Promise<void> {
  if (clientIds.length === 0) return;
  const ids = uuidArray(clientIds);
  // The person's e-mails (their address and name are in them, sent or waiting) and their links go too.
  await em.execute(
    `delete from outbox_message where kind like 'regions.%' and lower(recipient_email) in
       (select lower(email) from client where id = any(?::uuid[]) and email is not null
        union select lower(email) from website_request where client_id = any(?::uuid[]))`,
    [ids, ids],
  );
  // The advisers' copies of the person's appointment e-mails name the person too.
  await em.execute(
    `delete from outbox_message where kind like 'regions.appointment%' and split_part(dedupe_key, ':', 2) in
       (select id::text from appointment_booking where client_id = any(?::uuid[]))`,
    [ids],
  );
  await em.execute('delete from public_link where client_id = any(?::uuid[])', [ids]);
  await em.execute(
    `update client set name = ?, email = null, phone = null, birth_year = null, gender = null,
            business_idea = null, industry_code = null, survey_consent = false,
            erased_at = coalesce(erased_at, now()), version = version + 1
      where id = any(?::uuid[])`,
    [erasedText, ids],
  );
  await em.execute(
    'update business set name = ?, organisation_number = null, industry_code = null where client_id = any(?::uuid[])',
    [erasedText, ids],
  );
  await em.execute('delete from client_link where client_id = any(?::uuid[])', [ids]);
  await em.execute('update counselling_session set topic = ?, version = version + 1 where client_id = any(?::uuid[])', [
    erasedText,
    ids,
  ]);
  await em.execute('update follow_up set note = ? where client_id = any(?::uuid[])', [erasedText, ids]);
  await em.execute('update survey_response set comment = null where client_id = any(?::uuid[])', [ids]);
  // The impact figures stay (the key figures sum them); only the adviser's note is about the person.
  await em.execute('update impact_record set note = null, version = version + 1 where client_id = any(?::uuid[])', [
    ids,
  ]);
  await em.execute(
    'update website_request set message = null, email = ?, version = version + 1 where client_id = any(?::uuid[])',
    [erasedText, ids],
  );
  await em.execute(
    'update appointment_booking set name = ?, email = ?, phone = null, topic = ? where client_id = any(?::uuid[])',
    [erasedText, erasedText, erasedText, ids],
  );
  await recordAudit(
    em,
    actor,
    clientIds.map((id) => ({
      operation: 'DELETE' as const,
      recordType: 'Client',
      recordId: id,
      detail: `personal data erased, ${reason}: ${detail}`,
    })),
  );
}

/**
 * Each person's last contact with the service: the latest of the registration (of the client and
 * of the records merged into it), counselling sessions, course places (the course's last day, or
 * the day of a cancelled place), follow-ups, survey answers and requests from the website.
 * Returns the persons (clients not merged into another) not erased yet whose last contact was
 * before `cutoff`.
 */
export async function clientsPastRetention(em: EntityManager, cutoff: string): Promise<string[]> {
  const rows: { id: string }[] = await em.execute(
    `with recursive person(root, id) as (
       select id, id from client where merged_into_id is null and erased_at is null
       union all
       select person.root, c.id from client c join person on c.merged_into_id = person.id
     ),
     contact(root, day) as (
       select person.root, c.registered_on from person join client c on c.id = person.id
       union all
       select person.root, s.date from person join counselling_session s on s.client_id = person.id
       union all
       select person.root, f.date from person join follow_up f on f.client_id = person.id
       union all
       select person.root, v.answered_on from person join survey_response v on v.client_id = person.id
       union all
       select person.root, (w.received_at at time zone 'Europe/Oslo')::date
         from person join website_request w on w.client_id = person.id
       union all
       select person.root,
              greatest((e.enrolled_at at time zone 'Europe/Oslo')::date, case when e.status <> 'CANCELLED' then k.ends_on end)
         from person join enrolment e on e.client_id = person.id join course k on k.id = e.course_id
     )
     select root as id from contact group by root having max(day) < ?::date order by root`,
    [cutoff],
  );
  return rows.map((row) => row.id);
}

export interface RetentionRun {
  /** Contacts before this day are past retention. */
  cutoff: string;
  dryRun: boolean;
  /** Persons anonymised (or, in a dry run, who would be). */
  clients: number;
}

/**
 * Anonymises every person whose last contact is past retention on `today`, in the current
 * transaction; a second run finds no one new. A dry run only counts.
 */
export async function erasePastRetention(
  em: EntityManager,
  {
    dryRun = false,
    today = todayInNorway(),
    actor = retentionActor,
  }: { dryRun?: boolean; today?: string; actor?: AuditActor } = {},
): Promise<RetentionRun> {
  const cutoff = retentionCutoff(today);
  const persons = await clientsPastRetention(em, cutoff);
  if (!dryRun && persons.length) {
    const records: { id: string }[] = await em.execute(
      `with recursive person(id) as (
         select id from client where id = any(?::uuid[])
         union
         select c.id from client c join person on c.merged_into_id = person.id
       )
       select id from person order by id`,
      [uuidArray(persons)],
    );
    await eraseClients(
      em,
      records.map((record) => record.id),
      actor,
      'RETENTION',
      `last contact before ${cutoff}`,
    );
  }
  return { cutoff, dryRun, clients: persons.length };
}
