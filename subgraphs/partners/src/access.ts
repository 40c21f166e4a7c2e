// Who sees which referrals (DOMAIN.md §11): Innovasjon Norge and NAV only those addressed to
// them (NAV also those it sent), the region's advisers and municipality officers their region's,
// the officers of the county a region answers to that region's (Viken's none); nobody else any.
import { type Caller, canSeePersonalDataIn, regionsWithPersonalData } from '@etablerer/kit';
import type { FilterQuery } from '@mikro-orm/core';
import type { BusinessAssessment } from './entities/business-assessment.js';
import type { Referral } from './entities/referral.js';

/** The filter of the referrals the caller may see, or null when the caller may see none. */
/** A county officer's county's regions, as a filter; null for Viken's officers, who see no persons. */
function countyRegions(caller: Caller): { regionId: { $in: string[] } } | null {
  const regions = regionsWithPersonalData(caller);
  return regions === 'all' ? null : regions.length ? { regionId: { $in: regions } } : null;
}

export function visibleReferrals(caller: Caller): FilterQuery<Referral> | null {
  switch (caller.role) {
    case 'COUNTY_OFFICER':
      return countyRegions(caller);
    case 'INNOVASJON_NORGE':
      return { direction: 'TO_INNOVASJON_NORGE' };
    case 'NAV':
      return { direction: { $in: ['TO_NAV', 'FROM_NAV'] } };
    case 'ADVISER':
    case 'MUNICIPALITY_OFFICER':
      return caller.regionId ? { regionId: caller.regionId } : null;
    default:
      return null;
  }
}

export function canSeeReferral(caller: Caller, referral: Referral): boolean {
  switch (caller.role) {
    case 'COUNTY_OFFICER':
      return canSeePersonalDataIn(caller, referral.regionId);
    case 'INNOVASJON_NORGE':
      return referral.direction === 'TO_INNOVASJON_NORGE';
    case 'NAV':
      return referral.direction === 'TO_NAV' || referral.direction === 'FROM_NAV';
    case 'ADVISER':
    case 'MUNICIPALITY_OFFICER':
      return caller.regionId === referral.regionId;
    default:
      return false;
  }
}

/** Business assessments: NAV asks for them, so it sees all; the region's advisers and municipality officers theirs. */
export function visibleAssessments(caller: Caller): FilterQuery<BusinessAssessment> | null {
  switch (caller.role) {
    case 'COUNTY_OFFICER':
      return countyRegions(caller);
    case 'NAV':
      return {};
    case 'ADVISER':
    case 'MUNICIPALITY_OFFICER':
      return caller.regionId ? { regionId: caller.regionId } : null;
    default:
      return null;
  }
}

export function canSeeAssessment(caller: Caller, assessment: BusinessAssessment): boolean {
  const where = visibleAssessments(caller);
  if (!where) return false;
  if (!('regionId' in where)) return true;
  return typeof where.regionId === 'string'
    ? where.regionId === assessment.regionId
    : canSeePersonalDataIn(caller, assessment.regionId);
}
