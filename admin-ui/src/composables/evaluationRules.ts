// The evaluations page's rules without Vue: checking an evaluation before it is sent, as the county subgraph will.
import { evaluationLimits } from '@etablerer/county/input-limits';
import type { EvaluationInput } from '../graphql/generated/graphql';
import { serviceYears } from '../stores/years';
import { isCalendarDate } from './meetingRules';

/** The most the county subgraph accepts, so the form can say so before sending: the subgraph's own numbers. */
export { evaluationLimits };

/** What the user typed, kept as typed until it is checked. */
export interface EvaluationDraft {
  title: string;
  periodFrom: string;
  periodTo: string;
  author: string;
  findings: string;
  documentReference: string;
  publishedOn: string;
}

/** Validation messages are i18n keys under `evaluations.validation`, so the form shows them in the user's language. */
export type EvaluationValidationKey = 'required' | 'date' | 'years' | 'periodOrder' | 'tooLong';

export type EvaluationField = keyof EvaluationDraft;

export type EvaluationCheck =
  | { ok: true; input: EvaluationInput }
  | { ok: false; errors: Partial<Record<EvaluationField, EvaluationValidationKey>> };

/** The fields in the order the form shows them: the first with an error gets the focus. */
export const evaluationFields: readonly EvaluationField[] = [
  'title',
  'periodFrom',
  'periodTo',
  'author',
  'publishedOn',
  'findings',
  'documentReference',
];

/** A day the graph's Date scalar takes: a real calendar day within the service's years (2000–2100). */
function checkDate(value: string): EvaluationValidationKey | null {
  if (value === '') return 'required';
  if (!isCalendarDate(value)) return 'date';
  const year = Number(value.slice(0, 4));
  return year < serviceYears.first || year > serviceYears.last ? 'years' : null;
}

/**
 * Checks a draft as the county subgraph will, and gives the input to send: the texts trimmed and
 * not empty (the document reference may be left out), not longer than the subgraph takes, the
 * dates real days within 2000–2100, and the period not ending before it starts. Error keys are the
 * input's field names, the same as the server's, so one place beside each field shows either.
 */
export function checkEvaluationDraft(draft: EvaluationDraft): EvaluationCheck {
  const errors: Partial<Record<EvaluationField, EvaluationValidationKey>> = {};

  const text = (field: 'title' | 'author' | 'findings') => {
    const value = draft[field].trim();
    if (value === '') errors[field] = 'required';
    else if (value.length > evaluationLimits[field]) errors[field] = 'tooLong';
    return value;
  };
  const date = (field: 'periodFrom' | 'periodTo' | 'publishedOn') => {
    const value = draft[field].trim();
    const problem = checkDate(value);
    if (problem) errors[field] = problem;
    return value;
  };

  const title = text('title');
  const periodFrom = date('periodFrom');
  const periodTo = date('periodTo');
  // Compared as YYYY-MM-DD text once both are days: the same order as the calendar.
  if (!errors.periodFrom && !errors.periodTo && periodTo < periodFrom) errors.periodTo = 'periodOrder';
  const author = text('author');
  const findings = text('findings');
  const documentReference = draft.documentReference.trim();
  if (documentReference.length > evaluationLimits.documentReference) errors.documentReference = 'tooLong';
  const publishedOn = date('publishedOn');

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      title,
      periodFrom,
      periodTo,
      author,
      findings,
      documentReference: documentReference === '' ? null : documentReference,
      publishedOn,
    },
  };
}
