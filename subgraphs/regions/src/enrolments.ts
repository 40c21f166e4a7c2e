// A place on a course, or on its waiting list when the course is full: the one rule both an
// adviser's enrolment and a sign-up on the public website follow.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from './entities/client.js';
import type { Course } from './entities/course.js';
import { type Enrolment, EnrolmentSchema } from './entities/enrolment.js';

/**
 * The client's enrolment on the course, creating (or renewing a cancelled) one; the caller holds
 * the course's row lock so two last places are never both given. `existing` is the client's
 * current place when they hold one already; it is left as it is.
 */
export async function placeOnCourse(
  em: EntityManager,
  course: Course,
  client: Client,
): Promise<{ enrolment: Enrolment; existing: boolean }> {
  const current = await em.findOne(EnrolmentSchema, { course, client });
  if (current && current.status !== 'CANCELLED') return { enrolment: current, existing: true };
  const enrolled = await em.count(EnrolmentSchema, { course, status: 'ENROLLED' });
  const status = enrolled < course.capacity ? 'ENROLLED' : 'WAITLISTED';
  const enrolment =
    current ?? em.create(EnrolmentSchema, { course, client, status, enrolledAt: new Date(), attended: null });
  em.assign(enrolment, { status, enrolledAt: new Date(), attended: null });
  await em.flush();
  return { enrolment, existing: false };
}
