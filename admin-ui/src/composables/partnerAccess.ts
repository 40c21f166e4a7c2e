// Who works with the partners' pages (referrals, gatherings, business assessments), and who may act on what there.
import type { ReferralDirection, ReferralStatus } from '../graphql/generated/graphql';

type CallerLike = { role: string; regionId: string | null } | null | undefined;

/** Roles that see the referral inbox; everyone else is sent to the start page. */
export const referralRoles: readonly string[] = [
  'INNOVASJON_NORGE',
  'NAV',
  'ADVISER',
  'MUNICIPALITY_OFFICER',
  'COUNTY_OFFICER',
];

export function seesReferrals(role: string | undefined): boolean {
  return role !== undefined && referralRoles.includes(role);
}

/**
 * Whether the caller is the receiving party of a referral: Innovasjon Norge for those addressed to it,
 * NAV for those to NAV, the region's advisers for those from NAV or to another actor. The gateway checks it again.
 */
export function receivesReferral(
  caller: CallerLike,
  referral: { direction: ReferralDirection; region: { id: string } },
): boolean {
  if (caller == null) return false;
  switch (referral.direction) {
    case 'TO_INNOVASJON_NORGE':
      return caller.role === 'INNOVASJON_NORGE';
    case 'TO_NAV':
      return caller.role === 'NAV';
    case 'FROM_NAV':
    case 'TO_OTHER_ACTOR':
      return caller.role === 'ADVISER' && caller.regionId !== null && caller.regionId === referral.region.id;
    default:
      return false;
  }
}

const referralSteps: Record<ReferralStatus, readonly ReferralStatus[]> = {
  SENT: ['RECEIVED', 'ACCEPTED', 'DECLINED'],
  RECEIVED: ['ACCEPTED', 'DECLINED'],
  ACCEPTED: ['COMPLETED'],
  DECLINED: [],
  COMPLETED: [],
};

/** The statuses a referral may move on to from where it stands. */
export function nextReferralSteps(status: ReferralStatus): readonly ReferralStatus[] {
  return referralSteps[status] ?? [];
}

/** Roles that see the business assessments: NAV, and the regions' advisers and officers and the county. */
export const assessmentRoles: readonly string[] = ['NAV', 'ADVISER', 'MUNICIPALITY_OFFICER', 'COUNTY_OFFICER'];

export function seesAssessments(role: string | undefined): boolean {
  return role !== undefined && assessmentRoles.includes(role);
}

/** The advisers of the client's region deliver a requested assessment; the gateway checks it again. */
export function deliversAssessment(
  caller: CallerLike,
  assessment: { status: string; region: { id: string } },
): boolean {
  return (
    caller != null &&
    caller.role === 'ADVISER' &&
    caller.regionId !== null &&
    caller.regionId === assessment.region.id &&
    assessment.status === 'REQUESTED'
  );
}
