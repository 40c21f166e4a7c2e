// An agreement's life (§3, §6, §10): made as a draft, signed by each party, renewed for the next
// period, its municipal split, amended and extended with the consent of the parties concerned,
// ended by notice; and the proration of the year it starts or ends in, which funding and payments use.
import {
  badUserInput,
  conflict,
  parseInput,
  referenceRegionId,
  requireCountyAuthorityOver,
  requireRole,
} from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { MutationResolvers } from './__generated__/resolvers-types.js';
import { lastDay, partiesOn } from './agreements.js';
import { dayBefore, earliestNoticeEffectiveDate, yearOf } from './calendar.js';
import type { Context } from './context.js';
import { agreementInAuthority, requireAuthorityOverAgreement } from './county-authority.js';
import { type Agreement, AgreementSchema } from './entities/agreement.js';
import { AmendmentSchema, ExtensionSchema, NoticeSchema } from './entities/agreement-change.js';
import { AgreementSignatureSchema, SupplementaryServiceSchema } from './entities/agreement-lifecycle.js';
import { type AgreementParty, AgreementPartySchema, type PartyKind } from './entities/agreement-party.js';
import { FundingRateSchema, minimumCountyRateOre, minimumMunicipalRateOre } from './entities/funding.js';
import type { Instalment } from './entities/payment.js';
import { PopulationFigureSchema } from './entities/population-figure.js';
import { numbersOfSameMunicipality } from './population/municipality-numbers.js';

// --- Proration of the year an agreement starts or ends in ------------------------------------------------

/** The months of `year` the agreement runs, per half: a month counts when the agreement applies on one of its days. */
export interface FundedMonths {
  /** January to June: what the January instalment funds. */
  firstHalf: number;
  /** July to December: what the August instalment funds. */
  secondHalf: number;
}

export function fundedMonths(year: number, validFrom: string, last: string): FundedMonths {
  const from = validFrom > `${year}-01-01` ? validFrom : `${year}-01-01`;
  const to = last < `${year}-12-31` ? last : `${year}-12-31`;
  if (from > to) return { firstHalf: 0, secondHalf: 0 };
  const first = Number(from.slice(5, 7));
  const lastMonth = Number(to.slice(5, 7));
  const within = (start: number, end: number) => Math.max(0, Math.min(lastMonth, end) - Math.max(first, start) + 1);
  return { firstHalf: within(1, 6), secondHalf: within(7, 12) };
}

export const monthsOf = (months: FundedMonths) => months.firstHalf + months.secondHalf;

/** A yearly frame for the months funded: times months over 12, rounded down to the øre (a full year is exact). */
export function prorateFrame(yearlyOre: bigint, months: FundedMonths): bigint {
  return (yearlyOre * BigInt(monthsOf(months))) / 12n;
}

/**
 * The instalments of a year's (already prorated) county amount (§7): each funds its half of the
 * year for the months the agreement runs in it. August gets the amount times its months over all
 * funded months, rounded down; January the rest, so the odd øre goes to January as in a full year
 * (6 and 6 months: August half rounded down). An instalment whose half has no funded month is not due.
 */
export function instalmentsFor(
  amountOre: bigint,
  months: FundedMonths,
): { instalment: Instalment; amountOre: bigint }[] {
  const total = monthsOf(months);
  if (total === 0) return [];
  const august = (amountOre * BigInt(months.secondHalf)) / BigInt(total);
  const due: { instalment: Instalment; amountOre: bigint }[] = [];
  if (months.firstHalf > 0) due.push({ instalment: 'JANUARY', amountOre: amountOre - august });
  if (months.secondHalf > 0) due.push({ instalment: 'AUGUST', amountOre: august });
  return due;
}

/**
 * The municipalities' frames for the months funded: the municipal frame is prorated as a whole
 * (rounded down to the øre), each municipality gets its own frame prorated and rounded down, and
 * the øre left over go one each in the agreement's order (the contract municipality first), so the
 * shares add up to the prorated municipal frame exactly.
 */
export function prorateShares(frames: Map<string, bigint>, months: FundedMonths): Map<string, bigint> {
  const total = prorateFrame(
    [...frames.values()].reduce((sum, frame) => sum + frame, 0n),
    months,
  );
  const shares = new Map([...frames].map(([number, frame]) => [number, prorateFrame(frame, months)]));
  let leftOver = total - [...shares.values()].reduce((sum, share) => sum + share, 0n);
  for (const [number, share] of shares) {
    if (leftOver <= 0n) break;
    if ((frames.get(number) ?? 0n) === 0n) continue;
    shares.set(number, share + 1n);
    leftOver -= 1n;
  }
  return shares;
}

// --- Signing ---------------------------------------------------------------------------------------------

/** The contract municipality signs on behalf of the region's other municipalities; every other party signs itself. */
export const signingKinds: readonly PartyKind[] = ['COUNTY', 'CONTRACT_MUNICIPALITY', 'INNOVASJON_NORGE', 'NAV'];
export const signs = (party: AgreementParty) => signingKinds.includes(party.kind);

/** The parties whose signature a draft needs: the signing parties as they are now (no successions in a draft). */
export const signingParties = (parties: AgreementParty[]) => parties.filter((p) => signs(p) && p.validTo == null);

// --- The municipal split -----------------------------------------------------------------------------------

/**
 * Refuses a split unless it names every municipality of the agreement exactly once and the shares
 * add up to 10 000 basis points: a split that covers 90 % would leave a tenth of the frame unpaid.
 */
export function checkSplit(
  municipalityNumbers: string[],
  shares: { municipalityNumber: string; basisPoints: number }[],
  field: string,
) {
  const named = shares.map((share) => share.municipalityNumber);
  const twice = named.find((number, index) => named.indexOf(number) !== index);
  if (twice) throw badUserInput(`${field}: ${twice} is named twice`, field);
  const stranger = named.find((number) => !municipalityNumbers.includes(number));
  if (stranger) throw badUserInput(`${field}: ${stranger} is no municipality of the agreement`, field);
  const missing = municipalityNumbers.filter((number) => !named.includes(number));
  if (missing.length)
    throw badUserInput(`${field}: no share for ${missing.join(', ')}; the split covers every municipality`, field);
  const sum = shares.reduce((total, share) => total + share.basisPoints, 0);
  if (sum !== 10_000)
    throw badUserInput(
      `${field}: the shares add up to ${(sum / 100).toFixed(2)} %, not 100 %; the split must cover exactly the municipal frame`,
      field,
    );
}

// --- Helpers of the mutations --------------------------------------------------------------------------------

const date = z.iso.date('a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const organisation = z.object({ id: text(100), name: text(200) });
const basisPoints = z.number().int().min(0, 'not negative').max(10_000, 'at most 10 000');
const municipality = z.object({
  number: z.string().regex(/^\d{4}$/, 'a four-digit municipality number'),
  name: text(200),
  contributionShareBasisPoints: basisPoints.nullish(),
});
const services = z.array(text(500)).max(50, 'at most 50 services');

const touch = (agreement: Agreement) => {
  agreement.changedAt = new Date();
};

async function lastDayOf(tx: EntityManager, agreement: Agreement): Promise<string> {
  return lastDay(agreement, await tx.find(NoticeSchema, { agreement }));
}

/** No two signed agreements of a region may apply on the same day. */
async function refuseOverlap(
  tx: EntityManager,
  regionId: string,
  validFrom: string,
  validTo: string,
  exceptId?: string,
) {
  const others = await tx.find(AgreementSchema, { regionId, signedOn: { $ne: null }, id: { $ne: exceptId ?? '' } });
  for (const other of others) {
    const otherLast = await lastDayOf(tx, other);
    if (other.validFrom <= validTo && otherLast >= validFrom)
      throw conflict(
        `The period ${validFrom}–${validTo} overlaps the agreement ${other.id} (${other.validFrom}–${otherLast}); a region has one agreement in force at a time.`,
      );
  }
}

async function refuseMissingPopulation(tx: EntityManager, numbers: string[], populationDate: string, field: string) {
  // A figure is stored under the number valid on its date; a party may hold the other one (2024).
  const figures = await tx.find(PopulationFigureSchema, {
    municipalityNumber: { $in: numbers.flatMap(numbersOfSameMunicipality) },
    date: populationDate,
  });
  const missing = numbers.filter(
    (number) => !figures.some((figure) => numbersOfSameMunicipality(number).includes(figure.municipalityNumber)),
  );
  if (missing.length)
    throw badUserInput(`${field}: no population figure for ${missing.join(', ')} on ${populationDate}`, field);
}

const requireDraft = (agreement: Agreement) => {
  if (agreement.signedOn)
    throw conflict(`The agreement ${agreement.id} is signed; only a draft can be changed this way.`);
};
const requireSigned = (agreement: Agreement, what: string) => {
  if (!agreement.signedOn) throw conflict(`The agreement ${agreement.id} is a draft; ${what} only a signed agreement.`);
};

/** The party rows named by id, each a party of the agreement on `day`; refused naming the field otherwise. */
function partiesNamed(parties: AgreementParty[], ids: string[], day: string, field: string): AgreementParty[] {
  const current = partiesOn(parties, day);
  return ids.map((id) => {
    const party = current.find((p) => p.id === id);
    if (!party) throw badUserInput(`${field}: ${id} is no party of the agreement on ${day}`, field);
    return party;
  });
}

const newAgreementInput = z
  .object({
    regionId: referenceRegionId,
    validFrom: date,
    validTo: date,
    populationDate: date,
    populationSource: text(200),
    countyRate: z.number().int().min(Number(minimumCountyRateOre), 'at least NOK 5.50 per inhabitant (§6)'),
    municipalRate: z.number().int().min(Number(minimumMunicipalRateOre), 'at least NOK 2.50 per inhabitant (§6)'),
    county: organisation,
    contractMunicipality: municipality,
    municipalities: z.array(municipality),
    innovasjonNorge: organisation,
    navOffices: z.array(organisation).min(1, 'at least one NAV office'),
    supplementaryServices: services,
  })
  .superRefine((input, issues) => {
    if (input.validTo <= input.validFrom)
      issues.addIssue({ code: 'custom', path: ['validTo'], message: 'after validFrom' });
    const numbers = [input.contractMunicipality.number, ...input.municipalities.map((m) => m.number)];
    const twice = numbers.find((number, index) => numbers.indexOf(number) !== index);
    if (twice) issues.addIssue({ code: 'custom', path: ['municipalities'], message: `${twice} is named twice` });
  });

function createDraft(
  tx: EntityManager,
  agreement: Agreement,
  parties: {
    kind: PartyKind;
    organisationId: string;
    organisationName: string;
    municipalityNumber: string | null;
    contributionShareBasisPoints: number | null;
  }[],
  rates: { countyRateOre: bigint; municipalRateOre: bigint },
  serviceDescriptions: string[],
) {
  for (const party of parties)
    tx.create(AgreementPartySchema, {
      agreement,
      ...party,
      validFrom: agreement.validFrom,
      validTo: null,
      succeedsId: null,
    });
  for (let year = yearOf(agreement.validFrom); year <= yearOf(agreement.validTo); year++)
    tx.create(FundingRateSchema, { agreement, year, ...rates });
  serviceDescriptions.forEach((description, position) => {
    tx.create(SupplementaryServiceSchema, {
      agreement,
      description,
      validFrom: agreement.validFrom,
      validTo: null,
      position,
    });
  });
}

/** An agreement id readable like the existing ones: the region and the first year, e.g. `follo-2026`. */
async function newAgreementId(tx: EntityManager, regionId: string, validFrom: string) {
  const id = `${regionId}-${yearOf(validFrom)}`;
  if (await tx.findOne(AgreementSchema, { id }))
    throw conflict(`The region has an agreement or draft starting in ${yearOf(validFrom)} already (${id}).`);
  return id;
}

/** The default period of a renewal: from the day after the last day to 31 December three years on (four years). */
export function renewalPeriod(previousLastDay: string): { validFrom: string; validTo: string } {
  const next = new Date(`${previousLastDay}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const validFrom = next.toISOString().slice(0, 10);
  return { validFrom, validTo: `${yearOf(validFrom) + 3}-12-31` };
}

export const agreementLifecycleMutations: Pick<
  MutationResolvers,
  | 'createAgreement'
  | 'renewAgreement'
  | 'signAgreement'
  | 'setMunicipalSplit'
  | 'setSupplementaryServices'
  | 'amendAgreement'
  | 'extendAgreement'
  | 'giveNotice'
> = {
  createAgreement: async (_parent, { input }, context: Context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    // Whose region it is before what the input says (§2): only the region's county makes its agreements.
    requireCountyAuthorityOver(context.caller, parseInput(referenceRegionId, input.regionId, 'input.regionId'));
    const data = parseInput(newAgreementInput, input);
    const municipalities = [
      { ...data.contractMunicipality, kind: 'CONTRACT_MUNICIPALITY' as const },
      ...data.municipalities.map((m) => ({ ...m, kind: 'MUNICIPALITY' as const })),
    ];
    const withShare = municipalities.filter((m) => m.contributionShareBasisPoints != null);
    if (withShare.length)
      checkSplit(
        municipalities.map((m) => m.number),
        withShare.map((m) => ({ municipalityNumber: m.number, basisPoints: m.contributionShareBasisPoints as number })),
        'input.municipalities',
      );
    return context.em.transactional(async (tx) => {
      await refuseMissingPopulation(
        tx,
        municipalities.map((m) => m.number),
        data.populationDate,
        'input.populationDate',
      );
      await refuseOverlap(tx, data.regionId, data.validFrom, data.validTo);
      const agreement = tx.create(AgreementSchema, {
        id: await newAgreementId(tx, data.regionId, data.validFrom),
        regionId: data.regionId,
        validFrom: data.validFrom,
        validTo: data.validTo,
        originalValidTo: data.validTo,
        signedOn: null,
        populationDate: data.populationDate,
        populationSource: data.populationSource,
        renewedFromId: null,
      });
      const organisationParty = (kind: PartyKind, org: { id: string; name: string }) => ({
        kind,
        organisationId: org.id,
        organisationName: org.name,
        municipalityNumber: null,
        contributionShareBasisPoints: null,
      });
      createDraft(
        tx,
        agreement,
        [
          organisationParty('COUNTY', data.county),
          ...municipalities.map((m) => ({
            kind: m.kind,
            organisationId: m.number,
            organisationName: m.name,
            municipalityNumber: m.number,
            contributionShareBasisPoints: m.contributionShareBasisPoints ?? null,
          })),
          organisationParty('INNOVASJON_NORGE', data.innovasjonNorge),
          ...data.navOffices.map((office) => organisationParty('NAV', office)),
        ],
        { countyRateOre: BigInt(data.countyRate), municipalRateOre: BigInt(data.municipalRate) },
        data.supplementaryServices,
      );
      await tx.flush();
      return agreement;
    });
  },

  renewAgreement: async (_parent, { agreementId, validTo }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    const end = parseInput(date.nullish(), validTo, 'validTo');
    return context.em.transactional(async (tx) => {
      const previous = await agreementInAuthority(tx, context.caller, agreementId);
      requireSigned(previous, 'renew');
      await tx.lock(previous, LockMode.PESSIMISTIC_WRITE);
      if (await tx.findOne(AgreementSchema, { renewedFromId: previous.id }))
        throw conflict(`The agreement ${previous.id} was renewed already.`);
      const previousLast = await lastDayOf(tx, previous);
      const period = renewalPeriod(previousLast);
      const last = end ?? period.validTo;
      if (last <= period.validFrom)
        throw badUserInput(`validTo: after the renewal's first day ${period.validFrom}`, 'validTo');
      await refuseOverlap(tx, previous.regionId, period.validFrom, last, previous.id);
      const parties = partiesOn(await tx.find(AgreementPartySchema, { agreement: previous }), previousLast);
      const rates = await tx.findOne(FundingRateSchema, { agreement: previous, year: yearOf(previousLast) });
      const current = (
        await tx.find(SupplementaryServiceSchema, { agreement: previous }, { orderBy: { position: 'asc' } })
      )
        .filter(
          (service) =>
            service.validFrom <= previousLast && (service.validTo == null || service.validTo >= previousLast),
        )
        .map((service) => service.description);
      const agreement = tx.create(AgreementSchema, {
        id: await newAgreementId(tx, previous.regionId, period.validFrom),
        regionId: previous.regionId,
        validFrom: period.validFrom,
        validTo: last,
        originalValidTo: last,
        signedOn: null,
        populationDate: previous.populationDate,
        populationSource: previous.populationSource ?? null,
        renewedFromId: previous.id,
      });
      createDraft(
        tx,
        agreement,
        parties.map((party) => ({
          kind: party.kind,
          organisationId: party.organisationId,
          organisationName: party.organisationName,
          municipalityNumber: party.municipalityNumber ?? null,
          contributionShareBasisPoints: party.contributionShareBasisPoints ?? null,
        })),
        {
          countyRateOre: rates?.countyRateOre ?? minimumCountyRateOre,
          municipalRateOre: rates?.municipalRateOre ?? minimumMunicipalRateOre,
        },
        current,
      );
      touch(previous);
      await tx.flush();
      return agreement;
    });
  },

  signAgreement: async (_parent, { agreementId, version, partyId, signedBy, signedOn }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    const today = context.today();
    const data = parseInput(
      z.object({ signedBy: text(200), signedOn: date.refine((day) => day <= today, 'not in the future') }),
      { signedBy, signedOn },
      'signature',
    );
    return context.em.transactional(async (tx) => {
      const agreement = await agreementInAuthority(tx, context.caller, agreementId, version);
      requireDraft(agreement);
      const parties = await tx.find(AgreementPartySchema, { agreement });
      const party = parties.find((p) => p.id === partyId);
      if (!party) throw badUserInput(`partyId: ${partyId} is no party of the agreement`, 'partyId');
      if (!signs(party))
        throw badUserInput(
          `partyId: ${party.organisationName} does not sign; the contract municipality signs on its behalf`,
          'partyId',
        );
      const signatures = await tx.find(AgreementSignatureSchema, { agreement });
      const already = signatures.find((s) => s.party.id === party.id);
      if (already)
        throw conflict(`${party.organisationName} signed already (${already.signedBy}, ${already.signedOn}).`);
      tx.create(AgreementSignatureSchema, {
        agreement,
        party,
        signedBy: data.signedBy,
        signedOn: data.signedOn,
        recordedBy: context.caller.name,
      });
      const signedDays = [...signatures.map((s) => s.signedOn), data.signedOn];
      const unsigned = signingParties(parties).filter(
        (p) => p.id !== party.id && !signatures.some((s) => s.party.id === p.id),
      );
      if (unsigned.length === 0) {
        await refuseOverlap(tx, agreement.regionId, agreement.validFrom, agreement.validTo, agreement.id);
        agreement.signedOn = signedDays.sort().at(-1) as string;
      }
      touch(agreement);
      await tx.flush();
      return agreement;
    });
  },

  setMunicipalSplit: async (_parent, { agreementId, version, shares }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    const data = parseInput(
      z.array(z.object({ municipalityNumber: z.string().regex(/^\d{4}$/, 'a municipality number'), basisPoints })),
      shares,
      'shares',
    );
    return context.em.transactional(async (tx) => {
      const agreement = await agreementInAuthority(tx, context.caller, agreementId, version);
      requireDraft(agreement);
      const municipalities = (await tx.find(AgreementPartySchema, { agreement })).filter((p) => p.municipalityNumber);
      if (data.length)
        checkSplit(
          municipalities.map((m) => m.municipalityNumber as string),
          data,
          'shares',
        );
      for (const party of municipalities)
        party.contributionShareBasisPoints =
          data.find((share) => share.municipalityNumber === party.municipalityNumber)?.basisPoints ?? null;
      touch(agreement);
      await tx.flush();
      return agreement;
    });
  },

  setSupplementaryServices: async (_parent, { agreementId, version, services: list, from }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    const descriptions = parseInput(services, list, 'services');
    const start = parseInput(date.nullish(), from, 'from');
    return context.em.transactional(async (tx) => {
      const agreement = await agreementInAuthority(tx, context.caller, agreementId, version);
      const rows = await tx.find(SupplementaryServiceSchema, { agreement }, { orderBy: { position: 'asc' } });
      if (!agreement.signedOn) {
        for (const row of rows) tx.remove(row);
        descriptions.forEach((description, position) => {
          tx.create(SupplementaryServiceSchema, {
            agreement,
            description,
            validFrom: agreement.validFrom,
            validTo: null,
            position,
          });
        });
      } else {
        if (!start) throw badUserInput('from: the first day the new list applies', 'from');
        const last = await lastDayOf(tx, agreement);
        if (start < agreement.validFrom || start > last)
          throw badUserInput(`from: within the agreement's period ${agreement.validFrom}–${last}`, 'from');
        const open = rows.filter((row) => row.validTo == null || row.validTo >= start);
        for (const row of open) {
          if (descriptions.includes(row.description)) {
            row.position = descriptions.indexOf(row.description);
            continue;
          }
          // Listed only from the same day: it never applied, so it goes; otherwise it ends the day before.
          if (row.validFrom >= start) tx.remove(row);
          else row.validTo = dayBefore(start);
        }
        descriptions.forEach((description, position) => {
          if (!open.some((row) => row.description === description))
            tx.create(SupplementaryServiceSchema, {
              agreement,
              description,
              validFrom: start,
              validTo: null,
              position,
            });
        });
      }
      touch(agreement);
      await tx.flush();
      return agreement;
    });
  },

  amendAgreement: async (_parent, { agreementId, version, input }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    const data = parseInput(
      z.object({
        decidedOn: date,
        effectiveFrom: date,
        description: text(10_000),
        concernedPartyIds: z.array(z.string()).min(1, 'at least one party the change concerns'),
        consentingPartyIds: z.array(z.string()).min(1, 'at least one party consents'),
        populationDate: date.nullish(),
      }),
      input,
    );
    return context.em.transactional(async (tx) => {
      const agreement = await agreementInAuthority(tx, context.caller, agreementId, version);
      requireSigned(agreement, 'amend');
      const parties = await tx.find(AgreementPartySchema, { agreement });
      const concerned = partiesNamed(parties, data.concernedPartyIds, data.decidedOn, 'input.concernedPartyIds');
      const consenting = partiesNamed(parties, data.consentingPartyIds, data.decidedOn, 'input.consentingPartyIds');
      const without = concerned.filter((party) => !consenting.includes(party));
      if (without.length)
        throw badUserInput(
          `input.consentingPartyIds: ${without.map((p) => p.organisationName).join(', ')} must consent to a change that concerns them (§10)`,
          'input.consentingPartyIds',
        );
      if (data.populationDate) {
        await refuseMissingPopulation(
          tx,
          parties.filter((p) => p.municipalityNumber).map((p) => p.municipalityNumber as string),
          data.populationDate,
          'input.populationDate',
        );
        agreement.populationDate = data.populationDate;
      }
      tx.create(AmendmentSchema, {
        agreement,
        decidedOn: data.decidedOn,
        effectiveFrom: data.effectiveFrom,
        description: data.description,
        consentedBy: [...new Set(consenting.map((party) => party.organisationName))],
        concernedPartyIds: [...new Set(concerned.map((party) => party.id))],
        consentingPartyIds: [...new Set(consenting.map((party) => party.id))],
        populationDate: data.populationDate ?? null,
      });
      touch(agreement);
      await tx.flush();
      return agreement;
    });
  },

  extendAgreement: async (
    _parent,
    { agreementId, version, validTo, decidedOn, consentingPartyIds, lateReason },
    context,
  ) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    const today = context.today();
    const data = parseInput(
      z.object({
        validTo: date,
        decidedOn: date.refine((day) => day <= today, 'not in the future'),
        consentingPartyIds: z.array(z.string()).min(1, 'every party consents to an extension'),
        lateReason: z.string().trim().max(5_000).nullish(),
      }),
      { validTo, decidedOn, consentingPartyIds, lateReason },
      'extension',
    );
    return context.em.transactional(async (tx) => {
      const agreement = await agreementInAuthority(tx, context.caller, agreementId, version);
      requireSigned(agreement, 'extend');
      if (data.validTo <= agreement.validTo)
        throw badUserInput(`validTo: must be after the current last day ${agreement.validTo}`, 'validTo');
      if (await tx.count(NoticeSchema, { agreement }))
        throw conflict('A party has given notice; extend it only after the notice is withdrawn.');
      const late = data.decidedOn > agreement.validTo;
      if (late && !data.lateReason)
        throw badUserInput(
          `lateReason: the agreement ended on ${agreement.validTo}; an extension decided after that says why`,
          'lateReason',
        );
      if (!late && data.lateReason)
        throw badUserInput('lateReason: only for an extension decided after the agreement ended', 'lateReason');
      const parties = await tx.find(AgreementPartySchema, { agreement });
      // Decided after the end, the parties are those of the last day.
      const day = late ? agreement.validTo : data.decidedOn;
      const consenting = partiesNamed(parties, data.consentingPartyIds, day, 'consentingPartyIds');
      const without = partiesOn(parties, day).filter((party) => !consenting.includes(party));
      if (without.length)
        throw badUserInput(
          `consentingPartyIds: ${without.map((p) => p.organisationName).join(', ')} must consent to extending the period (§10)`,
          'consentingPartyIds',
        );
      // The extension may not reach into the period of an agreement signed for after it.
      await refuseOverlap(
        tx,
        agreement.regionId,
        renewalPeriod(agreement.validTo).validFrom,
        data.validTo,
        agreement.id,
      );
      tx.create(ExtensionSchema, {
        agreement,
        decidedOn: data.decidedOn,
        previousValidTo: agreement.validTo,
        validTo: data.validTo,
        consentingPartyIds: consenting.map((party) => party.id),
        lateReason: data.lateReason || null,
      });
      agreement.validTo = data.validTo;
      touch(agreement);
      await tx.flush();
      return agreement;
    });
  },

  giveNotice: async (_parent, { agreementId, version, input }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    const today = context.today();
    const data = parseInput(
      z.object({
        organisationId: text(100),
        givenOn: date.refine((day) => day >= today, `today (${today}) or later: notice cannot be backdated`),
        effectiveOn: date.nullish(),
        reason: z.string().trim().max(5_000).nullish(),
      }),
      input,
    );
    const earliest = earliestNoticeEffectiveDate(data.givenOn);
    if (data.effectiveOn && data.effectiveOn < earliest)
      throw badUserInput(
        `input.effectiveOn: one year's notice (§10): no earlier than ${earliest}`,
        'input.effectiveOn',
      );
    return context.em.transactional(async (tx) => {
      const agreement = await agreementInAuthority(tx, context.caller, agreementId, version);
      requireSigned(agreement, 'notice ends');
      const party = partiesOn(await tx.find(AgreementPartySchema, { agreement }), data.givenOn).find(
        (p) => p.organisationId === data.organisationId,
      );
      if (!party)
        throw badUserInput(
          `input.organisationId: ${data.organisationId} is no party on ${data.givenOn}`,
          'input.organisationId',
        );
      tx.create(NoticeSchema, {
        agreement,
        organisationId: party.organisationId,
        organisationName: party.organisationName,
        givenOn: data.givenOn,
        effectiveOn: data.effectiveOn ?? earliest,
        reason: data.reason || null,
      });
      touch(agreement);
      await tx.flush();
      return agreement;
    });
  },
};
