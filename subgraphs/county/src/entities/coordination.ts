// The coordination group (§5.1) and the advisers' professional group (§4), their members over time,
// the meetings of the cooperation (§5.1, §5.2, §4, §8) and the conflict meetings parties ask for (§8).
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** The groups whose membership is kept with history: one table, as a member of either is the same record. */
export const groupKinds = ['COORDINATION_GROUP', 'PROFESSIONAL_GROUP'] as const;
export type GroupKind = (typeof groupKinds)[number];

/**
 * A member of a group for a time: a row is never deleted, a membership ends with `validTo`, and a
 * change of role ends one row and starts another, so the group on any day can be read back.
 */
export const CoordinationMemberSchema = defineEntity({
  name: 'CoordinationMember',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    group: p.enum(groupKinds as unknown as GroupKind[]).default('COORDINATION_GROUP'),
    /** The region whose adviser or operator the member is (professional group), for the municipality officers' rights. */
    regionId: p.string().length(100).nullable(),
    name: p.string().length(200),
    organisationId: p.string().length(100),
    organisationName: p.string().length(200),
    role: p.string().length(100).nullable(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
  }),
});
export type CoordinationMember = InferEntity<typeof CoordinationMemberSchema>;

export const meetingKinds = [
  'COORDINATION_GROUP',
  'EXPERIENCE_MEETING',
  'SUPPLEMENTARY_CONTENT',
  'CONFLICT',
  'PROFESSIONAL_GROUP',
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const MeetingSchema = defineEntity({
  name: 'Meeting',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    kind: p.enum(meetingKinds as unknown as MeetingKind[]),
    date: p.date().index(),
    regionId: p.string().length(100).nullable(),
    calledBy: p.string().length(200).nullable(),
    participants: p.array(),
    agenda: p.text(),
    minutes: p.text().nullable(),
    decisions: p.array(),
    /** The day a party asked for it (conflict meetings, §8): promptness is counted from it. */
    requestedOn: p.date().nullable(),
    /** The group members present (coordination and professional group meetings), by member id. */
    presentMemberIds: p.array().default([]),
    version: p.integer().version(),
  }),
});
export type Meeting = InferEntity<typeof MeetingSchema>;

/** A conflict meeting a party asked for (§8), from the request until the meeting that held it. */
export const ConflictMeetingRequestSchema = defineEntity({
  name: 'ConflictMeetingRequest',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    requestedOn: p.date().index(),
    regionId: p.string().length(100).nullable(),
    calledBy: p.string().length(200),
    subject: p.text(),
    heldAs: p.manyToOne(MeetingSchema).nullable().unique(),
    version: p.integer().version(),
  }),
});
export type ConflictMeetingRequest = InferEntity<typeof ConflictMeetingRequestSchema>;

export const EvaluationSchema = defineEntity({
  name: 'Evaluation',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    title: p.string().length(300),
    periodFrom: p.date(),
    periodTo: p.date(),
    author: p.string().length(200),
    findings: p.text(),
    documentReference: p.string().length(500).nullable(),
    publishedOn: p.date(),
  }),
});
export type Evaluation = InferEntity<typeof EvaluationSchema>;
