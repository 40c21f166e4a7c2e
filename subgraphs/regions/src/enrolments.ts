// A place on a course, or on its waiting list when the course is full: the one rule both an
// adviser's enrolment and a sign-up on the public website follow; and a freed place going to the
// first on the waiting list, whoever cancelled (an adviser, or the person with their receipt's link).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from './entities/client.js';
import type { Course } from './entities/course.js';
import { type Enrolment, EnrolmentSchema } from './entities/enrolment.js';
import { enqueuePlaceOffered } from './messages/outgoing.js';

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

/**
 * Cancels the enrolment; when it held a place, the one who has waited longest gets it and is told
 * by e-mail (in the same transaction). The caller holds the course's row lock, so two cancellations
 * at once do not both promote the same person, nor one promotion be lost.
 *
 * @returns the enrolment that got the place, if any.
 */
export async function freePlaceOf(em: EntityManager, enrolment: Enrolment, course: Course): Promise<Enrolment | null> {
  const hadPlace = enrolment.status === 'ENROLLED';
  enrolment.status = 'CANCELLED';
  if (!hadPlace) {
    await em.flush();
    return null;
  }
  const next = await em.findOne(
    EnrolmentSchema,
    { course, status: 'WAITLISTED' },
    { orderBy: { enrolledAt: 'asc', id: 'asc' } },
  );
  if (next) next.status = 'ENROLLED';
  await em.flush();
  // Only a place still to come is worth an e-mail.
  if (next && course.status === 'PLANNED') await enqueuePlaceOffered(em, next, course);
  return next;
}
