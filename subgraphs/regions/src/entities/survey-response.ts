// A client's answer to a user survey (brukerundersøkelse) after counselling or a course.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ClientSchema } from './client.js';
import { CourseSchema } from './course.js';
import { RegionSchema } from './region.js';

export const surveyOccasions = ['AFTER_COUNSELLING', 'AFTER_COURSE'] as const;
export type SurveyOccasion = (typeof surveyOccasions)[number];

export const SurveyResponseSchema = defineEntity({
  name: 'SurveyResponse',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    client: p.manyToOne(ClientSchema).index(),
    region: p.manyToOne(RegionSchema),
    occasion: p.enum(surveyOccasions as unknown as SurveyOccasion[]),
    course: p.manyToOne(CourseSchema).nullable(),
    /** 1 (poor) to 6 (excellent), as Norwegian school grades. */
    score: p.smallint(),
    comment: p.text().nullable(),
    answeredOn: p.date(),
  }),
  indexes: [{ properties: ['region', 'answeredOn'] }],
  checks: [{ name: 'survey_response_score_1_to_6', expression: '(score >= 1) AND (score <= 6)' }],
});

export type SurveyResponse = InferEntity<typeof SurveyResponseSchema>;
