// Something due to the county: its status from what was submitted, the due date and today.
import type { SubmissionResolvers } from '../__generated__/resolvers-types.js';
import { submissionIsLate, submissionStatus } from '../agreements.js';

export const Submission: SubmissionResolvers = {
  id: (view) => view.row?.id ?? null,
  status: (view) => submissionStatus(view),
  late: (view) => submissionIsLate(view),
  submittedOn: (view) => view.row?.submittedOn ?? null,
  submittedBy: (view) => view.row?.submittedBy ?? null,
  documentReference: (view) => view.row?.documentReference ?? null,
  totalAmount: (view) => view.row?.totalAmountOre ?? null,
  targets: (view) => view.row?.targets ?? null,
  reportedFigures: (view) => view.row?.reportedFigures ?? null,
  plannedTargets: async (view, _args, { loaders }) => {
    if (view.kind !== 'ANNUAL_REPORT') return null;
    const rows = await loaders.submissionsOfAgreement.load(view.agreement.id);
    const plan = rows.find(
      (row) => row.kind === 'ACTIVITY_PLAN' && row.coversYear === view.coversYear && row.status === 'APPROVED',
    );
    return plan?.targets ?? null;
  },
  decidedOn: (view) => view.row?.decidedOn ?? null,
  decidedBy: (view) => view.row?.decidedBy ?? null,
  decisionComment: (view) => view.row?.decisionComment ?? null,
  version: (view) => view.row?.version ?? null,
};
