// The agreement rules the console checks before sending (the county subgraph checks them again):
// minimum rates, a split that covers exactly 100 %, late extensions, one year's notice, and the
// agreement's history as one list over time.
import { parseNokInput } from './nokInput';

/** §6: NOK 5.50 and 2.50 per inhabitant at least, in øre. */
export const minimumCountyRateOre = 550;
export const minimumMunicipalRateOre = 250;

/** Roles that read agreements: every signed-in role the county gives aggregates to. */
export const agreementReaderRoles: readonly string[] = [
  'COUNTY_OFFICER',
  'COORDINATION_MEMBER',
  'MUNICIPALITY_OFFICER',
  'ADVISER',
  'INNOVASJON_NORGE',
  'NAV',
  'API_CLIENT',
];
export const readsAgreements = (role: string | undefined) => role !== undefined && agreementReaderRoles.includes(role);
/** Only county officers make, sign, amend, extend and end agreements; the gateway checks it again. */
export const managesAgreements = (role: string | undefined) => role === 'COUNTY_OFFICER';

/** A rate typed as kroner ("5,50") in øre, or null when it is no amount. */
export function rateOre(text: string): number | null {
  const nok = parseNokInput(text);
  return nok === null ? null : Math.round(Number(nok.replace('.', '')));
}

/** A percentage typed with at most two decimals ("16,67") in basis points (1667), or null. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!match) return null;
  const points = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return points > 10_000 ? null : points;
}

export const basisPointsToPercent = (points: number) =>
  `${Math.floor(points / 100)},${String(points % 100).padStart(2, '0')}`;

export type SplitProblem = { key: 'invalid'; municipality: string } | { key: 'sum'; sum: string } | null;

/**
 * Why a split cannot be sent: a share that is no percentage, or shares that do not add up to
 * exactly 100 % (90 % would leave a tenth of the municipal frame unpaid). Null when it is fine.
 */
export function splitProblem(shares: { municipality: string; percent: string }[]): SplitProblem {
  let sum = 0;
  for (const share of shares) {
    const points = percentToBasisPoints(share.percent);
    if (points === null) return { key: 'invalid', municipality: share.municipality };
    sum += points;
  }
  return sum === 10_000 ? null : { key: 'sum', sum: basisPointsToPercent(sum) };
}

/** An extension decided after the agreement's last day must say why. */
export const extensionIsLate = (decidedOn: string, validTo: string) => decidedOn !== '' && decidedOn > validTo;

/** §10: one year's notice; given on 29 February, it runs to 28 February. */
export function earliestNoticeEffectiveDate(givenOn: string): string {
  const [year, month, day] = givenOn.split('-').map(Number) as [number, number, number];
  const lastDayOfMonth = new Date(Date.UTC(year + 1, month, 0)).getUTCDate();
  return `${year + 1}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDayOfMonth)).padStart(2, '0')}`;
}

/** Renewal and "ending": an agreement is ending when its last day is within a year of today. */
export function isRenewable(
  agreement: { status: string; lastDay: string; renewedAs?: { id: string } | null },
  today: string,
): boolean {
  if (agreement.status === 'DRAFT' || agreement.renewedAs) return false;
  if (agreement.status === 'EXPIRED' || agreement.status === 'TERMINATED') return true;
  return agreement.lastDay <= earliestNoticeEffectiveDate(today);
}

export type HistoryEvent =
  | { kind: 'signed'; on: string; party: string; by: string }
  | { kind: 'inForce'; on: string }
  | { kind: 'amended'; on: string; description: string; consentedBy: string[] }
  | { kind: 'extended'; on: string; validTo: string; lateReason: string | null }
  | { kind: 'notice'; on: string; party: string; effectiveOn: string }
  | { kind: 'succeeded'; on: string; party: string; predecessor: string }
  | { kind: 'serviceAdded'; on: string; description: string }
  | { kind: 'serviceEnded'; on: string; description: string };

export interface HistorySource {
  validFrom: string;
  signedOn?: string | null;
  signatures: { signedOn: string; signedBy: string; party: { organisationName: string } }[];
  amendments: { decidedOn: string; description: string; consentedBy: string[] }[];
  extensions: { decidedOn: string; validTo: string; lateReason?: string | null }[];
  notices: { givenOn: string; effectiveOn: string; organisationName: string }[];
  partyHistory: { validFrom: string; organisationName: string; succeeds?: { organisationName: string } | null }[];
  supplementaryServiceHistory: { validFrom: string; validTo?: string | null; description: string }[];
}

/** Everything that happened to the agreement, oldest first; services listed from the start are not events. */
export function agreementHistory(agreement: HistorySource): HistoryEvent[] {
  const events: HistoryEvent[] = [
    ...agreement.signatures.map((s) => ({
      kind: 'signed' as const,
      on: s.signedOn,
      party: s.party.organisationName,
      by: s.signedBy,
    })),
    ...(agreement.signedOn ? [{ kind: 'inForce' as const, on: agreement.signedOn }] : []),
    ...agreement.amendments.map((a) => ({
      kind: 'amended' as const,
      on: a.decidedOn,
      description: a.description,
      consentedBy: a.consentedBy,
    })),
    ...agreement.extensions.map((e) => ({
      kind: 'extended' as const,
      on: e.decidedOn,
      validTo: e.validTo,
      lateReason: e.lateReason ?? null,
    })),
    ...agreement.notices.map((n) => ({
      kind: 'notice' as const,
      on: n.givenOn,
      party: n.organisationName,
      effectiveOn: n.effectiveOn,
    })),
    ...agreement.partyHistory.flatMap((p) =>
      p.succeeds
        ? [
            {
              kind: 'succeeded' as const,
              on: p.validFrom,
              party: p.organisationName,
              predecessor: p.succeeds.organisationName,
            },
          ]
        : [],
    ),
    ...agreement.supplementaryServiceHistory.flatMap((s) => [
      ...(s.validFrom > agreement.validFrom
        ? [{ kind: 'serviceAdded' as const, on: s.validFrom, description: s.description }]
        : []),
      ...(s.validTo ? [{ kind: 'serviceEnded' as const, on: s.validTo, description: s.description }] : []),
    ]),
  ];
  // Stable: events of one day keep the order above (signatures before "in force").
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.on.localeCompare(b.event.on) || a.index - b.index)
    .map(({ event }) => event);
}
