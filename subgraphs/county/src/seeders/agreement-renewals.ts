// Demo data for the next period, so the demo reaches today: Drammensregionen and Mosseregionen
// renewed for 2026–2029 (Mosseregionen with its own split of the municipal share), Indre Østfold's
// renewal still a draft awaiting NAV's signature, and Nedre Romerike renewed but in its notice year.
import {
  type CountyId,
  type ReferenceRegion,
  referenceMunicipalities,
  referenceRegions,
  regionPayers,
} from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/core';
import { fundedMonths, instalmentsFor, prorateFrame } from '../agreement-lifecycle.js';
import { lastDay } from '../agreements.js';
import { AgreementSchema } from '../entities/agreement.js';
import { NoticeSchema } from '../entities/agreement-change.js';
import { AgreementSignatureSchema, SupplementaryServiceSchema } from '../entities/agreement-lifecycle.js';
import { type AgreementParty, AgreementPartySchema, type PartyKind } from '../entities/agreement-party.js';
import { FundingRateSchema, minimumCountyRateOre, minimumMunicipalRateOre } from '../entities/funding.js';
import { PaymentSchema } from '../entities/payment.js';
import { fundingPopulationDate } from '../entities/population-figure.js';
import { type ActivityTargets, SubmissionSchema } from '../entities/submission.js';
import { frameOre } from '../money.js';
import { demoOfficers, demoPaymentControl } from './demo-officers.js';

interface Organisation {
  id: string;
  name: string;
}

interface Renewal {
  regionId: string;
  county: Organisation;
  nav: Organisation;
  /** Who signed on which day, by party kind; a kind left out has not signed (the draft awaits it). */
  signedOn: Partial<Record<PartyKind, string>>;
  services: string[];
  /** The agreement's own split in basis points by municipality number; none: each pays for its own inhabitants. */
  split?: Record<string, number>;
  notice?: { byContractMunicipality: true; givenOn: string; effectiveOn: string; reason: string };
}

const innovasjonNorge = { id: 'innovasjon-norge', name: 'Innovasjon Norge Oslo, Viken og Innlandet' };
const ostfold = { id: 'ostfold', name: 'Østfold fylkeskommune' };
const signedDecember2025 = (day: number) => ({
  COUNTY: `2025-12-${day + 2}`,
  CONTRACT_MUNICIPALITY: `2025-12-${day}`,
  INNOVASJON_NORGE: `2025-12-${day + 1}`,
  NAV: `2025-12-${day + 1}`,
});

export const demoRenewals: Renewal[] = [
  {
    regionId: 'drammensregionen',
    county: { id: 'buskerud', name: 'Buskerud fylkeskommune' },
    nav: { id: 'nav-vest-viken', name: 'NAV Vest-Viken' },
    signedOn: signedDecember2025(10),
    services: ['Kontorfellesskap i gründerhuset i Drammen', 'Temakurs i digital markedsføring (egenandel)'],
  },
  {
    regionId: 'mosseregionen',
    county: ostfold,
    nav: { id: 'nav-ost-viken', name: 'NAV Øst-Viken' },
    signedOn: signedDecember2025(15),
    services: ['Mentorordning for gründere med innvandrerbakgrunn'],
    // Moss carries half; the three smaller municipalities share the other half.
    split: { '3002': 5000, '3017': 1667, '3018': 1667, '3019': 1666 },
  },
  {
    regionId: 'indre-ostfold',
    county: ostfold,
    nav: { id: 'nav-ost-viken', name: 'NAV Øst-Viken' },
    signedOn: { COUNTY: '2026-11-30', CONTRACT_MUNICIPALITY: '2026-11-18', INNOVASJON_NORGE: '2026-11-24' },
    services: ['Kontorfellesskap på Mysen', 'Næringsfaglige vurderinger'],
  },
  {
    regionId: 'nedre-romerike',
    county: { id: 'akershus', name: 'Akershus fylkeskommune' },
    nav: { id: 'nav-ost-viken', name: 'NAV Øst-Viken' },
    signedOn: signedDecember2025(12),
    services: ['Oppfølging av gründere med vekstpotensial'],
    notice: {
      byContractMunicipality: true,
      givenOn: '2026-06-15',
      effectiveOn: '2027-07-01',
      reason: 'Lillestrøm kommune vil drive etablerertjenesten i egen regi fra andre halvår 2027.',
    },
  },
];

const plusDays = (date: string, days: number) => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

export interface RenewalSeedOptions {
  today: string;
  newId: () => string;
  activityTargets: (regionId: string, year: number, inhabitants: number) => ActivityTargets;
}

/** Seeds the renewals whose first signature lies before the demo's today; what lies after it is not there yet. */
export function seedRenewals(em: EntityManager, { today, newId, activityTargets }: RenewalSeedOptions) {
  for (const renewal of demoRenewals) {
    const region = referenceRegions().find((r) => r.id === renewal.regionId);
    const signatures = Object.entries(renewal.signedOn).filter(([, on]) => on <= today);
    if (!region || signatures.length === 0) continue;
    seedRenewal(em, region, renewal, { today, newId, activityTargets });
  }
}

function seedRenewal(em: EntityManager, region: ReferenceRegion, renewal: Renewal, options: RenewalSeedOptions) {
  const { today, newId } = options;
  const municipalities = referenceMunicipalities().filter((m) => region.municipalityNumbers.includes(m.number));
  const inhabitants = municipalities.reduce((sum, m) => sum + m.approximatePopulation2021, 0);
  const signingKinds = ['COUNTY', 'CONTRACT_MUNICIPALITY', 'INNOVASJON_NORGE', 'NAV'] as const;
  const allSigned = signingKinds.every((kind) => (renewal.signedOn[kind] ?? '9999') <= today);
  const signedOn = allSigned
    ? (signingKinds
        .map((kind) => renewal.signedOn[kind] as string)
        .sort()
        .at(-1) ?? null)
    : null;
  const agreement = em.create(AgreementSchema, {
    id: `${region.id}-2026`,
    regionId: region.id,
    validFrom: '2026-01-01',
    validTo: '2029-12-31',
    originalValidTo: '2029-12-31',
    signedOn,
    populationDate: fundingPopulationDate,
    populationSource: 'SSB 1.7.2021, omtrentlige demotall (avrundet til hundre)',
    renewedFromId: `${region.id}-2022`,
    changedAt: new Date(`${signedOn ?? today}T12:00:00Z`),
    version: 1,
  });
  const parties: AgreementParty[] = [];
  const party = (kind: PartyKind, org: Organisation, municipalityNumber: string | null = null) => {
    const row = em.create(AgreementPartySchema, {
      id: newId(),
      agreement,
      kind,
      organisationId: org.id,
      organisationName: org.name,
      municipalityNumber,
      validFrom: '2026-01-01',
      validTo: null,
      succeedsId: null,
      contributionShareBasisPoints: municipalityNumber ? (renewal.split?.[municipalityNumber] ?? null) : null,
    });
    parties.push(row);
    return row;
  };
  party('COUNTY', renewal.county);
  for (const m of municipalities) {
    const contract = m.number === region.contractMunicipalityNumber;
    party(contract ? 'CONTRACT_MUNICIPALITY' : 'MUNICIPALITY', { id: m.number, name: `${m.name} kommune` }, m.number);
  }
  party('INNOVASJON_NORGE', innovasjonNorge);
  party('NAV', renewal.nav);
  const signers: Record<string, string> = {
    COUNTY: 'Fylkesdirektør for næring',
    CONTRACT_MUNICIPALITY: 'Kommunedirektør',
    INNOVASJON_NORGE: 'Regiondirektør',
    NAV: 'Direktør',
  };
  for (const row of parties) {
    const on = renewal.signedOn[row.kind];
    if (!on || on > today) continue;
    em.create(AgreementSignatureSchema, {
      id: newId(),
      agreement,
      party: row,
      signedBy: `${signers[row.kind]}, ${row.organisationName}`,
      signedOn: on,
      recordedBy: demoOfficers[renewal.county.id as CountyId].officer.name,
      recordedAt: new Date(`${on}T14:00:00Z`),
    });
  }
  renewal.services.forEach((description, position) => {
    em.create(SupplementaryServiceSchema, {
      id: newId(),
      agreement,
      description,
      validFrom: '2026-01-01',
      validTo: null,
      position,
    });
  });
  for (let year = 2026; year <= 2029; year++)
    em.create(FundingRateSchema, {
      agreement,
      year,
      countyRateOre: minimumCountyRateOre,
      municipalRateOre: minimumMunicipalRateOre,
    });
  const contract = parties.find((p) => p.kind === 'CONTRACT_MUNICIPALITY') as AgreementParty;
  const notices = [];
  if (renewal.notice && renewal.notice.givenOn <= today) {
    notices.push(
      em.create(NoticeSchema, {
        id: newId(),
        agreement,
        organisationId: contract.organisationId,
        organisationName: contract.organisationName,
        givenOn: renewal.notice.givenOn,
        effectiveOn: renewal.notice.effectiveOn,
        reason: renewal.notice.reason,
      }),
    );
  }
  if (!signedOn) return;

  // §7 under the new agreement: plans and budgets by 1 December before each year, approved two
  // weeks later; the instalments paid once both are approved, for the months the agreement runs.
  const end = lastDay(agreement, notices);
  for (let year = 2026; year <= Math.min(2027, Number(end.slice(0, 4))); year++) {
    const submittedOn = plusDays(`${year - 1}-12-01`, -4);
    if (submittedOn > today) continue;
    const approvedOn = plusDays(submittedOn, 10);
    const approved = approvedOn <= today;
    for (const kind of ['ACTIVITY_PLAN', 'BUDGET'] as const) {
      em.create(SubmissionSchema, {
        id: newId(),
        agreement,
        kind,
        coversYear: year,
        status: approved ? 'APPROVED' : 'SUBMITTED',
        submittedOn,
        submittedBy: `Etablerertjenesten ${region.name}`,
        documentReference: `${region.id}/${year}/${kind.toLowerCase()}.pdf`,
        totalAmountOre:
          kind === 'BUDGET' ? frameOre(minimumCountyRateOre + minimumMunicipalRateOre, inhabitants) : null,
        targets: kind === 'ACTIVITY_PLAN' ? options.activityTargets(region.id, year, inhabitants) : null,
        decidedOn: approved ? approvedOn : null,
        decidedBy: approved ? demoOfficers[renewal.county.id as CountyId].officer.name : null,
        decisionComment: null,
        version: 1,
      });
    }
    if (!approved) continue;
    const months = fundedMonths(year, agreement.validFrom, end);
    const amount = prorateFrame(frameOre(minimumCountyRateOre, inhabitants), months);
    // Each paying county's part as the county subgraph computes it (`countyPayersOf`): a county
    // other than the region's own pays the amount times its inhabitants' part, rounded down; the
    // region's own county the rest. Each part falls due in instalments for the months funded.
    const payers = regionPayers(region.id, region.municipalityNumbers, year).map((payer) => ({
      payer,
      inhabitants: municipalities
        .filter((m) => payer.municipalityNumbers.includes(m.number))
        .reduce((sum, m) => sum + m.approximatePopulation2021, 0),
    }));
    const parts = payers.map(({ inhabitants: own }) => (amount * BigInt(own)) / BigInt(inhabitants));
    parts[0] = amount - parts.slice(1).reduce((sum, part) => sum + part, 0n);
    for (const [index, { payer }] of payers.entries()) {
      for (const { instalment, amountOre } of instalmentsFor(parts[index] as bigint, months)) {
        const usual = instalment === 'JANUARY' ? `${year}-01-20` : `${year}-08-20`;
        const earliest = plusDays(approvedOn, index === 0 ? 4 : 9);
        // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; Math.max would make them numbers
        const paidOn = usual > earliest ? usual : earliest;
        if (paidOn > today) continue;
        em.create(PaymentSchema, {
          id: newId(),
          agreement,
          year,
          instalment,
          amountOre,
          paidOn,
          reference: `UTB-${year}-${region.id}-${instalment === 'JANUARY' ? 1 : 2}${index === 0 ? '' : `-${payer.countyId}`}`,
          payerId: payer.countyId,
          // The money controls: an officer of the paying county records it, a second confirms it.
          ...demoPaymentControl(payer.countyId, paidOn, today),
        });
      }
    }
  }
}
