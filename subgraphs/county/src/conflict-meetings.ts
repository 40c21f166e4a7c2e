// Conflict meetings (§8): a party asks for one and it must be held promptly. Promptly is the
// county's target, CONFLICT_MEETING_TARGET_DAYS days from the request (default 14).
import { addDays, countVariable, daysBetween } from '@etablerer/kit';
import type { Context } from './context.js';
import { type ConflictMeetingRequest, ConflictMeetingRequestSchema, type Meeting } from './entities/coordination.js';
import type { DueMeetingView } from './meetings.js';

export const defaultConflictMeetingTargetDays = 14;

/** The variable, declared in the county's definition (server.ts) so it is checked at start and documented. */
export const conflictMeetingTargetDaysVariable = countVariable(
  'How many days after a party asks for a conflict meeting (§8) it counts as held promptly; a request not held by then shows as overdue in the due meetings.',
  defaultConflictMeetingTargetDays,
);

/**
 * The target in days. Read from the environment each time, with the same rule the start checked
 * it with (a bad value stops the start), since the request context carries no settings.
 */
export function conflictMeetingTargetDays(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = conflictMeetingTargetDaysVariable.safeParse(env.CONFLICT_MEETING_TARGET_DAYS);
  return parsed.success ? parsed.data : defaultConflictMeetingTargetDays;
}

/** The last day a request is held promptly by. */
export const conflictDueBy = (request: { requestedOn: string }) =>
  addDays(request.requestedOn, conflictMeetingTargetDays());

/** Days from the request to a conflict meeting, when the request day is known. */
export function daysFromRequest(meeting: Meeting): number | null {
  if (meeting.kind !== 'CONFLICT' || !meeting.requestedOn) return null;
  return daysBetween(meeting.requestedOn, meeting.date);
}

/** Whether a conflict meeting was held within the target; null when it cannot be told. */
export function heldPromptly(meeting: Meeting): boolean | null {
  const days = daysFromRequest(meeting);
  return days === null ? null : days <= conflictMeetingTargetDays();
}

/** A request is overdue while no meeting holds it and its target day has passed. */
export const requestOverdue = (request: ConflictMeetingRequest, today: string) =>
  !request.heldAs && today > conflictDueBy(request);

/** The conflict meetings asked for whose target day falls in the year, as due meetings, held or not. */
export async function conflictMeetingsDueIn(year: number, context: Context): Promise<DueMeetingView[]> {
  const target = conflictMeetingTargetDays();
  // The requests whose target day is in the year were made in it or up to `target` days before.
  const requests = await context.em.find(
    ConflictMeetingRequestSchema,
    { requestedOn: { $gte: addDays(`${year}-01-01`, -target), $lte: `${year}-12-31` } },
    { orderBy: { requestedOn: 'asc', id: 'asc' }, populate: ['heldAs'] },
  );
  const today = context.today();
  return requests
    .filter((request) => conflictDueBy(request).startsWith(`${year}-`))
    .map((request) => ({
      kind: 'CONFLICT' as const,
      regionId: request.regionId ?? null,
      dueBy: conflictDueBy(request),
      heldAs: (request.heldAs as Meeting | null) ?? null,
      overdue: requestOverdue(request, today),
      conflictRequest: request,
    }));
}
