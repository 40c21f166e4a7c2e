// A one-time link from an e-mail to a public person (a survey to answer, survey invitations to
// stop, a sign-up or request to cancel, an impact figure to confirm): only the token's SHA-256 is
// kept, so the table cannot be turned back into working links.
import { type MessageLocale, messageLocales, uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ClientSchema } from './client.js';
import { CounsellingSessionSchema } from './counselling-session.js';
import { CourseSchema } from './course.js';
import { ImpactRecordSchema } from './impact-record.js';
import { type SurveyOccasion, surveyOccasions } from './survey-response.js';
import { WebsiteRequestSchema } from './website-request.js';

export const publicLinkKinds = ['SURVEY', 'UNSUBSCRIBE', 'CANCEL', 'IMPACT_CONFIRMATION'] as const;
export type PublicLinkKind = (typeof publicLinkKinds)[number];

export const PublicLinkSchema = defineEntity({
  name: 'PublicLink',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    /** Hex SHA-256 of the token in the e-mail; the token itself is never stored. */
    tokenHash: p.string().length(64).unique(),
    kind: p.enum(publicLinkKinds as unknown as PublicLinkKind[]),
    client: p.manyToOne(ClientSchema).index(),
    /** The language of the e-mail, so the public page can name the occasion in it. */
    locale: p.enum(messageLocales as unknown as MessageLocale[]),
    /** SURVEY: after what the answer is given. */
    occasion: p.enum(surveyOccasions as unknown as SurveyOccasion[]).nullable(),
    /** SURVEY after a course, and CANCEL of a course sign-up. */
    course: p.manyToOne(CourseSchema).nullable(),
    /** SURVEY after counselling: the session it follows. */
    counsellingSession: p.manyToOne(CounsellingSessionSchema).nullable(),
    /** CANCEL: the sign-up or request of the receipt. */
    websiteRequest: p.manyToOne(WebsiteRequestSchema).nullable(),
    /** IMPACT_CONFIRMATION: the impact record the client is asked to confirm. */
    impactRecord: p.manyToOne(ImpactRecordSchema).nullable().deleteRule('cascade'),
    createdAt: p.datetime(),
    /** Null for an unsubscribe link, which works as long as the person may want it. */
    expiresAt: p.datetime().nullable(),
    /** When a single-use link (SURVEY, CANCEL) was used; an unsubscribe link stays usable. */
    usedAt: p.datetime().nullable(),
  }),
  checks: [
    { name: 'public_link_survey_has_occasion', expression: "(kind = 'SURVEY') = (occasion is not null)" },
    { name: 'public_link_cancel_has_request', expression: "(kind = 'CANCEL') = (website_request_id is not null)" },
    {
      name: 'public_link_impact_confirmation_has_record',
      expression: "(kind = 'IMPACT_CONFIRMATION') = (impact_record_id is not null)",
    },
  ],
});

export type PublicLink = InferEntity<typeof PublicLinkSchema>;
