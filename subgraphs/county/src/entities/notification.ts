// The notification inbox (issue 21 §3): what was delivered to an audience, who of it has read it,
// and what each person wants to see and be e-mailed. Read state and preferences belong to a
// person (their token's `sub`), never to a role or an organisation.
import type { NotificationAudience } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const notificationKinds = [
  'REFERRAL_RECEIVED',
  'REFERRAL_ANSWERED',
  'REPORT_DEADLINE_REMINDER',
  'REPORT_OVERDUE',
  'INSTALMENT_DUE',
  'INSTALMENT_OVERDUE',
  'MEETING_NOT_HELD',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const NotificationSchema = defineEntity({
  name: 'Notification',
  properties: (p) => ({
    /** The id of the outbox message that delivered it: a repeated delivery finds it and adds nothing. */
    id: p.uuid().primary(),
    kind: p.enum(notificationKinds as unknown as NotificationKind[]),
    /** Whom it is for: every part given must match the reader's token; no part is null. */
    audience: p.json<NotificationAudience>(),
    title: p.text(),
    body: p.text(),
    link: p.string().length(500).nullable(),
    /** The service whose message it was (county, regions, partners). */
    source: p.string().length(50),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
  indexes: [{ properties: ['createdAt'] }],
});
export type Notification = InferEntity<typeof NotificationSchema>;

export const NotificationReadSchema = defineEntity({
  name: 'NotificationRead',
  properties: (p) => ({
    notification: p.manyToOne(NotificationSchema).primary().deleteRule('cascade'),
    /** The reader's token `sub`. */
    subject: p.string().length(255).primary(),
    readAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type NotificationRead = InferEntity<typeof NotificationReadSchema>;

export const NotificationPreferenceSchema = defineEntity({
  name: 'NotificationPreference',
  properties: (p) => ({
    /** The person's token `sub` (a role assignment's subject once bound). */
    subject: p.string().length(255).primary(),
    kind: p.enum(notificationKinds as unknown as NotificationKind[]).primary(),
    console: p.boolean(),
    email: p.boolean(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  }),
});
export type NotificationPreference = InferEntity<typeof NotificationPreferenceSchema>;
