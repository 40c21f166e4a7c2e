// The submission form's rules without Vue: drafts, pre-filling from key figures, and checking a draft before it is sent.
import type { SubmissionKind, SubmitInput } from '../graphql/generated/graphql';

/** The five figures of an activity plan's targets and an annual report's key figures, in the order the form shows them. */
export const activityFigureNames = [
  'newClients',
  'clientsWithImmigrantBackground',
  'coursesHeld',
  'counsellingHours',
  'businessesStarted',
] as const;

export type ActivityFigureName = (typeof activityFigureNames)[number];

/** What the user typed, as text, so a half-typed or empty figure is kept as it is. */
export type FigureDraft = Record<ActivityFigureName, string>;

export interface SubmissionDraft {
  documentReference: string;
  totalAmount: string;
  figures: FigureDraft;
}

/** The key figures of a year as the regions subgraph gives them; a suppressed figure is null. */
export interface KeyFiguresOfYear {
  newClients?: number | null;
  clientsWithImmigrantBackground?: number | null;
  coursesHeld?: number | null;
  counsellingHours?: number | null;
  businessesStarted?: number | null;
}

/** Validation messages are i18n keys under `submissions.validation`, so the form shows them in the user's language. */
export type ValidationKey = 'required' | 'amount' | 'wholeNumber';

export const hasTotalAmount = (kind: SubmissionKind) => kind === 'BUDGET' || kind === 'ACCOUNTS';

/** Which input field carries the five figures for a kind, or null when the kind has none. */
export function figuresField(kind: SubmissionKind): 'targets' | 'reportedFigures' | null {
  if (kind === 'ACTIVITY_PLAN') return 'targets';
  if (kind === 'ANNUAL_REPORT') return 'reportedFigures';
  return null;
}

export function emptyFigures(): FigureDraft {
  return {
    newClients: '',
    clientsWithImmigrantBackground: '',
    coursesHeld: '',
    counsellingHours: '',
    businessesStarted: '',
  };
}

/**
 * The figures the CRM already counts, so nobody retypes them. Hours are reported in whole hours;
 * a suppressed (null) figure stays empty for the user to fill in from their own records.
 */
export function figuresFromStatistics(statistics: KeyFiguresOfYear | null | undefined): FigureDraft {
  const figures = emptyFigures();
  if (!statistics) return figures;
  for (const name of activityFigureNames) {
    const value = statistics[name];
    if (typeof value === 'number') figures[name] = String(name === 'counsellingHours' ? Math.round(value) : value);
  }
  return figures;
}

/** Figures already submitted, e.g. a rejected plan's targets, as a draft to correct. */
export function figuresFromTargets(targets: Record<ActivityFigureName, number> | null | undefined): FigureDraft {
  const figures = emptyFigures();
  if (!targets) return figures;
  for (const name of activityFigureNames) figures[name] = String(targets[name]);
  return figures;
}

const nokPattern = /^\d+(\.\d{1,2})?$/;

/**
 * An amount as typed ("1 234,5", "1234.50") as the NOK decimal string the API takes ("1234.50"),
 * or null when it is not a non-negative amount with at most two decimals. Text only: no float.
 */
export function parseNok(typed: string): string | null {
  const normalised = typed.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!nokPattern.test(normalised)) return null;
  const [kroner = '0', ore = ''] = normalised.split('.');
  return `${kroner.replace(/^0+(?=\d)/, '')}.${ore.padEnd(2, '0')}`;
}

/** A whole number ≥ 0 as typed, or null. */
export function parseWholeNumber(typed: string): number | null {
  const trimmed = typed.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}

export interface SubmissionTarget {
  regionId: string;
  kind: SubmissionKind;
  coversYear: number;
  /** The version being replaced, when resubmitting. */
  version: number | null;
}

export type DraftCheck = { ok: true; input: SubmitInput } | { ok: false; errors: Record<string, ValidationKey> };

/**
 * Checks a draft the way the API will, and builds the input when it passes. Error keys are the
 * input's field paths without `input.` (e.g. `documentReference`, `reportedFigures.newClients`),
 * the same keys the server's field errors map to.
 */
export function checkDraft(target: SubmissionTarget, draft: SubmissionDraft): DraftCheck {
  const errors: Record<string, ValidationKey> = {};
  const documentReference = draft.documentReference.trim();
  if (documentReference === '') errors.documentReference = 'required';

  let totalAmount: string | null = null;
  if (hasTotalAmount(target.kind)) {
    if (draft.totalAmount.trim() === '') errors.totalAmount = 'required';
    else {
      totalAmount = parseNok(draft.totalAmount);
      if (totalAmount === null) errors.totalAmount = 'amount';
    }
  }

  const field = figuresField(target.kind);
  const figures: Partial<Record<ActivityFigureName, number>> = {};
  if (field) {
    for (const name of activityFigureNames) {
      const typed = draft.figures[name];
      const value = parseWholeNumber(typed);
      if (typed.trim() === '') errors[`${field}.${name}`] = 'required';
      else if (value === null) errors[`${field}.${name}`] = 'wholeNumber';
      else figures[name] = value;
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: SubmitInput = {
    regionId: target.regionId,
    kind: target.kind,
    coversYear: target.coversYear,
    documentReference,
  };
  if (totalAmount !== null) input.totalAmount = totalAmount;
  if (field) input[field] = figures as Record<ActivityFigureName, number>;
  if (target.version !== null) input.version = target.version;
  return { ok: true, input };
}
