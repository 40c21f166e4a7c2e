// A sign-up or a request for counselling a person sent on the public website, filed under a
// client of the region for an adviser to pick up.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AdviserSchema } from './adviser.js';
import { ClientSchema } from './client.js';
import { CourseSchema } from './course.js';
import { RegionSchema } from './region.js';

export const websiteRequestKinds = ['COURSE_SIGN_UP', 'COUNSELLING'] as const;
export type WebsiteRequestKind = (typeof websiteRequestKinds)[number];
/** CANCELLED: the person cancelled it with the link in their receipt. */
export const websiteRequestStatuses = ['PENDING', 'PICKED_UP', 'CANCELLED'] as const;
export type WebsiteRequestStatus = (typeof websiteRequestStatuses)[number];

export const WebsiteRequestSchema = defineEntity({
  name: 'WebsiteRequest',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    /** What the person is told to quote, e.g. "ET-7K3QX9". */
    reference: p.string().length(12).unique(),
    kind: p.enum(websiteRequestKinds as unknown as WebsiteRequestKind[]),
    status: p.enum(websiteRequestStatuses as unknown as WebsiteRequestStatus[]).default('PENDING'),
    region: p.manyToOne(RegionSchema),
    client: p.manyToOne(ClientSchema).index(),
    /** True when the person matched a client registered before, rather than a new record. */
    matchedExistingClient: p.boolean(),
    course: p.manyToOne(CourseSchema).nullable(),
    message: p.text().nullable(),
    /** The e-mail address as given, lower-cased: repeated sending is counted by it. */
    email: p.string().length(254),
    /** When the person consented to processing, and to which version of the privacy notice. */
    consentedAt: p.datetime(),
    privacyNoticeVersion: p.string().length(20),
    receivedAt: p.datetime(),
    pickedUpBy: p.manyToOne(AdviserSchema).nullable(),
    pickedUpAt: p.datetime().nullable(),
    version: p.integer().version(),
  }),
  // Advisers list a region's pending requests oldest first; the rate limit counts by address and time.
  indexes: [{ properties: ['region', 'status', 'receivedAt'] }, { properties: ['email', 'receivedAt'] }],
  checks: [
    {
      name: 'website_request_course_for_sign_up',
      expression: "(kind = 'COURSE_SIGN_UP') = (course_id is not null)",
    },
  ],
});

export type WebsiteRequest = InferEntity<typeof WebsiteRequestSchema>;
