// A course or webinar Innovasjon Norge runs for entrepreneurs, open to clients of every region.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const partnerCourseKinds = ['COURSE', 'WEBINAR'] as const;
export type PartnerCourseKind = (typeof partnerCourseKinds)[number];

export const PartnerCourseSchema = defineEntity({
  name: 'PartnerCourse',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    kind: p.enum(partnerCourseKinds as unknown as PartnerCourseKind[]),
    title: p.string().length(200),
    date: p.date().index(),
    online: p.boolean().default(true),
    location: p.string().length(200).nullable(),
    description: p.text().nullable(),
  }),
});

export type PartnerCourse = InferEntity<typeof PartnerCourseSchema>;
