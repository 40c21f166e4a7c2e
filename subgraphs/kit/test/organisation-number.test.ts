// Organisation numbers: the mod-11 check digit as the Brønnøysund Register Centre defines it.
import { describe, expect, it } from 'vitest';
import { isValidOrganisationNumber, organisationNumberCheckDigit } from '../src/organisation-number.js';

describe('organisation numbers', () => {
  it('accepts real ones', () => {
    // Innovasjon Norge and Statistics Norway.
    expect(isValidOrganisationNumber('986399445')).toBe(true);
    expect(isValidOrganisationNumber('971526920')).toBe(true);
  });
  it('refuses a wrong check digit, a wrong length and non-digits', () => {
    expect(isValidOrganisationNumber('986399446')).toBe(false);
    expect(isValidOrganisationNumber('98639944')).toBe(false);
    expect(isValidOrganisationNumber('98639944a')).toBe(false);
  });
  it('has no check digit where the remainder would need 10', () => {
    const withoutCheckDigit = Array.from({ length: 200 }, (_, i) => String(10000000 + i)).find(
      (firstEight) => organisationNumberCheckDigit(firstEight) === null,
    );
    expect(withoutCheckDigit).toBeDefined();
  });
});
