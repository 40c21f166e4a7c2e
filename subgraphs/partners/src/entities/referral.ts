// A referral of a client between the service and Innovasjon Norge or NAV, with what it shares.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const referralDirections = ['TO_INNOVASJON_NORGE', 'TO_NAV', 'TO_OTHER_ACTOR', 'FROM_NAV'] as const;
export type ReferralDirection = (typeof referralDirections)[number];
export const referralStatuses = ['SENT', 'RECEIVED', 'ACCEPTED', 'DECLINED', 'COMPLETED'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const referralProgrammes = [
  'STARTUP_GRANT_PHASE_1',
  'STARTUP_GRANT_PHASE_2',
  'STARTUP_GRANT_PHASE_3',
  'STARTUP_LOAN',
  'FROM_IDEA_TO_MARKET_SEMINAR',
  'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
  'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP',
  'INTRODUCTION_PROGRAMME',
  'QUALIFICATION_PROGRAMME',
  'ENTREPRENEUR_SERVICE',
  'OTHER',
] as const;
export type ReferralProgramme = (typeof referralProgrammes)[number];

/**
 * Which programmes belong to which receiving party: sendReferral refuses a programme of another party, and the graph
 * gives the table to forms (Query.referralProgrammes), so no client keeps a copy of it.
 */
export const programmesOf: Record<ReferralDirection, readonly ReferralProgramme[]> = {
  TO_INNOVASJON_NORGE: [
    'STARTUP_GRANT_PHASE_1',
    'STARTUP_GRANT_PHASE_2',
    'STARTUP_GRANT_PHASE_3',
    'STARTUP_LOAN',
    'FROM_IDEA_TO_MARKET_SEMINAR',
  ],
  TO_NAV: [
    'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
    'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP',
    'INTRODUCTION_PROGRAMME',
    'QUALIFICATION_PROGRAMME',
  ],
  TO_OTHER_ACTOR: ['OTHER'],
  FROM_NAV: ['ENTREPRENEUR_SERVICE'],
};

export const ReferralSchema = defineEntity({
  name: 'Referral',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    direction: p.enum(referralDirections as unknown as ReferralDirection[]).index(),
    regionId: p.string().index(),
    /** Null for a referral from NAV until the service has registered the person as a client. */
    clientId: p.uuid().nullable(),
    sharedName: p.string().length(200),
    sharedEmail: p.string().length(254).nullable(),
    sharedPhone: p.string().length(20).nullable(),
    consentGivenOn: p.date(),
    sentOn: p.date(),
    programme: p.enum(referralProgrammes as unknown as ReferralProgramme[]),
    /** The receiving actor, for a referral to another actor. */
    otherActor: p.string().length(200).nullable(),
    /** The local NAV office a referral to or from NAV goes through. */
    navOfficeId: p.string().length(100).nullable(),
    status: p.enum(referralStatuses as unknown as ReferralStatus[]).default('SENT'),
    statusChangedOn: p.date(),
    /** Why it was declined, or a note on the last change. */
    statusReason: p.text().nullable(),
    note: p.text().nullable(),
    /**
     * Who sent it: the token `sub` of the adviser (or, from NAV, the NAV officer), whom the
     * receiver's answers are told to. Null for referrals sent before it was kept.
     */
    sentBySubject: p.string().length(255).nullable(),
    /** When the client's data in the referral was erased (on request or when retention ended). */
    erasedAt: p.datetime().nullable(),
    version: p.integer().version(),
  }),
  // The regions' referral counts of a year (referral-counts.ts): read from the index alone.
  indexes: [{ properties: ['regionId', 'sentOn', 'direction'] }],
});

export type Referral = InferEntity<typeof ReferralSchema>;
