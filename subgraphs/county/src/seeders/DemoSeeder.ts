// Demo data: approximate 2021 population of the 51 municipalities (labelled as approximate), and
// per demo region its 2022–2025 agreement with Viken's 2024 succession, reports, plans,
// approvals and payments (some late, some missing), the coordination group, meetings and evaluations,
// and the demo people's role assignments with one partner system (issue 20 §6).
import { randomUUID } from 'node:crypto';
import {
  type CountyId,
  countyNames,
  type ReferenceRegion,
  referenceMunicipalities,
  referenceRegions,
  regionCounty,
  regionCountyOn,
  regionPayers,
} from '@etablerer/kit';
import { demoAdvisers, demoEmail, demoUsers } from '@etablerer/kit/demo';
import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { submissionDueDate, todayInNorway } from '../calendar.js';
import {
  ApiClientSchema,
  type AssignableRole,
  type AssignedOrganisationKind,
  RoleAssignmentSchema,
} from '../entities/access.js';
import { AgreementSchema } from '../entities/agreement.js';
import { AmendmentSchema, ExtensionSchema } from '../entities/agreement-change.js';
import { AgreementPartySchema } from '../entities/agreement-party.js';
import {
  ConflictMeetingRequestSchema,
  type CoordinationMember,
  CoordinationMemberSchema,
  EvaluationSchema,
  MeetingSchema,
} from '../entities/coordination.js';
import {
  BudgetDecisionSchema,
  FundingRateSchema,
  minimumCountyRateOre,
  minimumMunicipalRateOre,
} from '../entities/funding.js';
import { PaymentSchema } from '../entities/payment.js';
import { fundingPopulationDate, PopulationFigureSchema } from '../entities/population-figure.js';
import { type ActivityTargets, type SubmissionKind, SubmissionSchema } from '../entities/submission.js';
import { frameOre, splitInstalments } from '../money.js';
import { seedRenewals } from './agreement-renewals.js';
import { demoOfficers, demoPaymentControl } from './demo-officers.js';

const viken = { id: 'viken', name: 'Viken fylkeskommune' };
/**
 * Viken was dissolved on 2024-01-01; each region's agreement passed to the county its contract
 * municipality lies in since (kit `regionCounty`, from Statistics Norway's 2024 numbers).
 */
export const successorCounty: Record<string, { id: string; name: string }> = Object.fromEntries(
  referenceRegions().map((region) => {
    const county = regionCounty(region.id) as CountyId;
    return [region.id, { id: county, name: countyNames[county] }];
  }),
);
export const successionDate = '2024-01-01';
const navVestViken = { id: 'nav-vest-viken', name: 'NAV Vest-Viken' };
const navOstViken = { id: 'nav-ost-viken', name: 'NAV Øst-Viken' };
const innovasjonNorge = { id: 'innovasjon-norge', name: 'Innovasjon Norge Oslo, Viken og Innlandet' };
/** Akershus extended the agreements of two of its regions by a year; the others ran out. */
const extendedTo: Record<string, string> = { follo: '2026-12-31', 'asker-og-baerum': '2026-12-31' };
/** Follo's county rate was raised to NOK 6.00 from 2024 by amendment. */
const raisedCountyRate: Record<string, { from: number; rateOre: bigint }> = { follo: { from: 2024, rateOre: 600n } };

const plusDays = (date: string, days: number) => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};
const later = (a: string, b: string) => (a > b ? a : b);
interface Submitted {
  on: string;
  decision?: { status: 'APPROVED' | 'REJECTED'; on: string; comment?: string };
}

/**
 * What each region submitted, by default on time and approved; the exceptions are the ones the
 * coordination group should see: late, rejected, not yet decided, missing.
 */
function submitted(regionId: string, kind: SubmissionKind, coversYear: number): Submitted | null {
  const due = submissionDueDate(kind, coversYear);
  const plan = kind === 'ACTIVITY_PLAN' || kind === 'BUDGET';
  if (
    regionId === 'nedre-glomma' &&
    ((kind === 'ACTIVITY_PLAN' && coversYear === 2025) || (!plan && coversYear === 2025))
  )
    return null;
  if (regionId === 'ringerike-og-hadeland' && kind === 'ANNUAL_REPORT' && coversYear === 2024) return null;
  if (regionId === 'hallingdal' && plan && coversYear === 2024)
    return { on: '2023-12-20', decision: { status: 'APPROVED', on: '2024-02-05' } };
  if (regionId === 'midt-buskerud' && kind === 'BUDGET' && coversYear === 2025)
    return {
      on: '2024-11-28',
      decision: {
        status: 'REJECTED',
        on: '2024-12-12',
        comment: 'Budsjettet dekker ikke kontorleie; send revidert budsjett.',
      },
    };
  if (regionId === 'follo' && kind === 'BUDGET' && coversYear === 2026)
    return {
      on: '2025-11-24',
      decision: {
        status: 'REJECTED',
        on: '2025-12-08',
        comment: 'Budsjettet mangler kommunenes andeler; send revidert budsjett.',
      },
    };
  if (regionId === 'halden' && kind === 'ACCOUNTS' && coversYear === 2023)
    return { on: '2024-06-14', decision: { status: 'APPROVED', on: '2024-06-30' } };
  if (regionId === 'ovre-romerike' && !plan && coversYear === 2025) return { on: '2026-04-28' };
  const on = plusDays(due, -5);
  return { on, decision: { status: 'APPROVED', on: plusDays(on, plan ? 14 : 25) } };
}

export interface DemoSeederOptions {
  /** The demo's "today": what falls due after it is not submitted, paid or held yet. Today in Norway by default. */
  today?: string;
  /** Ids of the new rows: random by default; numbered in the county-scale data, so two runs seed the same. */
  newId?: () => string;
  /** When the population figures were recorded: the time of seeding by default. */
  recordedAt?: Date;
  /** A region's activity plan for a year, from the demo's targets (sized by population). */
  activityTargets?: (regionId: string, year: number, demoTargets: ActivityTargets) => ActivityTargets;
}

export class DemoSeeder extends Seeder {
  constructor(private readonly options: DemoSeederOptions = {}) {
    super();
  }

  private today(): string {
    return this.options.today ?? todayInNorway();
  }

  private newId(): string {
    return this.options.newId?.() ?? randomUUID();
  }

  async run(em: EntityManager): Promise<void> {
    // A database seeded before role assignments existed gets only them (see server.ts's isEmpty).
    if ((await em.count(AgreementSchema)) === 0) await this.agreementsAndCoordination(em);
    if ((await em.count(RoleAssignmentSchema)) === 0 && (await em.count(ApiClientSchema)) === 0) this.access(em);
    await em.flush();
  }

  private async agreementsAndCoordination(em: EntityManager): Promise<void> {
    // Databases seeded before agreements existed hold population figures already.
    if ((await em.count(PopulationFigureSchema)) === 0) {
      for (const municipality of referenceMunicipalities()) {
        em.create(PopulationFigureSchema, {
          municipalityNumber: municipality.number,
          date: fundingPopulationDate,
          population: municipality.approximatePopulation2021,
          source: 'DEMO_APPROXIMATION',
          ...(this.options.recordedAt ? { recordedAt: this.options.recordedAt } : {}),
        });
      }
    }
    for (const region of referenceRegions()) this.agreement(em, region);
    seedRenewals(em, {
      today: this.today(),
      newId: () => this.newId(),
      activityTargets: (regionId, year, inhabitants) => this.activityTargets(regionId, year, inhabitants),
    });
    this.coordination(em);
  }

  /**
   * A role assignment for every demo person whose role the platform holds (not Innovasjon Norge's
   * and NAV's people: their role comes from the identity provider's claims, nor the partner system),
   * found by their demo e-mail at their first sign-in; one ended assignment (the history); and one
   * partner system registered by Akershus, without keys until the partner adds one.
   */
  private access(em: EntityManager) {
    const at = this.options.recordedAt ?? new Date();
    const byClaims = new Set(['innovasjonnorge.officer', 'nav.officer', 'partner.api']);
    const assignment = (values: {
      email: string;
      personName: string;
      role: AssignableRole;
      org: { id: string; kind: AssignedOrganisationKind; name: string };
      region?: string | undefined;
      municipality?: string | undefined;
    }) => ({
      id: this.newId(),
      email: values.email,
      personName: values.personName,
      issuer: null,
      subject: null,
      role: values.role,
      organisationId: values.org.id,
      organisationKind: values.org.kind,
      organisationName: values.org.name,
      regionId: values.region ?? null,
      municipalityNumber: values.municipality ?? null,
      countyId: values.region ? (regionCounty(values.region) as string) : values.org.id,
      assignedAt: at,
      assignedBy: 'demo',
      assignedBySubject: 'demo',
      lastSignInAt: null,
    });
    for (const user of demoUsers) {
      if (byClaims.has(user.username) || user.role === 'API_CLIENT') continue;
      em.create(RoleAssignmentSchema, {
        ...assignment({ ...user, email: demoEmail(user.username), personName: user.name, role: user.role }),
        endedAt: null,
        endedBy: null,
        endedBySubject: null,
        endReason: null,
      });
    }
    em.create(RoleAssignmentSchema, {
      ...assignment({
        email: demoEmail('follo.former.adviser'),
        personName: 'Jonas Moe',
        role: 'ADVISER',
        org: { id: 'operator-follo', kind: 'OPERATOR', name: 'Etablerertjenesten i Follo' },
        region: 'follo',
      }),
      endedAt: at,
      endedBy: 'Ingrid Berg',
      endedBySubject: 'nordrefollo.officer',
      endReason: 'Sluttet i Etablerertjenesten i Follo.',
    });
    em.create(ApiClientSchema, {
      clientId: 'reporting.demo',
      name: 'Rapportering (demo)',
      organisationId: 'akershus',
      organisationKind: 'COUNTY',
      organisationName: countyNames.akershus,
      scopes: ['aggregates:read'],
      registeredAt: at,
      registeredBy: 'demo',
      registeredBySubject: 'demo',
      revokedAt: null,
      revokedBy: null,
    });
  }

  private agreement(em: EntityManager, region: ReferenceRegion) {
    const municipalities = referenceMunicipalities().filter((m) => region.municipalityNumbers.includes(m.number));
    const inhabitants = municipalities.reduce((sum, m) => sum + m.approximatePopulation2021, 0);
    const successor = successorCounty[region.id] ?? viken;
    const validTo = extendedTo[region.id] ?? '2025-12-31';
    const agreement = em.create(AgreementSchema, {
      id: `${region.id}-2022`,
      regionId: region.id,
      validFrom: '2022-01-01',
      validTo,
      originalValidTo: '2025-12-31',
      signedOn: '2021-12-15',
      populationDate: fundingPopulationDate,
      changedAt: new Date('2021-12-15T12:00:00Z'),
      version: 1,
    });
    const party = (
      kind: 'COUNTY' | 'CONTRACT_MUNICIPALITY' | 'MUNICIPALITY' | 'INNOVASJON_NORGE' | 'NAV',
      org: { id: string; name: string },
      extra = {},
    ) =>
      em.create(AgreementPartySchema, {
        id: this.newId(),
        agreement,
        kind,
        organisationId: org.id,
        organisationName: org.name,
        municipalityNumber: null,
        validFrom: '2022-01-01',
        validTo: null,
        succeedsId: null,
        contributionShareBasisPoints: null,
        ...extra,
      });
    const vikenParty = party('COUNTY', viken, { validTo: '2023-12-31' });
    party('COUNTY', successor, { validFrom: successionDate, succeedsId: vikenParty.id });
    for (const m of municipalities) {
      party(
        m.number === region.contractMunicipalityNumber ? 'CONTRACT_MUNICIPALITY' : 'MUNICIPALITY',
        { id: m.number, name: `${m.name} kommune` },
        { municipalityNumber: m.number },
      );
    }
    party('INNOVASJON_NORGE', innovasjonNorge);
    party('NAV', successor.id === 'buskerud' || region.id === 'asker-og-baerum' ? navVestViken : navOstViken);

    const raised = raisedCountyRate[region.id];
    if (raised) {
      em.create(AmendmentSchema, {
        id: this.newId(),
        agreement,
        decidedOn: '2023-11-20',
        effectiveFrom: `${raised.from}-01-01`,
        description: `Fylkeskommunens sats økes til kr ${raised.rateOre / 100n},${String(raised.rateOre % 100n).padStart(2, '0')} per innbygger fra ${raised.from}.`,
        consentedBy: [
          viken.name,
          `${municipalities.find((m) => m.number === region.contractMunicipalityNumber)?.name} kommune`,
        ],
        populationDate: null,
      });
    }
    if (extendedTo[region.id]) {
      em.create(ExtensionSchema, {
        id: this.newId(),
        agreement,
        decidedOn: '2025-06-12',
        previousValidTo: '2025-12-31',
        validTo,
      });
    }
    const lastYear = Number(validTo.slice(0, 4));
    // Kongsbergregionen's smallest municipality halved its 2025 contribution in its budget.
    if (region.id === 'kongsbergregionen') {
      const smallest = municipalities.reduce((a, b) =>
        b.approximatePopulation2021 < a.approximatePopulation2021 ? b : a,
      );
      // First recorded as withheld altogether, then corrected to the half the council decided: the
      // correction supersedes the first record, which stays as history.
      const [firstId, correctionId] = [this.newId(), this.newId()];
      em.create(BudgetDecisionSchema, {
        id: firstId,
        agreement,
        year: 2025,
        payer: smallest.number,
        grantedOre: 0n,
        decidedOn: '2024-12-12',
        reference: `${smallest.name} formannskap, innstilling budsjett 2025`,
        supersededById: correctionId,
        recordedBy: demoOfficers.buskerud.officer.name,
        recordedAt: new Date('2024-12-12T10:00:00Z'),
      });
      em.create(BudgetDecisionSchema, {
        id: correctionId,
        agreement,
        year: 2025,
        payer: smallest.number,
        grantedOre: frameOre(minimumMunicipalRateOre, smallest.approximatePopulation2021) / 2n,
        decidedOn: '2024-12-16',
        reference: `${smallest.name} kommunestyre, budsjettvedtak 2025`,
        supersedesId: firstId,
        recordedBy: demoOfficers.buskerud.officer.name,
        recordedAt: new Date('2024-12-17T09:00:00Z'),
      });
    }
    for (let year = 2022; year <= lastYear; year++) {
      const rate = raised && year >= raised.from ? raised.rateOre : minimumCountyRateOre;
      if (rate !== minimumCountyRateOre) {
        em.create(FundingRateSchema, {
          agreement,
          year,
          countyRateOre: rate,
          municipalRateOre: minimumMunicipalRateOre,
        });
      }
      const approvals: string[] = [];
      for (const kind of ['ANNUAL_REPORT', 'ACCOUNTS', 'ACTIVITY_PLAN', 'BUDGET'] as const) {
        const what = submitted(region.id, kind, year);
        // Reports on the extension year fall due after the demo's "now".
        if (!what || what.on > this.today()) continue;
        em.create(SubmissionSchema, {
          id: this.newId(),
          agreement,
          kind,
          coversYear: year,
          status: what.decision?.status ?? 'SUBMITTED',
          submittedOn: what.on,
          submittedBy: `Etablerertjenesten ${region.name}`,
          documentReference: `${region.id}/${year}/${kind.toLowerCase()}.pdf`,
          totalAmountOre:
            kind === 'BUDGET' || kind === 'ACCOUNTS' ? frameOre(rate + minimumMunicipalRateOre, inhabitants) : null,
          targets: kind === 'ACTIVITY_PLAN' ? this.activityTargets(region.id, year, inhabitants) : null,
          decidedOn: what.decision?.on ?? null,
          decidedBy: what.decision
            ? demoOfficers[regionCountyOn(region.id, what.decision.on) as CountyId].officer.name
            : null,
          decisionComment: what.decision?.comment ?? null,
          version: 1,
        });
        if ((kind === 'ACTIVITY_PLAN' || kind === 'BUDGET') && what.decision?.status === 'APPROVED')
          approvals.push(what.decision.on);
      }
      if (approvals.length < 2) continue; // §7: no payment before the plan and budget are approved
      const approvedOn = approvals.sort().at(-1) as string;
      // From 2024 each county pays for its own municipalities (Vestby's part of Mosseregionen and
      // Jevnaker's and Lunner's of Ringerike og Hadeland are Akershus's); the rate times each
      // county's inhabitants, as the county subgraph computes it with no budget decision.
      for (const [index, payer] of regionPayers(region.id, region.municipalityNumbers, year).entries()) {
        const payerInhabitants = municipalities
          .filter((m) => payer.municipalityNumbers.includes(m.number))
          .reduce((sum, m) => sum + m.approximatePopulation2021, 0);
        const split = splitInstalments(frameOre(rate, payerInhabitants));
        for (const [instalment, amountOre, usual] of [
          ['JANUARY', split.january, `${year}-01-20`],
          ['AUGUST', split.august, `${year}-08-20`],
        ] as const) {
          const paidOn = later(usual, plusDays(approvedOn, index === 0 ? 4 : 9));
          if (paidOn > this.today()) continue;
          em.create(PaymentSchema, {
            id: this.newId(),
            agreement,
            year,
            instalment,
            amountOre,
            paidOn,
            reference: `UTB-${year}-${region.id}-${instalment === 'JANUARY' ? 1 : 2}${index === 0 ? '' : `-${payer.countyId}`}`,
            payerId: payer.countyId,
            // The money controls: an officer of the paying county records it, a second confirms it.
            ...demoPaymentControl(payer.countyId, paidOn, this.today()),
          });
        }
      }
    }
  }

  private activityTargets(regionId: string, year: number, inhabitants: number): ActivityTargets {
    const newClients = Math.floor(inhabitants / 900);
    const targets = {
      newClients,
      clientsWithImmigrantBackground: Math.floor(newClients / 4),
      coursesHeld: 4 + Math.floor(inhabitants / 40_000),
      counsellingHours: newClients * 3,
      businessesStarted: Math.floor(newClients / 3),
    };
    return this.options.activityTargets?.(regionId, year, targets) ?? targets;
  }

  /**
   * The advisers' professional group (§4): one adviser per region and the county's leader, with
   * one membership ended, and its meetings twice a year with the members present recorded.
   */
  private professionalGroup(
    em: EntityManager,
    meeting: (
      kind: 'PROFESSIONAL_GROUP',
      date: string,
      agenda: string,
      extra: Record<string, unknown>,
    ) => { id: string },
  ) {
    const members: CoordinationMember[] = [];
    const member = (
      name: string,
      org: { id: string; name: string },
      regionId: string | null,
      validFrom: string,
      validTo: string | null,
      role: string | null = null,
    ) =>
      members.push(
        em.create(CoordinationMemberSchema, {
          id: this.newId(),
          group: 'PROFESSIONAL_GROUP',
          regionId,
          name,
          organisationId: org.id,
          organisationName: org.name,
          role,
          validFrom,
          validTo,
        }),
      );
    member('Kari Nordmann', { id: 'akershus', name: 'Akershus fylkeskommune' }, null, successionDate, null, 'leder');
    const regions = new Map(referenceRegions().map((region) => [region.id, region.name]));
    const advisers = demoAdvisers();
    for (const [regionId, regionName] of regions) {
      const [first, second] = advisers.filter((adviser) => adviser.regionId === regionId);
      const operator = { id: `operator-${regionId}`, name: `Etablerertjenesten i ${regionName}` };
      if (first) member(first.name, operator, regionId, '2022-01-01', null);
      // One adviser left the group when another took over the region's seat.
      if (second && regionId === 'follo') member(second.name, operator, regionId, '2022-01-01', '2024-06-30');
    }
    for (let year = 2022; year <= 2026; year++) {
      for (const date of [`${year}-05-15`, `${year}-11-15`]) {
        if (date > this.today()) continue;
        const onTheDay = members.filter((m) => m.validFrom <= date && (m.validTo == null || m.validTo >= date));
        // Every fourth member was away.
        const present = onTheDay.filter((_, index) => index % 4 !== 3);
        meeting('PROFESSIONAL_GROUP', date, 'Erfaringsdeling, felles kursmateriell og CRM-rutiner', {
          participants: [...present.map((m) => `${m.name} (${m.organisationName})`), 'Jonas Bakken (NAV Vest-Viken)'],
          presentMemberIds: present.map((m) => m.id),
          decisions: ['Kursmaterialet deles i CRM-et.'],
        });
      }
    }
  }

  private coordination(em: EntityManager) {
    const member = (
      name: string,
      org: { id: string; name: string },
      validFrom: string,
      validTo: string | null,
      role: string | null = null,
    ) =>
      em.create(CoordinationMemberSchema, {
        id: this.newId(),
        name,
        organisationId: org.id,
        organisationName: org.name,
        role,
        validFrom,
        validTo,
      });
    member('Kari Nordmann', viken, '2022-01-01', '2023-12-31', 'leder');
    member('Kari Nordmann', { id: 'akershus', name: 'Akershus fylkeskommune' }, successionDate, null, 'leder');
    member('Trond Eriksen', { id: 'buskerud', name: 'Buskerud fylkeskommune' }, successionDate, null);
    member('Hilde Solberg', { id: 'ostfold', name: 'Østfold fylkeskommune' }, successionDate, null);
    member('Sofie Lie', innovasjonNorge, '2022-01-01', null);
    member('Jonas Bakken', navVestViken, '2022-01-01', null);
    member('Marte Dahl', navOstViken, '2022-01-01', null);
    const municipalities = referenceMunicipalities();
    for (const region of referenceRegions()) {
      const contract = municipalities.find((m) => m.number === region.contractMunicipalityNumber);
      member(
        `Næringssjef i ${contract?.name}`,
        { id: region.contractMunicipalityNumber, name: `${contract?.name} kommune` },
        '2022-01-01',
        null,
      );
    }
    const meeting = (
      kind: 'COORDINATION_GROUP' | 'EXPERIENCE_MEETING' | 'SUPPLEMENTARY_CONTENT' | 'CONFLICT' | 'PROFESSIONAL_GROUP',
      date: string,
      agenda: string,
      extra = {},
    ) =>
      em.create(MeetingSchema, {
        id: this.newId(),
        kind,
        date,
        regionId: null,
        calledBy: null,
        participants: [
          'Kari Nordmann (fylkeskommunen)',
          'Sofie Lie (Innovasjon Norge)',
          'Jonas Bakken (NAV Vest-Viken)',
        ],
        agenda,
        minutes: 'Referat godkjent.',
        decisions: [],
        // Every row sets every column: rows of one batch insert must agree on them.
        requestedOn: null,
        presentMemberIds: [],
        version: 1,
        ...extra,
      });
    for (let year = 2022; year <= 2026; year++) {
      meeting('COORDINATION_GROUP', `${year}-03-15`, 'Årsrapporter, status i regionene, fagsamlinger', {
        decisions: ['Rapportene tas til orientering.'],
      });
      meeting('COORDINATION_GROUP', `${year}-10-10`, 'Aktivitetsplaner og budsjett for neste år', {
        decisions: ['Frister for aktivitetsplan og budsjett minnes om.'],
      });
    }
    meeting('EXPERIENCE_MEETING', '2023-10-18', 'Erfaringsmøte midtveis i avtaleperioden med alle kommuner og parter', {
      decisions: ['Felles målstruktur for aktivitetsplanene utarbeides.'],
    });
    // Moss asked on 20 February and the meeting was held 14 days later: promptly, by the default target (§8).
    const conflictMeeting = meeting('CONFLICT', '2024-03-05', 'Fordeling av kontorutgifter mellom kommunene', {
      regionId: 'mosseregionen',
      calledBy: 'Moss kommune',
      requestedOn: '2024-02-20',
      decisions: ['Kontorutgifter fordeles etter innbyggertall.'],
    });
    em.create(ConflictMeetingRequestSchema, {
      id: this.newId(),
      requestedOn: '2024-02-20',
      regionId: 'mosseregionen',
      calledBy: 'Moss kommune',
      subject: 'Fordeling av kontorutgifter mellom kommunene',
      heldAs: conflictMeeting,
      version: 1,
    });
    this.professionalGroup(em, meeting);
    referenceRegions().forEach((region, index) => {
      for (let year = 2022; year <= Number((extendedTo[region.id] ?? '2025-12-31').slice(0, 4)); year++) {
        // Some discussions were never held: they show as overdue to the coordination group.
        const skipFirst = region.id === 'indre-ostfold' && year === 2024;
        const skipSecond = index % 4 === 1 && year === 2025;
        for (const [date, skip] of [
          [`${year}-04-20`, skipFirst],
          [`${year}-10-25`, skipSecond],
        ] as const) {
          if (skip || date > this.today()) continue;
          meeting('SUPPLEMENTARY_CONTENT', date, `Supplerende innhold og aktiviteter i ${region.name}`, {
            regionId: region.id,
            participants: ['Kari Nordmann (fylkeskommunen)', `Etablerertjenesten ${region.name}`],
          });
        }
      }
    });
    em.create(EvaluationSchema, {
      id: this.newId(),
      title: 'Evaluering av etablerertjenesten i Viken 2018–2021',
      periodFrom: '2018-01-01',
      periodTo: '2021-06-30',
      author: 'Viken fylkeskommune, analyseavdelingen (demo)',
      findings:
        'Tjenesten er godt kjent og brukerne er fornøyde, men mangler en tydelig målstruktur: regionene rapporterer ulike tall, og resultatene kan ikke sammenlignes.',
      documentReference: 'demo/evaluering-2018-2021.pdf',
      publishedOn: '2021-09-15',
    });
    em.create(EvaluationSchema, {
      id: this.newId(),
      title: 'Midtveisevaluering av samarbeidsavtalene 2022–2025',
      periodFrom: '2022-01-01',
      periodTo: '2023-12-31',
      author: 'Ekstern evaluator (demo)',
      findings:
        'Aktivitetsplaner med måltall gjør resultatene sammenlignbare; sene innsendinger forsinker utbetalinger i enkelte regioner.',
      documentReference: 'demo/midtveisevaluering-2024.pdf',
      publishedOn: '2024-04-30',
    });
  }
}
