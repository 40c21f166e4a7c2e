// A report, accounts, plan or budget a region submitted to the county (§7), and the county's decision.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AgreementSchema } from './agreement.js';

export const submissionKinds = ['ANNUAL_REPORT', 'ACCOUNTS', 'ACTIVITY_PLAN', 'BUDGET'] as const;
export type SubmissionKind = (typeof submissionKinds)[number];
/** What is stored; MISSING and OVERDUE are what the absence of a row means before and after the due date. */
export const storedSubmissionStatuses = ['SUBMITTED', 'APPROVED', 'REJECTED'] as const;
export type StoredSubmissionStatus = (typeof storedSubmissionStatuses)[number];

export interface ActivityTargets {
  newClients: number;
  clientsWithImmigrantBackground: number;
  coursesHeld: number;
  counsellingHours: number;
  businessesStarted: number;
}

export const SubmissionSchema = defineEntity({
  name: 'Submission',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    agreement: p.manyToOne(AgreementSchema),
    kind: p.enum(submissionKinds as unknown as SubmissionKind[]),
    coversYear: p.smallint(),
    status: p.enum(storedSubmissionStatuses as unknown as StoredSubmissionStatus[]),
    submittedOn: p.date(),
    submittedBy: p.string().length(200),
    documentReference: p.string().length(500),
    totalAmountOre: p.bigint('bigint').nullable(),
    targets: p.json<ActivityTargets>().nullable(),
    /** An annual report's key figures for its year, pre-filled from Region.statistics and set beside the plan's targets. */
    reportedFigures: p.json<ActivityTargets>().nullable(),
    decidedOn: p.date().nullable(),
    decidedBy: p.string().length(200).nullable(),
    decisionComment: p.text().nullable(),
    version: p.integer().version(),
  }),
  uniques: [{ name: 'submission_once_per_year', properties: ['agreement', 'kind', 'coversYear'] }],
});
export type Submission = InferEntity<typeof SubmissionSchema>;
