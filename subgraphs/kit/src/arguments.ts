// Checks of arguments many fields share: years and pages.
import { badUserInput } from './errors.js';

/**
 * Years the service can have data for: the first agreements predate 2022, none will outlive 2100.
 * The one rule for a year argument and for every date sent in (the `Date` scalar, scalars.ts).
 */
export const serviceYears = { first: 2000, last: 2100 } as const;

export function checkYear(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < serviceYears.first || year > serviceYears.last) {
    throw badUserInput(`${field} must be between ${serviceYears.first} and ${serviceYears.last}, not ${year}`, field);
  }
  return year;
}

export const largestPage = 200;

export function checkPage(first: number, offset: number): { limit: number; offset: number } {
  if (first < 1 || first > largestPage)
    throw badUserInput(`first must be between 1 and ${largestPage}, not ${first}`, 'first');
  if (offset < 0) throw badUserInput(`offset must not be negative, not ${offset}`, 'offset');
  return { limit: first, offset };
}

export interface Page<Item> {
  items: Item[];
  totalCount: number;
  hasNextPage: boolean;
}

export function page<Item>(items: Item[], totalCount: number, offset: number): Page<Item> {
  return { items, totalCount, hasNextPage: offset + items.length < totalCount };
}

export const emptyPage: Page<never> = { items: [], totalCount: 0, hasNextPage: false };
