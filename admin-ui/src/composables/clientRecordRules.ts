// What the client page's record forms check before they send (the server checks the same and has the last
// word), and the order they list in. Keys are those of `clients.validation`.
import { networkEventLimits, recordLimits } from '@etablerer/regions/input-limits';
import type { LinkKind, MilestoneKind, SurveyOccasion } from '../graphql/generated/graphql';

export type RecordValidationKey = 'required' | 'future' | 'tooLong';

// The regions subgraph's own limits, from the one place it sets them.
export const maxFollowUpNoteLength = recordLimits.followUpNote;
export const maxLinkNameLength = recordLimits.linkName;
export const maxSurveyCommentLength = recordLimits.surveyComment;
export const maxNetworkEventTitleLength = networkEventLimits.title;

export const milestoneKinds: readonly MilestoneKind[] = [
  'BUSINESS_REGISTERED',
  'FIRST_REVENUE',
  'FIRST_EMPLOYEE',
  'ACTIVE_AFTER_1_YEAR',
  'ACTIVE_AFTER_2_YEARS',
  'ACTIVE_AFTER_3_YEARS',
];
export const linkKinds: readonly LinkKind[] = [
  'MENTOR',
  'ESTABLISHED_BUSINESS',
  'CLUSTER',
  'INCUBATOR',
  'COMPETENCE_ENVIRONMENT',
];
export const surveyOccasions: readonly SurveyOccasion[] = ['AFTER_COUNSELLING', 'AFTER_COURSE'];
export const surveyScores: readonly number[] = [1, 2, 3, 4, 5, 6];

/** A day that has happened (the records are of what took place): today at the latest, on the Oslo calendar. */
export function checkPastDate(date: string, today: string): RecordValidationKey | null {
  if (date === '') return 'required';
  return date > today ? 'future' : null;
}

/** A text that must be given, of at most `max` characters once trimmed. */
export function checkRequiredText(text: string, max: number): RecordValidationKey | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'required';
  return trimmed.length > max ? 'tooLong' : null;
}

/** Keeps only the errors found, so an empty result means the draft may be sent. */
export function foundErrors<Key extends string, Found extends string = RecordValidationKey>(
  checks: Record<Key, Found | null>,
): Partial<Record<Key, Found>> {
  const errors: Partial<Record<Key, Found>> = {};
  for (const [key, found] of Object.entries(checks) as [Key, Found | null][]) {
    if (found) errors[key] = found;
  }
  return errors;
}

/** Newest first, as the advisers read a client's history; the same day keeps the server's order. */
export function newestFirst<Item extends { date: string }>(items: readonly Item[]): Item[] {
  return [...items].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
