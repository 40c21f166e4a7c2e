// A referral of a client between the service and Innovasjon Norge or NAV, with what it shares.
import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const referralDirections = ['TO_INNOVASJON_NORGE', 'TO_NAV', 'FROM_NAV'] as const;
export type ReferralDirection = (typeof referralDirections)[number];
export const referralStatuses = ['SENT', 'RECEIVED', 'ACCEPTED', 'DECLINED', 'COMPLETED'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const ReferralSchema = defineEntity({
  name: 'Referral',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    direction: p.enum(referralDirections as unknown as ReferralDirection[]).index(),
    regionId: p.string().index(),
    clientId: p.uuid(),
    sharedName: p.string().length(200),
    sharedEmail: p.string().length(254).nullable(),
    sharedPhone: p.string().length(20).nullable(),
    consentGivenOn: p.date(),
    sentOn: p.date(),
    status: p.enum(referralStatuses as unknown as ReferralStatus[]).default('SENT'),
    note: p.text().nullable(),
    version: p.integer().version(),
  }),
});

export type Referral = InferEntity<typeof ReferralSchema>;
