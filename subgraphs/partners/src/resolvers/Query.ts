// Entry points of the partners subgraph.
import { auditLogPage, checkPage, checkYear, emptyPage, entitiesFromSql, page, todayInNorway } from '@etablerer/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { visibleAssessments, visibleReferrals } from '../access.js';
import { BusinessAssessmentSchema } from '../entities/business-assessment.js';
import { GatheringSchema } from '../entities/gathering.js';
import { NavOfficeSchema } from '../entities/nav-office.js';
import { PartnerCourseSchema } from '../entities/partner-course.js';
import { ExpertOrganisationSchema, QualificationMeasureSchema } from '../entities/qualification-measure.js';
import { programmesOf, ReferralSchema, referralDirections } from '../entities/referral.js';
import { gatheringYear } from '../gathering-year.js';
import { navOfficeServing } from '../nav-routing.js';
import { auditReads, visibleReferral } from './Referral.js';

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
