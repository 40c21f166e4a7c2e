// Norwegian organisation numbers (organisasjonsnummer): nine digits, the last a mod-11 check digit.
const weights = [3, 2, 7, 6, 5, 4, 3, 2];

/** The check digit for the first eight digits, or null when no check digit makes them valid. */
export function organisationNumberCheckDigit(firstEight: string): number | null {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(firstEight[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

export function isValidOrganisationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  return organisationNumberCheckDigit(value.slice(0, 8)) === Number(value[8]);
}
