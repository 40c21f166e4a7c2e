// The agreement's groups with their membership over time (coordination group §5.1, professional
// group §4): who is a member on a day, adding and ending memberships, and a meeting's attendance
// checked against the members on its day.
import { badUserInput, type Caller, conflict, forbidden, notFound, requireRole } from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { dayBefore } from './calendar.js';
import { requireCurrentCounty } from './county-authority.js';
import {
  type CoordinationMember,
  CoordinationMemberSchema,
  type GroupKind,
  type Meeting,
  type MeetingKind,
} from './entities/coordination.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The group whose members a meeting of this kind is checked against, or null for kinds without one. */
export function groupOfMeeting(kind: MeetingKind): GroupKind | null {
  if (kind === 'COORDINATION_GROUP') return 'COORDINATION_GROUP';
  if (kind === 'PROFESSIONAL_GROUP') return 'PROFESSIONAL_GROUP';
  return null;
}

/** True when the membership covers the day. */
export const memberOn = (member: CoordinationMember, day: string) =>
  member.validFrom <= day && (member.validTo == null || member.validTo >= day);

/** How a member is named among a meeting's participants. */
export const participantLabel = (member: CoordinationMember) => `${member.name} (${member.organisationName})`;

export interface MeetingAttendanceView {
  presentMembers: CoordinationMember[];
  absentMembers: CoordinationMember[];
  presentNonMembers: string[];
}

/**
 * The attendance of a group meeting: of the members on the meeting day, those recorded present and
 * the others; the participants who are not such a present member are the non-members.
 */
export function attendanceOf(meeting: Meeting, members: CoordinationMember[]): MeetingAttendanceView {
  const onTheDay = members.filter((member) => memberOn(member, meeting.date));
  const present = new Set(meeting.presentMemberIds);
  const presentMembers = onTheDay.filter((member) => present.has(member.id));
  const presentLabels = new Set(presentMembers.map(participantLabel));
  return {
    presentMembers,
    absentMembers: onTheDay.filter((member) => !present.has(member.id)),
    presentNonMembers: meeting.participants.filter((participant) => !presentLabels.has(participant)),
  };
}

/**
 * Checks that every id names a member of the group on the day, and returns the participants with
 * the present members' names added where they are missing.
 */
export async function withPresentMembers(
  tx: EntityManager,
  group: GroupKind | null,
  day: string,
  presentMemberIds: string[],
  participants: string[],
): Promise<string[]> {
  if (presentMemberIds.length === 0) return participants;
  if (!group) {
    throw badUserInput(
      'input.presentMemberIds: only meetings of the coordination group or the professional group have members present',
      'input.presentMemberIds',
    );
  }
  const ids = [...new Set(presentMemberIds)];
  const members = ids.every((id) => uuid.test(id))
    ? await tx.find(CoordinationMemberSchema, { id: { $in: ids }, group })
    : [];
  const valid = members.filter((member) => memberOn(member, day));
  if (valid.length !== ids.length) {
    const known = new Set(valid.map((member) => member.id));
    throw badUserInput(
      `input.presentMemberIds: not a member of the group on ${day}: ${ids.filter((id) => !known.has(id)).join(', ')}`,
      'input.presentMemberIds',
    );
  }
  const labels = valid.map(participantLabel).filter((label) => !participants.includes(label));
  return [...participants, ...labels];
}

/**
 * Who may change a group's membership: the county's officers (not Viken's) for either group; a
 * municipality officer for the professional group's members of their own region.
 */
export function requireGroupManager(caller: Caller, group: GroupKind, regionId: string | null): void {
  if (group === 'PROFESSIONAL_GROUP' && caller.role === 'MUNICIPALITY_OFFICER') {
    if (regionId && regionId === caller.regionId) return;
    throw forbidden("A municipality officer manages only their own region's members of the professional group.");
  }
  requireRole(caller, 'COUNTY_OFFICER');
  requireCurrentCounty(caller);
}

/** A membership of the group by id, locked for the change; NOT_FOUND when there is none. */
export async function membershipForChange(tx: EntityManager, group: GroupKind, id: string) {
  // Locked, so two officers ending one membership at once do not both succeed.
  const member = uuid.test(id)
    ? await tx.findOne(CoordinationMemberSchema, { id, group }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  if (!member) throw notFound(`No membership ${id}.`);
  return member;
}

/** Ends a membership on `validTo`: CONFLICT when it ended already, BAD_USER_INPUT before its start. */
export function endMembership(member: CoordinationMember, validTo: string): void {
  if (member.validTo != null) throw conflict(`This membership ended on ${member.validTo} already.`);
  if (validTo < member.validFrom)
    throw badUserInput(`validTo: not before the membership's first day, ${member.validFrom}`, 'validTo');
  member.validTo = validTo;
}

/** Ends a membership the day before `from` and starts another with the new role from `from`. */
export function changeRole(
  tx: EntityManager,
  member: CoordinationMember,
  role: string | null,
  from: string,
): CoordinationMember {
  if (from <= member.validFrom)
    throw badUserInput(`from: after the membership's first day, ${member.validFrom}`, 'from');
  if (member.validTo != null && from > member.validTo)
    throw conflict(`This membership ended on ${member.validTo}; a role cannot change after it.`);
  const validTo = member.validTo ?? null;
  member.validTo = dayBefore(from);
  return tx.create(CoordinationMemberSchema, {
    group: member.group,
    regionId: member.regionId ?? null,
    name: member.name,
    organisationId: member.organisationId,
    organisationName: member.organisationName,
    role,
    validFrom: from,
    validTo,
  });
}
