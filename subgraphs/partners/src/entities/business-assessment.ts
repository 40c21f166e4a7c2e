// A business assessment (næringsfaglig vurdering) NAV asks the service for, before NAV grants
// unemployment benefit or work assessment allowance during business start-up.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const assessmentStatuses = ['REQUESTED', 'DELIVERED', 'WITHDRAWN'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];
export const assessmentConclusions = ['VIABLE', 'VIABLE_WITH_CONDITIONS', 'NOT_VIABLE'] as const;
export type AssessmentConclusion = (typeof assessmentConclusions)[number];

export const BusinessAssessmentSchema = defineEntity({
  name: 'BusinessAssessment',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    clientId: p.uuid(),
    /** What the client agreed to share with NAV: NAV never reads the client's record itself. */
    sharedName: p.string().length(200),
    sharedEmail: p.string().length(254).nullable(),
    sharedPhone: p.string().length(20).nullable(),
    regionId: p.string().index(),
    navOfficeId: p.string().length(100),
    /** What NAV is considering, e.g. UNEMPLOYMENT_BENEFIT_DURING_START_UP. */
    purpose: p.string().length(60),
    requestedOn: p.date(),
    question: p.text(),
    /** The token `sub` of the NAV officer who asked, told when it is delivered; null for older requests. */
    requestedBySubject: p.string().length(255).nullable(),
    /** The client agreed that the service shares its assessment with NAV. */
    consentGivenOn: p.date(),
    status: p.enum(assessmentStatuses as unknown as AssessmentStatus[]).default('REQUESTED'),
    conclusion: p.enum(assessmentConclusions as unknown as AssessmentConclusion[]).nullable(),
    assessment: p.text().nullable(),
    /** The region's fee for the assessment, in øre; 0 when it charges none. */
    feeOre: p.bigint('number').default(0),
    deliveredOn: p.date().nullable(),
    /** The Adviser entity of the regions subgraph who assessed. */
    adviserId: p.uuid().nullable(),
    /** When the client's data in the assessment was erased (on request or when retention ended). */
    erasedAt: p.datetime().nullable(),
    version: p.integer().version(),
  }),
});

export type BusinessAssessment = InferEntity<typeof BusinessAssessmentSchema>;
