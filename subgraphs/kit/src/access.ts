// The access model, in one place for every subgraph (DOMAIN.md §9, §11): who may see a client's
// personal data, who sees only aggregates, and who writes what.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Caller, Role, Scope } from './auth.js';
import { hasCountyAuthorityOver, isHistoricalCountyOfficer, officerCounty, regionsOfCounty } from './counties.js';
import { forbidden } from './errors.js';
import { fragmentsOf, isAnonymous, isPublicOperation } from './public-access.js';

/**
 * Throws FORBIDDEN unless the caller has one of the roles. A county officer of Viken, which was
 * dissolved on 2024-01-01, holds the role for reading the years before only (the county's
 * aggregates, by year): nothing that asks for the role lets them act or read the records of today.
 */
export function requireRole(caller: Caller, ...allowed: Role[]): void {
  if (!allowed.includes(caller.role)) throw forbidden(`This needs one of the roles ${allowed.join(', ')}.`);
  if (isHistoricalCountyOfficer(caller))
    throw forbidden('Viken fylkeskommune was dissolved on 2024-01-01: its officers read the years before 2024 only.');
}

export function hasScope(caller: Caller, scope: Scope): boolean {
  return caller.scopes.includes(scope);
}

/**
 * A client's personal data is seen by the advisers of the client's region and by the owners of
 * the client list: the officers of the county the region answers to since 2024 (Østfold, Akershus
 * or Buskerud; Viken's officers read history, not persons) and the officers of the region's municipalities.
 */
export function canSeePersonalDataIn(caller: Caller, regionId: string): boolean {
  switch (caller.role) {
    case 'COUNTY_OFFICER':
      return hasCountyAuthorityOver(caller, regionId);
    case 'ADVISER':
    case 'MUNICIPALITY_OFFICER':
      return caller.regionId === regionId;
    default:
      return false;
  }
}

/**
 * The regions whose clients the caller may see, or 'all'; an empty list for everyone else. A
 * county officer gets their county's regions (none for Viken's, which was dissolved).
 */
export function regionsWithPersonalData(caller: Caller): 'all' | string[] {
  if (caller.role === 'COUNTY_OFFICER') {
    const county = officerCounty(caller);
    return county && county !== 'viken' ? regionsOfCounty(county) : [];
  }
  if ((caller.role === 'ADVISER' || caller.role === 'MUNICIPALITY_OFFICER') && caller.regionId)
    return [caller.regionId];
  return [];
}

/** Reads from outside the client's region are logged (§11); the county's officers are outside every region. */
export function readsFromOutside(caller: Caller, regionId: string): boolean {
  return caller.regionId !== regionId;
}

/** Aggregates are for every signed-in role, but an API client only with the scope for them. */
export function requireAggregateAccess(caller: Caller): void {
  if (caller.role === 'API_CLIENT' && !hasScope(caller, 'aggregates:read')) {
    throw forbidden('This API client has no scope to read aggregates (aggregates:read).');
  }
}

/**
 * An API client reads nothing its scopes do not name: one without a scope the platform knows gets
 * the public fields only, and FORBIDDEN (HTTP 403) for anything else, before anything is resolved.
 */
export function apiClientScopePlugin<Context extends BaseContext & { caller: Caller }>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          const { caller } = contextValue;
          if (!operation || isAnonymous(caller) || caller.role !== 'API_CLIENT' || caller.scopes.length > 0) return;
          if (isPublicOperation(operation, fragmentsOf(document))) return;
          const error = forbidden('This API client has no scope for this (it holds none the platform knows).');
          error.extensions.http = { status: 403 };
          throw error;
        },
      };
    },
  };
}

/** Fewer persons than this in a count could single someone out, so the count is not shown. */
export const smallestShownCount = 5;
