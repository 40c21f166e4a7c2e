// Who gets notifications in the console, and which links of a notification the console follows.
import type { NotificationKind } from '../graphql/generated/graphql';

/** Every kind, in the order the preferences list them: referrals, reporting, money, meetings. */
export const notificationKinds: readonly NotificationKind[] = [
  'REFERRAL_RECEIVED',
  'REFERRAL_ANSWERED',
  'REPORT_DEADLINE_REMINDER',
  'REPORT_OVERDUE',
  'INSTALMENT_DUE',
  'INSTALMENT_OVERDUE',
  'MEETING_NOT_HELD',
];

/**
 * Signed-in people have notifications; a partner system (API_CLIENT) has no person to read them, and the county
 * refuses it, so the console never asks for it.
 */
export function receivesNotifications(role: string | undefined): boolean {
  return role !== undefined && role !== 'API_CLIENT';
}

/**
 * The console path a notification leads to, or null: only a path on the console itself ("/referrals"), never
 * another site or a `javascript:` address, whatever the stored link says.
 */
export function consolePath(link: string | null | undefined): string | null {
  if (!link?.startsWith('/') || link.startsWith('//') || link.includes('\\')) return null;
  return link;
}
