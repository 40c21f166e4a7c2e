// The 2024 county split's authority over the county's writes (issue 18 §2): only officers of the
// county a region answers to since 2024 change its agreements, funding and payments; each paying
// county records and confirms its own part of an instalment; Viken's officers read history only.
// Every mutation checks this before it looks at its input, so another county learns nothing from
// a validation error.
import {
  badUserInput,
  type Caller,
  countyNames,
  countySplitDate,
  forbidden,
  isCountyId,
  isHistoricalCountyOfficer,
  notFound,
  officerCounty,
  referenceRegions,
  regionPayers,
  requireCountyAuthorityOver,
} from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from './context.js';
import { type Agreement, AgreementSchema } from './entities/agreement.js';

/** The agreement, FORBIDDEN unless the caller is an officer of the county its region answers to (NOT_FOUND for none). */
export async function agreementInAuthority(
  tx: EntityManager,
  caller: Caller,
  id: string,
  version?: number,
): Promise<Agreement> {
  const agreement = await tx.findOne(AgreementSchema, { id });
  if (!agreement) throw notFound(`No agreement ${id}.`);
  // Whose it is before whether the version is current: another county learns nothing from a CONFLICT.
  requireCountyAuthorityOver(caller, agreement.regionId);
  // The change was based on `version`; if someone saved since, this one would overwrite theirs.
  if (version !== undefined) await tx.lock(agreement, LockMode.OPTIMISTIC, version);
  return agreement;
}

/** Whose the agreement is before what the input says: FORBIDDEN to another county's officers (NOT_FOUND for none). */
export async function requireAuthorityOverAgreement(context: Context, id: string): Promise<void> {
  const agreement = await context.loaders.agreement.load(id);
  if (!agreement) throw notFound(`No agreement ${id}.`);
  requireCountyAuthorityOver(context.caller, agreement.regionId);
}

/** Viken's officers read history; they record nothing. */
export function requireCurrentCounty(caller: Caller): void {
  if (isHistoricalCountyOfficer(caller))
    throw forbidden(
      'Viken fylkeskommune was dissolved on 2024-01-01: its officers read the years before, and record nothing.',
    );
}

/**
 * The paying county whose part of an instalment the caller records or confirms: their own
 * county's (named or left out) for a year from 2024, in which it must pay a part; Viken's for a
 * year before, recorded and confirmed by the officers of the county the region answers to now.
 * FORBIDDEN for anyone else.
 */
export function payerFor(caller: Caller, regionId: string, year: number, payerId: string | null | undefined): string {
  const own = officerCounty(caller);
  if (year < Number(countySplitDate.slice(0, 4))) {
    if (payerId && payerId !== 'viken')
      throw badUserInput(`payerId: Viken fylkeskommune paid ${year}, before it was dissolved`, 'payerId');
    requireCountyAuthorityOver(caller, regionId);
    return 'viken';
  }
  const payer = payerId ?? own;
  if (!payer || !isCountyId(payer)) throw badUserInput('payerId: `ostfold`, `akershus` or `buskerud`', 'payerId');
  if (payer !== own) throw forbidden(`Only officers of ${countyNames[payer]} record ${countyNames[payer]}'s payments.`);
  const municipalities = referenceRegions().find((region) => region.id === regionId)?.municipalityNumbers ?? [];
  if (!regionPayers(regionId, municipalities, year).some((candidate) => candidate.countyId === payer))
    throw forbidden(`${countyNames[payer]} pays no part of ${regionId}'s funding for ${year}.`);
  return payer;
}
