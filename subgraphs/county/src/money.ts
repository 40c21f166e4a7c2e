// The funding arithmetic of §6 and §7 in whole øre (bigint): frames, the municipal split, instalments.

/** Rate (øre per inhabitant) times inhabitants: exact, no rounding. */
export function frameOre(rateOre: bigint, inhabitants: bigint | number): bigint {
  return rateOre * BigInt(inhabitants);
}

/** §7: 50 % in January and 50 % in August; an odd øre goes to January, paid first. */
export function splitInstalments(amountOre: bigint): { january: bigint; august: bigint } {
  const august = amountOre / 2n;
  return { january: amountOre - august, august };
}

export interface ShareBasis {
  municipalityNumber: string;
  inhabitants: bigint;
  /** The agreement's split; null when each municipality pays for its own inhabitants. */
  basisPoints: number | null;
}

/**
 * The municipal contribution per municipality. By default each pays the rate for its own
 * inhabitants, which adds up to the total exactly. When the agreement sets shares (basis points
 * summing to 10 000), each gets its share rounded down and the øre left over go to the
 * municipalities in the agreement's order, one each, so the shares still add up to the total.
 */
export function splitMunicipalContribution(rateOre: bigint, bases: ShareBasis[]): Map<string, bigint> {
  const total = frameOre(
    rateOre,
    bases.reduce((sum, basis) => sum + basis.inhabitants, 0n),
  );
  const byAgreement = bases.some((basis) => basis.basisPoints !== null);
  if (!byAgreement)
    return new Map(bases.map((basis) => [basis.municipalityNumber, frameOre(rateOre, basis.inhabitants)]));
  // A split that leaves a municipality out or adds up to other than 100 % would leave part of the
  // frame unpaid (a 90 % split used to pay 90 % and a few øre): refused, never silently used.
  const points = bases.reduce((sum, basis) => sum + (basis.basisPoints ?? 0), 0);
  if (bases.some((basis) => basis.basisPoints === null) || points !== 10_000)
    throw new RangeError(
      `The agreement's split of the municipal contribution adds up to ${points} basis points, not 10 000, or leaves a municipality out.`,
    );
  const shares = bases.map((basis) => ({
    number: basis.municipalityNumber,
    amount: (total * BigInt(basis.basisPoints ?? 0)) / 10_000n,
  }));
  let leftOver = total - shares.reduce((sum, share) => sum + share.amount, 0n);
  for (const share of shares) {
    if (leftOver <= 0n) break;
    if (bases.find((basis) => basis.municipalityNumber === share.number)?.basisPoints) {
      share.amount += 1n;
      leftOver -= 1n;
    }
  }
  return new Map(shares.map((share) => [share.number, share.amount]));
}
