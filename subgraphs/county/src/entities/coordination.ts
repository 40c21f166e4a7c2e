// The coordination group (§5.1), its members over time, and the meetings of the cooperation (§5.1, §5.2, §8).
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const CoordinationMemberSchema = defineEntity({
  name: 'CoordinationMember',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    name: p.string().length(200),
    organisationId: p.string().length(100),
    organisationName: p.string().length(200),
    role: p.string().length(100).nullable(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
  }),
});
export type CoordinationMember = InferEntity<typeof CoordinationMemberSchema>;

export const meetingKinds = ['COORDINATION_GROUP', 'EXPERIENCE_MEETING', 'SUPPLEMENTARY_CONTENT', 'CONFLICT'] as const;
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
    version: p.integer().version(),
  }),
});
export type Meeting = InferEntity<typeof MeetingSchema>;

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
