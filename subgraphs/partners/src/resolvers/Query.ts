// Entry points of the partners subgraph.
import {
  auditLogPage,
  badUserInput,
  checkPage,
  checkYear,
  emptyPage,
  entitiesFromSql,
  page,
  todayInNorway,
} from '@etablerer/kit';
import type { FilterQuery } from '@mikro-orm/core';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { visibleAssessments, visibleReferrals } from '../access.js';
import { type BusinessAssessment, BusinessAssessmentSchema } from '../entities/business-assessment.js';
import { GatheringSchema } from '../entities/gathering.js';
import { NavOfficeSchema } from '../entities/nav-office.js';
import { PartnerCourseSchema } from '../entities/partner-course.js';
import { ExpertOrganisationSchema, QualificationMeasureSchema } from '../entities/qualification-measure.js';
import { programmesOf, ReferralSchema, referralDirections } from '../entities/referral.js';
import { gatheringYear } from '../gathering-year.js';
import { assessmentSearchMaxLength } from '../input-limits.js';
import { navOfficeServing } from '../nav-routing.js';
import { auditReads, visibleReferral } from './Referral.js';

/** Escapes LIKE's wildcards so a search for "50%" finds "50%", not everything. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const Query: QueryResolvers = {
  gatherings: (_parent, { year }, { em }) => {
    checkYear(year);
    return entitiesFromSql(
      em,
      GatheringSchema,
      'select * from gathering where date between ? and ? order by date, title',
      [`${year}-01-01`, `${year}-12-31`],
    );
  },

  referrals: async (_parent, { first, offset, status, direction }, context) => {
    const { em, caller } = context;
    const { limit } = checkPage(first, offset);
    const visible = visibleReferrals(caller);
    if (!visible) return emptyPage;
    // Each filter narrows what the caller may see; none widens it (NAV asking for TO_INNOVASJON_NORGE gets none).
    const where = {
      $and: [visible, ...(status ? [{ status }] : []), ...(direction ? [{ direction }] : [])],
    };
    const [items, totalCount] = await em.findAndCount(ReferralSchema, where, {
      orderBy: { sentOn: 'desc', id: 'asc' },
      limit,
      offset,
    });
    await auditReads(context, items, 'referrals list');
    return page(items, totalCount, offset);
  },

  referral: (_parent, { id }, context) => visibleReferral(context, id, 'referral'),

  gatheringYear: (_parent, { year }, { em, loaders }) => gatheringYear(em, loaders.knownAdviser, checkYear(year)),

  partnerCourses: (_parent, { year }, { em }) =>
    em.find(
      PartnerCourseSchema,
      { date: { $gte: `${checkYear(year)}-01-01`, $lt: `${year + 1}-01-01` } },
      { orderBy: { date: 'asc', title: 'asc' } },
    ),

  // Public (no sign-in): upcoming only; what happened is no business of the website.
  publicPartnerCourses: (_parent, { from, to, online }, { em }) => {
    const today = todayInNorway();
    return em.find(
      PartnerCourseSchema,
      {
        date: { $gte: from && from > today ? from : today, ...(to ? { $lte: to } : {}) },
        ...(typeof online === 'boolean' ? { online } : {}),
      },
      { orderBy: { date: 'asc', title: 'asc' }, limit: 200 },
    );
  },

  // A rule, not data: the table sendReferral checks against, in the order the forms offer it.
  referralProgrammes: () =>
    referralDirections.flatMap((direction) => programmesOf[direction].map((programme) => ({ programme, direction }))),

  navOffices: (_parent, _args, { em }) => em.find(NavOfficeSchema, {}, { orderBy: { name: 'asc' } }),

  navOfficeFor: (_parent, { municipalityNumber }, { em }) => navOfficeServing(em, municipalityNumber),

  businessAssessments: async (_parent, { status, first, offset }, { em, caller }) => {
    const { limit } = checkPage(first, offset);
    const where = visibleAssessments(caller);
    if (!where) return [];
    return em.find(
      BusinessAssessmentSchema,
      { $and: [where, status ? { status } : {}] },
      { orderBy: { requestedOn: 'desc', id: 'asc' }, limit, offset },
    );
  },

  businessAssessmentPage: async (_parent, { status, regionId, search, first, offset }, { em, caller }) => {
    const { limit } = checkPage(first, offset);
    const text = search?.trim() ?? '';
    if (text.length > assessmentSearchMaxLength)
      throw badUserInput(`search: at most ${assessmentSearchMaxLength} characters`, 'search');
    const visible = visibleAssessments(caller);
    if (!visible) return { ...emptyPage, regionsOf: null };
    // Each filter narrows what the caller may see; none widens it (an adviser asking for another region gets none).
    const regionsOf: FilterQuery<BusinessAssessment> = { $and: [visible, ...(status ? [{ status }] : [])] };
    const filters: FilterQuery<BusinessAssessment>[] = [regionsOf];
    if (regionId) filters.push({ regionId });
    if (text !== '') {
      const pattern = `%${escapeLike(text)}%`;
      // The office's name lives in its own table without a relation to join: the offices matching go in as a
      // subquery, so the page and its count stay two statements however many rows match.
      const offices = em
        .createQueryBuilder(NavOfficeSchema, 'o')
        .select('o.id')
        .where({ name: { $ilike: pattern } });
      // MikroORM takes a Knex query as `$in`'s list (a subquery); its types know only arrays.
      const officeIds = offices.getKnexQuery() as unknown as string[];
      filters.push({ $or: [{ sharedName: { $ilike: pattern } }, { navOfficeId: { $in: officeIds } }] });
    }
    const [items, totalCount] = await em.findAndCount(
      BusinessAssessmentSchema,
      { $and: filters },
      { orderBy: { requestedOn: 'desc', id: 'asc' }, limit, offset },
    );
    return { ...page(items, totalCount, offset), regionsOf };
  },

  qualificationMeasures: (_parent, { year }, { em }) =>
    em.find(
      QualificationMeasureSchema,
      { startsOn: { $lt: `${checkYear(year) + 1}-01-01` }, endsOn: { $gte: `${year}-01-01` } },
      { orderBy: { startsOn: 'asc', name: 'asc' } },
    ),

  expertOrganisations: (_parent, _args, { em }) => em.find(ExpertOrganisationSchema, {}, { orderBy: { name: 'asc' } }),

  referralAuditLog: (_parent, { referralId, first, offset }, { em, caller }) =>
    auditLogPage(em, caller, { recordType: 'Referral', recordId: referralId, first, offset }),
};
