/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** An activity plan's targets for its year. */
export type ActivityTargetsInput = {
  /** Businesses started. */
  businessesStarted: number;
  /** New clients with an immigrant background. */
  clientsWithImmigrantBackground: number;
  /** Hours of counselling. */
  counsellingHours: number;
  /** Courses held. */
  coursesHeld: number;
  /** New clients. */
  newClients: number;
};

/** A key to add to a client. */
export type AddApiClientKeyInput = {
  /** The client's id. */
  clientId: string | number;
  /** A public JWK as JSON (EC P-256 or RSA ≥ 2048 bits), with or without kid. */
  publicKey: string;
};

/** A link from a client to the business community. */
export type AddClientLinkInput = {
  /** The client. */
  clientId: string | number;
  /** What kind of link. */
  kind: LinkKind;
  /** The mentor's, business's or environment's name, 1–200 characters. */
  name: string;
  /** Since when; not in the future. */
  since: string;
};

/** A municipality that is a party of a new agreement. */
export type AgreementMunicipalityInput = {
  /**
   * Its share of the municipal contribution in basis points, when the agreement splits it; leave
   * it out for every municipality to have each pay for its own inhabitants. When given for one,
   * it is required for all, and they add up to 10 000.
   */
  contributionShareBasisPoints?: number | null | undefined;
  /** Its name, e.g. `Nordre Follo kommune`. */
  name: string;
  /** The four-digit municipality number; of a municipality of the region. */
  number: string;
};

/** Where an agreement stands. */
export type AgreementStatus =
  /** Signed and in force within its original period. */
  | 'ACTIVE'
  /** Not yet signed by every party. */
  | 'DRAFT'
  /** Its period has ended. */
  | 'EXPIRED'
  /** In force, with its period extended beyond the original end date. */
  | 'EXTENDED'
  /** Ended early: a party's notice of termination has taken effect. */
  | 'TERMINATED';

/** An amendment of an agreement. */
export type AmendmentInput = {
  /** The ids of the agreement's parties the change concerns (at least one). */
  concernedPartyIds: Array<string | number>;
  /** The ids of the agreement's parties that consented: every concerned party, and possibly others. */
  consentingPartyIds: Array<string | number>;
  /** The day the parties concerned agreed to it. */
  decidedOn: string;
  /** What changed. */
  description: string;
  /** The first day it applies. */
  effectiveFrom: string;
  /** A new population date for funding, when the amendment sets one. */
  populationDate?: string | null | undefined;
};

/** A booking of an appointment slot from the public website. */
export type AppointmentBookingInput = {
  /** The language the person uses the website in, `nb` or `en` (`nb` when left out): the e-mails and the invitation are written in it. */
  locale?: string | null | undefined;
  /** Who books; their municipality must be in the slot's region. */
  person: PublicPersonInput;
  /** The slot, from `availableAppointmentSlots`. */
  slotId: string | number;
  /** What the person would like help with: plain text, 1–1000 characters. */
  topic: string;
};

/** The service's conclusion about a business plan. */
export type AssessmentConclusion =
  /** The plan is not viable. */
  | 'NOT_VIABLE'
  /** The plan is viable. */
  | 'VIABLE'
  /** The plan is viable on conditions stated in the assessment. */
  | 'VIABLE_WITH_CONDITIONS';

/** Where a business assessment stands. */
export type AssessmentStatus =
  /** Delivered to NAV. */
  | 'DELIVERED'
  /** Asked for, not yet delivered. */
  | 'REQUESTED'
  /** Withdrawn by NAV. */
  | 'WITHDRAWN';

/** A role to give a person. */
export type AssignRoleInput = {
  /** The person's e-mail address at their identity provider (matched case-insensitively). */
  email: string;
  /** The municipality's number, for MUNICIPALITY_OFFICER (the organisation's id when left out). */
  municipalityNumber?: string | null | undefined;
  /**
   * The organisation: for COUNTY_OFFICER and COORDINATION_MEMBER the assigner's county (may be left
   * out); for ADVISER the region's operator; for MUNICIPALITY_OFFICER the municipality (id = its
   * number); for INNOVASJON_NORGE / NAV the office.
   */
  organisation?: AssignedOrganisationInput | null | undefined;
  /** The person's name. */
  personName: string;
  /** The region, for ADVISER and MUNICIPALITY_OFFICER; left out for other roles. */
  regionId?: string | number | null | undefined;
  /** The role. */
  role: CallerRole;
};

/** An organisation a person acts for. */
export type AssignedOrganisationInput = {
  /** The organisation's id: the county's id, the municipality's number, the operator's or the office's id. */
  id: string | number;
  /** What kind of organisation it is; it must fit the role. */
  kind: OrganisationKind;
  /** Its name. */
  name: string;
};

/** A party's budget decision for a year. */
export type BudgetDecisionInput = {
  /** The day of the decision. */
  decidedOn: string;
  /** The amount granted, at most the frame (zero withholds it). */
  grantedAmount: string;
  /** Who pays: `COUNTY` or the number of a municipality of the agreement. */
  payer: string;
  /** The decision's reference, e.g. a case number. */
  reference: string;
  /**
   * When correcting: the id of the decision in force that this one supersedes. Optional; when given
   * and that decision is no longer in force (someone corrected it since), refused with CONFLICT.
   */
  supersedes?: string | number | null | undefined;
  /** The calendar year. */
  year: number;
};

/** What the register of legal entities (Enhetsregisteret) says of a business, as of its last import. */
export type BusinessRegisterStatus =
  /** The register lists it, neither deleted nor bankrupt. */
  | 'ACTIVE'
  /** The register records bankruptcy proceedings (and no deletion). */
  | 'BANKRUPT'
  /** The register deleted it. */
  | 'DELETED'
  /** No import of the register has looked for it yet. */
  | 'NOT_CHECKED'
  /** The last import did not find it in the register (deleted, or a wrong organisation number). */
  | 'NOT_FOUND';

/** The roles a person can be given (an API client's role comes with its registration, not an assignment). */
export type CallerRole =
  /** An adviser of a region's operator: the region's clients. */
  | 'ADVISER'
  /** A member of the coordination group: aggregates. */
  | 'COORDINATION_MEMBER'
  /** An officer of a county: agreements, funding, payments, the access of the county's staff and regions. */
  | 'COUNTY_OFFICER'
  /** A person at Innovasjon Norge: aggregates and referrals. */
  | 'INNOVASJON_NORGE'
  /** An officer of a municipality: its region's plans and reports, the access of the region's advisers. */
  | 'MUNICIPALITY_OFFICER'
  /** A person at NAV: aggregates and referrals. */
  | 'NAV';

/** Where raised capital came from. */
export type CapitalSource =
  /** Equity from investors. */
  | 'EQUITY'
  /** A grant. */
  | 'GRANT'
  /** A loan. */
  | 'LOAN'
  /** The owners' own funds. */
  | 'OWN_FUNDS';

/** A conflict meeting a party asks for (§8). */
export type ConflictMeetingRequestInput = {
  /** The party that asks for it. */
  calledBy: string;
  /** The region the conflict concerns, when it concerns one. */
  regionId?: string | number | null | undefined;
  /** The day the party asked: today or earlier. */
  requestedOn: string;
  /** What the conflict or uncertainty is about. */
  subject: string;
};

/** A member to add to the coordination group. */
export type CoordinationMemberInput = {
  /** The member's name. */
  name: string;
  /** The identifier of the organisation the member represents, e.g. a municipality number or `innovasjon-norge`. */
  organisationId: string;
  /** The organisation the member represents. */
  organisationName: string;
  /** The member's role in the group, e.g. `leader`. */
  role?: string | null | undefined;
  /** The first day of membership. */
  validFrom: string;
};

/** A correction of an unconfirmed impact record; its kind stays. Fields left out stay as they are. */
export type CorrectImpactInput = {
  /** The amount, above 0 (capital and revenue only). */
  amount?: string | null | undefined;
  /** Where the capital came from (capital only). */
  capitalSource?: CapitalSource | null | undefined;
  /** Full-time equivalents, above 0, at most one decimal (jobs kinds only). */
  fte?: number | null | undefined;
  /** A note, at most 2000 characters; null clears it. */
  note?: string | null | undefined;
  /** The day the figure is true on; today or earlier. */
  recordedFor?: string | null | undefined;
};

/** A request for counselling from the public website. */
export type CounsellingRequestInput = {
  /** The language the person uses the website in, `nb` or `en` (`nb` when left out): the receipt by e-mail and later e-mails are written in it. */
  locale?: string | null | undefined;
  /** What the person would like help with: plain text, 1–1000 characters. */
  message: string;
  /** Who asks. */
  person: PublicPersonInput;
};

/** Kinds of courses. */
export type CourseKind =
  /** The basic entrepreneur course (grunnleggende etablererkurs): free for participants. */
  | 'BASIC'
  /** A theme course (temakurs): a participant fee may apply. */
  | 'THEME';

/** A sign-up for a course from the public website. */
export type CourseSignUpInput = {
  /** The course, from the public course calendar. */
  courseId: string | number;
  /** The language the person uses the website in, `nb` or `en` (`nb` when left out): the receipt by e-mail and later e-mails are written in it. */
  locale?: string | null | undefined;
  /** Who signs up. */
  person: PublicPersonInput;
};

/** Where a course stands. */
export type CourseStatus =
  /** Cancelled. */
  | 'CANCELLED'
  /** Held; attendance is recorded. */
  | 'HELD'
  /** Planned. */
  | 'PLANNED';

/** A new course. */
export type CreateCourseInput = {
  /** How many participants it takes, 1–500. */
  capacity: number;
  /** The last day; the first day or later. */
  endsOn: string;
  /** Advisers of the region who teach it. */
  instructorIds?: Array<string | number>;
  /** Basic or theme course. */
  kind: CourseKind;
  /** Where it is held; leave out for online. */
  location?: string | null | undefined;
  /** True when it is held online. */
  online?: boolean;
  /** The participant fee; must be 0 (or left out) for a basic course. */
  participantFee?: string | null | undefined;
  /** A teacher from outside the service, e.g. Innovasjon Norge. */
  partnerInstructor?: string | null | undefined;
  /** The adviser's region. */
  regionId: string | number;
  /** The first day. */
  startsOn: string;
  /** What it is called, 1–200 characters. */
  title: string;
};

/** A new professional gathering. */
export type CreateGatheringInput = {
  /** The day it is held. */
  date: string;
  /** The programme, at most 5000 characters. */
  description?: string | null | undefined;
  /** Where it is held; leave out for online only. */
  location?: string | null | undefined;
  /** True when advisers can take part online. */
  online?: boolean;
  /** What it is called, 1–200 characters. */
  title: string;
};

/** A network event to record. */
export type CreateNetworkEventInput = {
  /** The day. */
  date: string;
  /** How many took part (0 for a planned event). */
  participantCount?: number;
  /** The adviser's region. */
  regionId: string | number;
  /** What it is called, 1–200 characters. */
  title: string;
};

/** The service's assessment, delivered to NAV. */
export type DeliverBusinessAssessmentInput = {
  /** The assessment, 1–10000 characters. */
  assessment: string;
  /** The conclusion. */
  conclusion: AssessmentConclusion;
  /** The region's fee for it, if it charges one. */
  fee?: string | null | undefined;
};

/** An assignment to end. */
export type EndRoleAssignmentInput = {
  /** The assignment's id. */
  id: string | number;
  /** Why it ends, e.g. that the person left the office. */
  reason: string;
};

/** Where an enrolment stands. */
export type EnrolmentStatus =
  /** Cancelled. */
  | 'CANCELLED'
  /** Has a place. */
  | 'ENROLLED'
  /** On the waiting list. */
  | 'WAITLISTED';

/** Why a person's personal data is erased. */
export type ErasureReason =
  /** The person asked for it (GDPR art. 17), or withdrew their consent. */
  | 'REQUEST'
  /** The retention period ended: three years after the last contact, as the privacy notice says. */
  | 'RETENTION';

/** An evaluation of the service. */
export type EvaluationInput = {
  /** Who wrote it. */
  author: string;
  /** Where to find the document. */
  documentReference?: string | null | undefined;
  /** Its main findings. */
  findings: string;
  /** The first day of the period evaluated. */
  periodFrom: string;
  /** The last day of the period evaluated. */
  periodTo: string;
  /** The day it was published. */
  publishedOn: string;
  /** The title. */
  title: string;
};

/** What pays for a counselling session. */
export type FundingSource =
  /** The basic service the cooperation agreement funds (§5.2.1). */
  | 'BASIC_SERVICE'
  /** A project or other funding outside the agreement. */
  | 'PROJECT_OR_OTHER'
  /** The region's supplementary content (a supplementary service it offers). */
  | 'SUPPLEMENTARY_SERVICE';

/** Gender, as the client reports it. */
export type Gender =
  /** Female. */
  | 'FEMALE'
  /** Male. */
  | 'MALE'
  /** Another gender. */
  | 'OTHER';

/** The adviser's assessment of a business idea's growth potential (vekstpotensial). */
export type GrowthPotential =
  /** High: a founder with growth potential, followed up as such. */
  | 'HIGH'
  /** Low. */
  | 'LOW'
  /** Medium. */
  | 'MEDIUM'
  /** Not assessed yet. */
  | 'NOT_ASSESSED';

/** Whether a client has an immigrant background (innvandrerbakgrunn), self-reported. */
export type ImmigrantBackground =
  /** The client has no immigrant background. */
  | 'NO'
  /** The client did not say. */
  | 'UNKNOWN'
  /** The client has an immigrant background. */
  | 'YES';

/** How the client confirmed an impact record. */
export type ImpactConfirmationMethod =
  /** Through the one-time link in the e-mail the adviser had sent (`requestImpactConfirmation`). */
  | 'CLIENT_LINK'
  /** In person, to the adviser. */
  | 'IN_PERSON'
  /** On a signed form the adviser keeps. */
  | 'SIGNED_FORM';

/** What an impact record measures. */
export type ImpactKind =
  /** Capital the client's business raised, by source. */
  | 'CAPITAL_RAISED'
  /** Jobs created in the client's business, in full-time equivalents. */
  | 'JOBS_CREATED'
  /** Jobs retained in the client's business, in full-time equivalents. */
  | 'JOBS_RETAINED'
  /** Revenue (sales) of the client's business. */
  | 'REVENUE';

/** A file of Statistics Norway's population table to import. */
export type ImportPopulationFiguresInput = {
  /**
   * The file's content, as text: SSB's reply from table 01222 ("Befolkning og kvartalsvise
   * endringar") in JSON-stat 2, with the content `Folketallet11` (population at the end of the
   * quarter); at most 40 000 characters.
   */
  content: string;
  /** True to check the file and see what would be imported, writing nothing. */
  preview?: boolean | null | undefined;
};

/** The two instalments of a year (§7: 50 % in January, 50 % in August). */
export type Instalment =
  /** Due in August. */
  | 'AUGUST'
  /** Due in January. */
  | 'JANUARY';

/** Legal forms of Norwegian businesses. */
export type LegalForm =
  /** General partnership, joint liability (ansvarlig selskap). */
  | 'ANS'
  /** Private limited company (aksjeselskap). */
  | 'AS'
  /** General partnership, shared liability (selskap med delt ansvar). */
  | 'DA'
  /** Sole proprietorship (enkeltpersonforetak). */
  | 'ENK'
  /** Any other legal form. */
  | 'OTHER'
  /** Cooperative (samvirkeforetak). */
  | 'SA';

/** Kinds of links from a client to the established business community. */
export type LinkKind =
  /** A business cluster. */
  | 'CLUSTER'
  /** Another competence environment. */
  | 'COMPETENCE_ENVIRONMENT'
  /** An established business. */
  | 'ESTABLISHED_BUSINESS'
  /** An incubator. */
  | 'INCUBATOR'
  /** A mentor. */
  | 'MENTOR';

/** A counselling session to log. */
export type LogCounsellingSessionInput = {
  /** The client counselled. */
  clientId: string | number;
  /** The day; today or earlier. */
  date: string;
  /** Minutes, in quarter-hour steps from 15 to 600. */
  durationMinutes: number;
  /** Meeting, phone or video. */
  form: SessionForm;
  /** What pays for the session; the basic service when left out. */
  fundingSource?: FundingSource | null | undefined;
  /** The adviser's preparation in minutes, quarter-hour steps from 0 to 600; 0 when left out. */
  preparationMinutes?: number | null | undefined;
  /** What it was about, 1–500 characters. */
  topic: string;
};

/** A meeting of the cooperation. */
export type MeetingInput = {
  /** The agenda. */
  agenda: string;
  /** The party that called it (required for a conflict meeting, unless it holds a request, whose party it then is). */
  calledBy?: string | null | undefined;
  /**
   * The conflict meeting request this meeting holds (conflict meetings only); CONFLICT when another
   * meeting holds it already.
   */
  conflictRequestId?: string | number | null | undefined;
  /** The day it was held. */
  date: string;
  /** The decisions made. */
  decisions: Array<string>;
  /** What kind of meeting. */
  kind: MeetingKind;
  /** The minutes. */
  minutes?: string | null | undefined;
  /**
   * Who took part, as `name (organisation)` (at least one, counting the members in
   * `presentMemberIds`, whose names are added).
   */
  participants: Array<string>;
  /**
   * The members of the group present (coordination group and professional group meetings only), by
   * their membership id; each must be a member of that group on the meeting day.
   */
  presentMemberIds?: Array<string | number> | null | undefined;
  /** The region it concerns (required for a discussion of supplementary content). */
  regionId?: string | number | null | undefined;
  /**
   * The day a party asked for the meeting: required for a conflict meeting (§8), not after `date`;
   * left out when the meeting holds a request (`conflictRequestId`), whose day it then is.
   */
  requestedOn?: string | null | undefined;
};

/** The kinds of meeting the agreement calls for. */
export type MeetingKind =
  /** A meeting a party called over a conflict or uncertainty, to be held promptly (§8). */
  | 'CONFLICT'
  /** A meeting of the coordination group (§5.1). */
  | 'COORDINATION_GROUP'
  /** The experience meeting with all municipalities and parties mid-period (§5.1). */
  | 'EXPERIENCE_MEETING'
  /** A meeting of the advisers' professional group (faggruppe, §4). */
  | 'PROFESSIONAL_GROUP'
  /** One of the twice-yearly discussions of supplementary content with a region (§5.2). */
  | 'SUPPLEMENTARY_CONTENT';

/** Milestones that tell whether new businesses survive and grow. */
export type MilestoneKind =
  /** The business was still active one year after registration. No longer recorded: survival is computed from the register of legal entities. */
  | 'ACTIVE_AFTER_1_YEAR'
  /** The business was still active two years after registration. No longer recorded: survival is computed from the register of legal entities. */
  | 'ACTIVE_AFTER_2_YEARS'
  /** The business was still active three years after registration. No longer recorded: survival is computed from the register of legal entities. */
  | 'ACTIVE_AFTER_3_YEARS'
  /** The business was registered. */
  | 'BUSINESS_REGISTERED'
  /** The business hired its first employee. */
  | 'FIRST_EMPLOYEE'
  /** The business had its first revenue. */
  | 'FIRST_REVENUE';

/** One municipality's share of the municipal contribution. */
export type MunicipalSplitInput = {
  /** Its share in basis points (1/100 of a percent), 0 to 10 000. */
  basisPoints: number;
  /** The municipality number. */
  municipalityNumber: string;
};

/** A new agreement for a region and a period. */
export type NewAgreementInput = {
  /** The contract municipality, which signs on behalf of the other municipalities. */
  contractMunicipality: AgreementMunicipalityInput;
  /** The county. */
  county: OrganisationInput;
  /** The county's rate per inhabitant for every year of the period: at least 5.50. */
  countyRate: string;
  /** Innovasjon Norge (its regional office). */
  innovasjonNorge: OrganisationInput;
  /** The municipalities' rate per inhabitant for every year of the period: at least 2.50. */
  municipalRate: string;
  /** The other municipalities of the region the contract municipality signs for. */
  municipalities: Array<AgreementMunicipalityInput>;
  /** The NAV office or offices (at least one). */
  navOffices: Array<OrganisationInput>;
  /** The date of the population figures funding uses, e.g. 2025-07-01; the county must hold a figure for every municipality on it. */
  populationDate: string;
  /** Where the population figures come from, e.g. `SSB tabell 01222, 1.7.2025`. */
  populationSource: string;
  /** The region, e.g. `follo`. */
  regionId: string | number;
  /** The region's supplementary services (§5.2.1), in the order to show them. */
  supplementaryServices: Array<string>;
  /** The first day, e.g. 2026-01-01. */
  validFrom: string;
  /** The last day, e.g. 2029-12-31. */
  validTo: string;
};

/** One slot to publish. */
export type NewAppointmentSlotInput = {
  /** Its length in minutes: 15–240, a multiple of 15. */
  durationMinutes: number;
  /** Meeting, phone or video. */
  form: SessionForm;
  /** Where to meet or how to join: plain text, at most 300 characters. */
  location?: string | null | undefined;
  /** The office of the region where a meeting is held. */
  officeId?: string | number | null | undefined;
  /** When it starts: ISO 8601 with the offset, e.g. `2027-01-12T09:00:00+01:00`; in the future. */
  startsAt: string;
};

/** A party's notice of termination. */
export type NoticeInput = {
  /** The day it takes effect; the earliest allowed (one year after notice) when left out. */
  effectiveOn?: string | null | undefined;
  /** The day notice was given: today or later, never backdated. */
  givenOn: string;
  /** The organisation giving notice: one of the agreement's parties on the day notice is given. */
  organisationId: string;
  /** The reason given. */
  reason?: string | null | undefined;
};

/** The kinds of notification. */
export type NotificationKind =
  /** An instalment the caller's county pays is due soon and not yet paid (§7). */
  | 'INSTALMENT_DUE'
  /** An instalment the caller's county pays is past its due date and not paid. */
  | 'INSTALMENT_OVERDUE'
  /** A meeting the agreement requires was not held by its date (§5.1, §5.2). */
  | 'MEETING_NOT_HELD'
  /** A referral the caller sent was answered. */
  | 'REFERRAL_ANSWERED'
  /** A referral was sent to the caller's organisation (Innovasjon Norge, NAV, or a region's advisers). */
  | 'REFERRAL_RECEIVED'
  /** A report, accounts, plan or budget of the region is due soon and not yet submitted (§7). */
  | 'REPORT_DEADLINE_REMINDER'
  /** A report, accounts, plan or budget of the region is past its due date and not submitted (§7). */
  | 'REPORT_OVERDUE';

/** An organisation that is a party. */
export type OrganisationInput = {
  /** Its identifier, e.g. `akershus` or `nav-ost-viken`. */
  id: string;
  /** Its name, e.g. `Akershus fylkeskommune`. */
  name: string;
};

/** Kinds of organisation a person acts for. */
export type OrganisationKind =
  /** A county (fylkeskommune). */
  | 'COUNTY'
  /** An office of Innovasjon Norge. */
  | 'INNOVASJON_NORGE'
  /** A municipality (kommune). */
  | 'MUNICIPALITY'
  /** A NAV office. */
  | 'NAV'
  /** The operator of a region's entrepreneur service. */
  | 'OPERATOR';

/** Kinds of Innovasjon Norge's offers to entrepreneurs. */
export type PartnerCourseKind =
  /** A course. */
  | 'COURSE'
  /** A webinar. */
  | 'WEBINAR';

/** The role an organisation has in an agreement. */
export type PartyKind =
  /** The municipality that signs on behalf of the region (kontraktskommune); it is also a municipality that contributes. */
  | 'CONTRACT_MUNICIPALITY'
  /** The county (fylkeskommune). */
  | 'COUNTY'
  /** Innovasjon Norge. */
  | 'INNOVASJON_NORGE'
  /** A municipality of the region that the contract municipality signs for. */
  | 'MUNICIPALITY'
  /** NAV (the labour and welfare administration). */
  | 'NAV';

/** Where a payment stands. */
export type PaymentStatus =
  /** Waiting: the year's activity plan and budget are not both approved. */
  | 'BLOCKED'
  /** May be paid: the year's activity plan and budget are approved. */
  | 'DUE'
  /**
   * Not paid (recorded and confirmed) by its due date: still blocked, due or awaiting confirmation
   * after it. `blocked` says whether the activity plan and budget are still not approved.
   */
  | 'OVERDUE'
  /** Recorded by one county officer and confirmed by a second: paid. */
  | 'PAID'
  /** One county officer recorded it as paid; it counts as paid only once a second officer confirms it. */
  | 'RECORDED';

/** Why a row of an SSB file was not imported. */
export type PopulationSkipReason =
  /** A county or the whole country, not a municipality. */
  | 'NOT_A_MUNICIPALITY'
  /** SSB gives no figure (e.g. the number was not in use in that quarter). */
  | 'NO_FIGURE'
  /** A municipality outside Viken and its successors Østfold, Akershus and Buskerud. */
  | 'OUTSIDE_COUNTY'
  /** A quarter outside the years the service records (2000–2100). */
  | 'OUTSIDE_SERVICE_YEARS';

/** The origin of a population figure. */
export type PopulationSource =
  /** An approximate figure, rounded to hundreds, shipped as demo data: not an official statistic. */
  | 'DEMO_APPROXIMATION'
  /** Imported from Statistics Norway's table 01222 (population per quarter). */
  | 'SSB';

/** A member to add to the professional group (faggruppe, §4). */
export type ProfessionalGroupMemberInput = {
  /** The member's name. */
  name: string;
  /** The identifier of the organisation the member represents. */
  organisationId: string;
  /** The organisation the member represents. */
  organisationName: string;
  /** The region whose adviser or operator the member is (required when a municipality officer adds the member: their own region). */
  regionId?: string | number | null | undefined;
  /** The member's role in the group, e.g. `leader`. */
  role?: string | null | undefined;
  /** The first day of membership. */
  validFrom: string;
};

/** What to show of the public course calendar; every condition left out matches all. */
export type PublicCourseFilter = {
  /** Only courses starting on or after this day; today when left out (past courses are never listed). */
  from?: string | null | undefined;
  /** Only courses of this kind. */
  kind?: CourseKind | null | undefined;
  /** Only online (true) or only in-person (false) courses. */
  online?: boolean | null | undefined;
  /** Only this region's courses. */
  regionId?: string | number | null | undefined;
  /** Only courses starting on or before this day. */
  to?: string | null | undefined;
};

/** What a one-time link from an e-mail does. */
export type PublicLinkKind =
  /** Cancels a course sign-up (up to and including the course's first day) or a request for counselling (until an adviser takes it on), once. */
  | 'CANCEL'
  /** Confirms an impact figure an adviser recorded, once, within 30 days of the e-mail. */
  | 'IMPACT_CONFIRMATION'
  /** Answers a user survey, once, within 30 days of the invitation. */
  | 'SURVEY'
  /** Stops user survey invitations to the person; works any number of times. */
  | 'UNSUBSCRIBE';

/** What a person gives when signing up for a course or asking for counselling on the public website. */
export type PublicPersonInput = {
  /** The business idea, in a few sentences: plain text, at most 1000 characters. */
  businessIdea?: string | null | undefined;
  /**
   * The person agrees that the service processes what they gave, as the privacy notice says.
   * Required: without it nothing is stored.
   */
  consentToProcessing: boolean;
  /** E-mail address, for the confirmation and for the adviser to get in touch. */
  email: string;
  /** Self-reported immigrant background; optional (UNKNOWN when not given). */
  immigrantBackground?: ImmigrantBackground;
  /** The four-digit number of the municipality the person lives in; it decides the region. */
  municipalityNumber: string;
  /** Full name: letters, spaces, hyphens, apostrophes and full stops; 2–100 characters. */
  name: string;
  /** Phone number: digits, spaces and an optional leading +, 8–20 characters. */
  phone?: string | null | undefined;
};

/** Slots an adviser publishes at once. */
export type PublishAppointmentSlotsInput = {
  /** 1–100 slots, none overlapping another or one the adviser has published. */
  slots: Array<NewAppointmentSlotInput>;
};

/** A follow-up to record. */
export type RecordFollowUpInput = {
  /** The client. */
  clientId: string | number;
  /** The day; not in the future. */
  date: string;
  /** What was said and agreed, 1–5000 characters. */
  note: string;
};

/** An impact record to add. Give the fields of its kind and only those. */
export type RecordImpactInput = {
  /** The amount, above 0 (CAPITAL_RAISED, REVENUE). */
  amount?: string | null | undefined;
  /** Where the capital came from (CAPITAL_RAISED). */
  capitalSource?: CapitalSource | null | undefined;
  /** The client. */
  clientId: string | number;
  /** Full-time equivalents, above 0, at most one decimal (JOBS_CREATED, JOBS_RETAINED). */
  fte?: number | null | undefined;
  /** What the figure is. */
  kind: ImpactKind;
  /** A note, at most 2000 characters. */
  note?: string | null | undefined;
  /** The day the figure is true on; today or earlier. */
  recordedFor: string;
};

/** A client's answer to a user survey. */
export type RecordSurveyResponseInput = {
  /** The day of the answer; not in the future. */
  answeredOn: string;
  /** The client; they must have consented to surveys. */
  clientId: string | number;
  /** Free text, at most 2000 characters. */
  comment?: string | null | undefined;
  /** The course, for an answer after a course. */
  courseId?: string | number | null | undefined;
  /** After counselling or after a course. */
  occasion: SurveyOccasion;
  /** 1 (poor) to 6 (excellent). */
  score: number;
};

/** Which way a referral goes. */
export type ReferralDirection =
  /** From NAV to the service. */
  | 'FROM_NAV'
  /** From the service to Innovasjon Norge. */
  | 'TO_INNOVASJON_NORGE'
  /** From the service to NAV. */
  | 'TO_NAV'
  /** From the service to another actor (named in otherActor). */
  | 'TO_OTHER_ACTOR';

/** What a client is referred to. */
export type ReferralProgramme =
  /** The entrepreneur service itself (a referral from NAV). */
  | 'ENTREPRENEUR_SERVICE'
  /** Innovasjon Norge's seminar "Fra idé til marked" (from idea to market). */
  | 'FROM_IDEA_TO_MARKET_SEMINAR'
  /** NAV's introduction programme for newly arrived immigrants. */
  | 'INTRODUCTION_PROGRAMME'
  /** Another programme or actor, named in otherActor. */
  | 'OTHER'
  /** NAV's qualification programme. */
  | 'QUALIFICATION_PROGRAMME'
  /** Innovasjon Norge's startup grant, phase 1 (market clarification). */
  | 'STARTUP_GRANT_PHASE_1'
  /** Innovasjon Norge's startup grant, phase 2 (commercialisation). */
  | 'STARTUP_GRANT_PHASE_2'
  /** Innovasjon Norge's startup grant, phase 3 (scaling). */
  | 'STARTUP_GRANT_PHASE_3'
  /** Innovasjon Norge's startup loan. */
  | 'STARTUP_LOAN'
  /** NAV: unemployment benefit during business start-up; needs a business assessment from the service. */
  | 'UNEMPLOYMENT_BENEFIT_DURING_START_UP'
  /** NAV: work assessment allowance during business start-up; needs a business assessment from the service. */
  | 'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP';

/** Where a referral stands. */
export type ReferralStatus =
  /** Accepted by the receiving party. */
  | 'ACCEPTED'
  /** Done. */
  | 'COMPLETED'
  /** Declined by the receiving party. */
  | 'DECLINED'
  /** Seen by the receiving party. */
  | 'RECEIVED'
  /** Sent, not yet seen by the receiving party. */
  | 'SENT';

/** A partner system to register. */
export type RegisterApiClientInput = {
  /** Its id: 3 to 63 characters, lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
  clientId: string | number;
  /** What the system is. */
  name: string;
  /** The scopes it may ask for, e.g. `aggregates:read`. */
  scopes: Array<string>;
};

/** A business a client registered. */
export type RegisterBusinessInput = {
  /** The client. */
  clientId: string | number;
  /** Its legal form. */
  legalForm: LegalForm;
  /** The business's name, 1–200 characters. */
  name: string;
  /** Nine digits with a valid mod-11 check digit. */
  organisationNumber: string;
  /** The day it was registered; not in the future. */
  registeredOn: string;
};

/** A new client, registered by an adviser of the region. */
export type RegisterClientInput = {
  /** Year of birth, 1900 to this year. */
  birthYear?: number | null | undefined;
  /** The business idea, at most 2000 characters. */
  businessIdea?: string | null | undefined;
  /**
   * Register even though a client in the region may be the same person. Without it, a likely
   * duplicate is refused with CONFLICT and the ids of the possible duplicates in
   * `extensions.duplicates`, so the adviser can open the existing record instead.
   */
  confirmedNotDuplicate?: boolean;
  /** E-mail address. */
  email?: string | null | undefined;
  /** Gender, if the client gives it. */
  gender?: Gender | null | undefined;
  /** Self-reported immigrant background; UNKNOWN when the client did not say. */
  immigrantBackground?: ImmigrantBackground;
  /** NACE (SN2007) code, e.g. `62.010`. */
  industryCode?: string | null | undefined;
  /** The four-digit number of the municipality the client lives in; it must belong to the region. */
  municipalityNumber: string;
  /** Full name, 1–200 characters. */
  name: string;
  /** Phone number: digits, spaces and an optional leading +, 8–20 characters. */
  phone?: string | null | undefined;
  /** The adviser's region; advisers register clients in their own region only. */
  regionId: string | number;
  /** The day of registration; today when left out. Never in the future. */
  registeredOn?: string | null | undefined;
  /** The client agrees to be contacted for user surveys. */
  surveyConsent?: boolean;
};

/** A client to revoke. */
export type RevokeApiClientInput = {
  /** The client's id. */
  clientId: string | number;
};

/** A key to revoke. */
export type RevokeApiClientKeyInput = {
  /** The client's id. */
  clientId: string | number;
  /** The key's id. */
  kid: string | number;
};

/** A referral from the service to Innovasjon Norge or NAV, sent by an adviser of the client's region. */
export type SendReferralInput = {
  /** The client's id in the regions subgraph. */
  clientId: string | number;
  /** The day the client consented; required, and not in the future. */
  consentGivenOn: string;
  /** TO_INNOVASJON_NORGE, TO_NAV or TO_OTHER_ACTOR. */
  direction: ReferralDirection;
  /** The municipality the client lives in, to route a referral to NAV to the right local office. */
  municipalityNumber?: string | null | undefined;
  /** A short note for the receiving party, at most 2000 characters. */
  note?: string | null | undefined;
  /** The receiving actor, required for TO_OTHER_ACTOR, 1–200 characters. */
  otherActor?: string | null | undefined;
  /** The programme; it must belong to the receiving party (e.g. startup grants to Innovasjon Norge). */
  programme: ReferralProgramme;
  /** What the client agreed to share: at least the name. */
  sharedClientData: SharedClientDataInput;
};

/** Kinds of supplementary services. */
export type ServiceKind =
  /** Business assessments (næringsfaglige vurderinger). */
  | 'BUSINESS_ASSESSMENT'
  /** Follow-up of founders with growth potential. */
  | 'GROWTH_FOLLOW_UP'
  /** A mentor scheme for entrepreneurs with an immigrant background. */
  | 'MENTOR_SCHEME_FOR_IMMIGRANTS'
  /** Shared office space for entrepreneurs (kontorfellesskap). */
  | 'OFFICE_COMMUNITY'
  /** Anything else; the description says what. */
  | 'OTHER';

/** How a counselling session was held. */
export type SessionForm =
  /** In person. */
  | 'MEETING'
  /** By phone. */
  | 'PHONE'
  /** By video. */
  | 'VIDEO';

/** A person's wish for one kind of notification. */
export type SetNotificationPreferenceInput = {
  /** Show it in the console's notification list. */
  console: boolean;
  /** Send it by e-mail. */
  email: boolean;
  /** The kind of notification. */
  kind: NotificationKind;
};

/** The client data a referral shares. */
export type SharedClientDataInput = {
  /** E-mail address. */
  email?: string | null | undefined;
  /** The client's name, 1–200 characters. */
  name: string;
  /** Phone number. */
  phone?: string | null | undefined;
};

/** What must be submitted. */
export type SubmissionKind =
  /** The accounts for the previous year (regnskap), due 1 May. */
  | 'ACCOUNTS'
  /** The activity plan for the coming year (aktivitetsplan), due 1 December. */
  | 'ACTIVITY_PLAN'
  /** The annual report for the previous year (årsrapport), due 1 May. */
  | 'ANNUAL_REPORT'
  /** The budget for the coming year (budsjett), due 1 December. */
  | 'BUDGET';

/** Where a submission stands. */
export type SubmissionStatus =
  /** Approved by the county. */
  | 'APPROVED'
  /** Not submitted, and not yet due. */
  | 'MISSING'
  /** Not submitted, and past its due date. */
  | 'OVERDUE'
  /** Rejected by the county; the region must resubmit. */
  | 'REJECTED'
  /** Submitted and waiting for the county's decision. */
  | 'SUBMITTED';

/** A submission of a report, accounts, plan or budget. */
export type SubmitInput = {
  /** The year it reports on or plans for. */
  coversYear: number;
  /** A reference to the document, e.g. an archive number or a link. */
  documentReference: string;
  /** What is submitted. */
  kind: SubmissionKind;
  /** The region submitting. */
  regionId: string | number;
  /** An annual report's key figures for its year (required for an annual report, not allowed otherwise); pre-fill them from Region.statistics. */
  reportedFigures?: ActivityTargetsInput | null | undefined;
  /** An activity plan's targets (required for an activity plan, not allowed otherwise). */
  targets?: ActivityTargetsInput | null | undefined;
  /** The total of a budget or of accounts. */
  totalAmount?: string | null | undefined;
  /** When resubmitting: the version of the submission the new one replaces. */
  version?: number | null | undefined;
};

/** An answer to a user survey from the public survey page. */
export type SurveyAnswerInput = {
  /** A comment, at most 1000 characters. */
  comment?: string | null | undefined;
  /** 1 (poor) to 6 (excellent). */
  score: number;
  /** The token of the survey link in the invitation. */
  token: string;
};

/** When a user survey is answered. */
export type SurveyOccasion =
  /** After counselling. */
  | 'AFTER_COUNSELLING'
  /** After a course. */
  | 'AFTER_COURSE';

/** Changes to a client; fields left out stay as they are. */
export type UpdateClientInput = {
  /** Year of birth. */
  birthYear?: number | null | undefined;
  /** The business idea. */
  businessIdea?: string | null | undefined;
  /** E-mail address; null clears it. */
  email?: string | null | undefined;
  /** Gender. */
  gender?: Gender | null | undefined;
  /** The adviser's assessment of growth potential. */
  growthPotential?: GrowthPotential | null | undefined;
  /** Self-reported immigrant background. */
  immigrantBackground?: ImmigrantBackground | null | undefined;
  /** NACE (SN2007) code. */
  industryCode?: string | null | undefined;
  /** The municipality the client lives in; it must belong to the client's region. */
  municipalityNumber?: string | null | undefined;
  /** Full name, 1–200 characters. */
  name?: string | null | undefined;
  /** Phone number; null clears it. */
  phone?: string | null | undefined;
  /** Consent to be contacted for user surveys. */
  surveyConsent?: boolean | null | undefined;
};

/** What a person asked for on the public website. */
export type WebsiteRequestKind =
  /** A request for counselling. */
  | 'COUNSELLING'
  /** A sign-up for a course. */
  | 'COURSE_SIGN_UP';

/** Where a request from the website stands. */
export type WebsiteRequestStatus =
  /** The person cancelled it with the link in their receipt (a course place it held went to the waiting list). */
  | 'CANCELLED'
  /** Waiting for an adviser to pick it up. */
  | 'PENDING'
  /** An adviser took it on. */
  | 'PICKED_UP';

export type RoleAssignmentsQueryVariables = Exact<{
  includeEnded: boolean;
  first: number;
  offset: number;
}>;


export type RoleAssignmentsQuery = { roleAssignments: { totalCount: number, items: Array<{ id: string, email: string, personName: string, role: CallerRole, regionId: string | null, municipalityNumber: string | null, assignedAt: string, assignedBy: string, endedAt: string | null, endedBy: string | null, endReason: string | null, lastSignInAt: string | null, organisation: { id: string, kind: OrganisationKind, name: string } }> } };

export type AccessRegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessRegionsQuery = { regions: Array<{ id: string, name: string, municipalities: Array<{ number: string, name: string }> }> };

export type AssignRoleMutationVariables = Exact<{
  input: AssignRoleInput;
}>;


export type AssignRoleMutation = { assignRole: { id: string, email: string, role: CallerRole } };

export type EndRoleAssignmentMutationVariables = Exact<{
  input: EndRoleAssignmentInput;
}>;


export type EndRoleAssignmentMutation = { endRoleAssignment: { id: string, endedAt: string | null } };

export type AgreementsListQueryVariables = Exact<{ [key: string]: never; }>;


export type AgreementsListQuery = { agreements: Array<{ id: string, status: AgreementStatus, validFrom: string, validTo: string, lastDay: string, signedOn: string | null, region: { id: string, name: string }, awaitingSignatureFrom: Array<{ id: string, organisationName: string }>, renewedAs: { id: string, status: AgreementStatus } | null }>, regions: Array<{ id: string, name: string, contractMunicipality: { number: string, name: string }, municipalities: Array<{ number: string, name: string }> }> };

export type AgreementAmendmentFieldsFragment = { id: string, decidedOn: string, effectiveFrom: string, description: string, consentedBy: Array<string> };

export type AgreementNoticeFieldsFragment = { id: string, organisationName: string, givenOn: string, effectiveOn: string, reason: string | null };

export type AgreementDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type AgreementDetailQuery = { agreement: { id: string, version: number, status: AgreementStatus, validFrom: string, validTo: string, originalValidTo: string, lastDay: string, signedOn: string | null, populationDate: string, populationSource: string | null, region: { id: string, name: string }, parties: Array<{ id: string, kind: PartyKind, organisationId: string, organisationName: string, signs: boolean, contributionShareBasisPoints: number | null, municipality: { number: string } | null, signature: { signedBy: string, signedOn: string, recordedBy: string } | null }>, partyHistory: Array<{ id: string, kind: PartyKind, organisationName: string, validFrom: string, validTo: string | null, succeeds: { organisationName: string } | null }>, signatures: Array<{ id: string, signedBy: string, signedOn: string, party: { organisationName: string } }>, awaitingSignatureFrom: Array<{ id: string, organisationName: string }>, supplementaryServices: Array<{ id: string, description: string }>, supplementaryServiceHistory: Array<{ id: string, description: string, validFrom: string, validTo: string | null }>, amendments: Array<{ id: string, decidedOn: string, effectiveFrom: string, description: string, consentedBy: Array<string> }>, extensions: Array<{ id: string, decidedOn: string, previousValidTo: string, validTo: string, lateReason: string | null }>, notices: Array<{ id: string, organisationName: string, givenOn: string, effectiveOn: string, reason: string | null }>, renewedFrom: { id: string } | null, renewedAs: { id: string, status: AgreementStatus } | null } | null };

export type CreateAgreementMutationVariables = Exact<{
  input: NewAgreementInput;
}>;


export type CreateAgreementMutation = { createAgreement: { id: string } };

export type RenewAgreementMutationVariables = Exact<{
  agreementId: string | number;
  validTo?: string | null | undefined;
}>;


export type RenewAgreementMutation = { renewAgreement: { id: string } };

export type SignAgreementMutationVariables = Exact<{
  agreementId: string | number;
  version: number;
  partyId: string | number;
  signedBy: string;
  signedOn: string;
}>;


export type SignAgreementMutation = { signAgreement: { id: string, status: AgreementStatus } };

export type SetMunicipalSplitMutationVariables = Exact<{
  agreementId: string | number;
  version: number;
  shares: Array<MunicipalSplitInput> | MunicipalSplitInput;
}>;


export type SetMunicipalSplitMutation = { setMunicipalSplit: { id: string } };

export type SetSupplementaryServicesMutationVariables = Exact<{
  agreementId: string | number;
  version: number;
  services: Array<string> | string;
  from?: string | null | undefined;
}>;


export type SetSupplementaryServicesMutation = { setSupplementaryServices: { id: string } };

export type AmendAgreementMutationVariables = Exact<{
  agreementId: string | number;
  version: number;
  input: AmendmentInput;
}>;


export type AmendAgreementMutation = { amendAgreement: { id: string } };

export type ExtendAgreementMutationVariables = Exact<{
  agreementId: string | number;
  version: number;
  validTo: string;
  decidedOn: string;
  consentingPartyIds: Array<string | number> | string | number;
  lateReason?: string | null | undefined;
}>;


export type ExtendAgreementMutation = { extendAgreement: { id: string } };

export type GiveNoticeMutationVariables = Exact<{
  agreementId: string | number;
  version: number;
  input: NoticeInput;
}>;


export type GiveNoticeMutation = { giveNotice: { id: string } };

export type ApiClientsQueryVariables = Exact<{
  includeRevoked: boolean;
}>;


export type ApiClientsQuery = { apiClients: Array<{ clientId: string, name: string, scopes: Array<string>, registeredAt: string, registeredBy: string, revokedAt: string | null, revokedBy: string | null, organisation: { id: string, kind: OrganisationKind, name: string }, keys: Array<{ kid: string, algorithm: string | null, addedAt: string, addedBy: string, revokedAt: string | null, revokedBy: string | null }> }> };

export type RegisterApiClientMutationVariables = Exact<{
  input: RegisterApiClientInput;
}>;


export type RegisterApiClientMutation = { registerApiClient: { clientId: string } };

export type AddApiClientKeyMutationVariables = Exact<{
  input: AddApiClientKeyInput;
}>;


export type AddApiClientKeyMutation = { addApiClientKey: { clientId: string } };

export type RevokeApiClientKeyMutationVariables = Exact<{
  input: RevokeApiClientKeyInput;
}>;


export type RevokeApiClientKeyMutation = { revokeApiClientKey: { clientId: string } };

export type RevokeApiClientMutationVariables = Exact<{
  input: RevokeApiClientInput;
}>;


export type RevokeApiClientMutation = { revokeApiClient: { clientId: string } };

export type AppointmentSlotListQueryVariables = Exact<{
  from: string;
  to: string;
  includeCancelled: boolean;
}>;


export type AppointmentSlotListQuery = { appointmentSlots: Array<{ id: string, startsAt: string, endsAt: string, durationMinutes: number, form: SessionForm, location: string | null, cancelledAt: string | null, version: number, adviser: { id: string, name: string }, office: { id: string, name: string } | null, booking: { id: string, name: string, email: string, phone: string | null, topic: string, bookedAt: string, websiteRequest: { id: string, reference: string }, client: { id: string } } | null }> };

export type PublishAppointmentSlotsMutationVariables = Exact<{
  input: PublishAppointmentSlotsInput;
}>;


export type PublishAppointmentSlotsMutation = { publishAppointmentSlots: Array<{ id: string }> };

export type CancelAppointmentSlotMutationVariables = Exact<{
  id: string | number;
  version?: number | null | undefined;
}>;


export type CancelAppointmentSlotMutation = { cancelAppointmentSlot: { id: string, cancelledAt: string | null, version: number } };

export type BusinessAssessmentPageQueryVariables = Exact<{
  status?: AssessmentStatus | null | undefined;
  regionId?: string | number | null | undefined;
  search?: string | null | undefined;
  first: number;
  offset: number;
}>;


export type BusinessAssessmentPageQuery = { businessAssessmentPage: { totalCount: number, items: Array<{ id: string, purpose: ReferralProgramme, requestedOn: string, question: string, status: AssessmentStatus, conclusion: AssessmentConclusion | null, assessment: string | null, fee: string, deliveredOn: string | null, version: number, sharedClientData: { name: string }, navOffice: { name: string }, region: { id: string, name: string } }>, regions: Array<{ id: string, name: string }> } };

export type DeliverBusinessAssessmentMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: DeliverBusinessAssessmentInput;
}>;


export type DeliverBusinessAssessmentMutation = { deliverBusinessAssessment: { id: string, version: number, status: AssessmentStatus } };

export type SubmissionsAwaitingDecisionQueryVariables = Exact<{ [key: string]: never; }>;


export type SubmissionsAwaitingDecisionQuery = { regions: Array<{ id: string, name: string, county: { id: string } | null, submissionsAwaitingDecision: Array<{ id: string | null, kind: SubmissionKind, coversYear: number, dueDate: string, status: SubmissionStatus, submittedOn: string | null }> | null }> };

export type ClientDetailQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type ClientDetailQuery = { client: { id: string, name: string, email: string | null, phone: string | null, birthYear: number | null, immigrantBackground: ImmigrantBackground, registeredOn: string, businessIdea: string | null, gender: Gender | null, industryCode: string | null, growthPotential: GrowthPotential, surveyConsent: boolean, version: number, erasedAt: string | null, municipality: { number: string, name: string }, counsellingHours: { year: number, total: number, free: number, beyondFreeLimit: number, freeLimit: number }, businesses: Array<{ id: string, name: string, organisationNumber: string | null, registeredOn: string }>, milestones: Array<{ kind: MilestoneKind, reachedOn: string }>, enrolments: Array<{ id: string, status: EnrolmentStatus, attended: boolean | null, waitlistPosition: number | null, course: { id: string, title: string, startsOn: string } }>, possibleDuplicates: Array<{ id: string, name: string }>, followUps: Array<{ id: string, date: string, note: string, adviser: { id: string, name: string } }>, links: Array<{ id: string, kind: LinkKind, name: string, since: string }>, counsellingSessions: Array<{ id: string, date: string, durationMinutes: number, form: SessionForm, topic: string }>, impactRecords: Array<{ id: string, kind: ImpactKind, recordedFor: string }>, referrals: Array<{ id: string, direction: ReferralDirection, programme: ReferralProgramme, otherActor: string | null, sentOn: string, status: ReferralStatus, statusChangedOn: string, statusReason: string | null, navOffice: { id: string, name: string } | null }> | null } | null };

export type ClientMunicipalitiesQueryVariables = Exact<{
  regionId: string | number;
}>;


export type ClientMunicipalitiesQuery = { region: { id: string, municipalities: Array<{ number: string, name: string }> } | null };

export type RegisterClientMutationVariables = Exact<{
  input: RegisterClientInput;
}>;


export type RegisterClientMutation = { registerClient: { id: string } };

export type UpdateClientMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: UpdateClientInput;
}>;


export type UpdateClientMutation = { updateClient: { id: string, version: number } };

export type ClientBusinessesQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientBusinessesQuery = { client: { id: string, businesses: Array<{ id: string, name: string, organisationNumber: string | null, registeredOn: string, legalForm: LegalForm, industryCode: string | null, registeredInRegisterOn: string | null, deletedOn: string | null, bankruptOn: string | null, registerCheckedAt: string | null, missingFromRegisterSince: string | null, registerStatus: BusinessRegisterStatus }> } | null };

export type RegisterBusinessMutationVariables = Exact<{
  input: RegisterBusinessInput;
}>;


export type RegisterBusinessMutation = { registerBusiness: { id: string } };

export type ClientImpactQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientImpactQuery = { client: { id: string, email: string | null, impactRecords: Array<{ id: string, kind: ImpactKind, recordedFor: string, fte: number | null, amount: string | null, capitalSource: CapitalSource | null, note: string | null, recordedAt: string, confirmedAt: string | null, confirmedVia: ImpactConfirmationMethod | null, confirmationRequestedAt: string | null, version: number, adviser: { id: string, name: string } }> } | null };

export type RecordImpactMutationVariables = Exact<{
  input: RecordImpactInput;
}>;


export type RecordImpactMutation = { recordImpact: { id: string } };

export type CorrectImpactMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: CorrectImpactInput;
}>;


export type CorrectImpactMutation = { correctImpact: { id: string } };

export type DeleteImpactMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteImpactMutation = { deleteImpact: boolean };

export type RecordImpactConfirmationMutationVariables = Exact<{
  id: string | number;
  via: ImpactConfirmationMethod;
}>;


export type RecordImpactConfirmationMutation = { recordImpactConfirmation: { id: string } };

export type RequestImpactConfirmationMutationVariables = Exact<{
  id: string | number;
}>;


export type RequestImpactConfirmationMutation = { requestImpactConfirmation: { id: string } };

export type ClientDataExportQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientDataExportQuery = { clientDataExport: { exportedAt: string, exportedBy: string, heldByRegions: unknown, client: { id: string, erasedAt: string | null, personalDataHeldByPartners: unknown } } };

export type EraseClientMutationVariables = Exact<{
  id: string | number;
  reason: ErasureReason;
}>;


export type EraseClientMutation = { eraseClient: { id: string, erasedAt: string | null }, eraseClientReferrals: { referrals: number, assessments: number } };

export type RecordFollowUpMutationVariables = Exact<{
  input: RecordFollowUpInput;
}>;


export type RecordFollowUpMutation = { recordFollowUp: { id: string } };

export type RecordMilestoneMutationVariables = Exact<{
  clientId: string | number;
  kind: MilestoneKind;
  reachedOn: string;
}>;


export type RecordMilestoneMutation = { recordMilestone: { kind: MilestoneKind, reachedOn: string } };

export type RecordSurveyResponseMutationVariables = Exact<{
  input: RecordSurveyResponseInput;
}>;


export type RecordSurveyResponseMutation = { recordSurveyResponse: { year: number, responses: number | null, averageScore: number | null } };

export type AddClientLinkMutationVariables = Exact<{
  input: AddClientLinkInput;
}>;


export type AddClientLinkMutation = { addClientLink: { id: string } };

export type ClientSessionPageQueryVariables = Exact<{
  id: string | number;
  first: number;
  offset: number;
}>;


export type ClientSessionPageQuery = { client: { id: string, counsellingSessionPage: { totalCount: number, hasNextPage: boolean, items: Array<{ id: string, date: string, durationMinutes: number, preparationMinutes: number, fundingSource: FundingSource, form: SessionForm, topic: string, minutesBeyondFreeLimit: number, adviser: { id: string, name: string } }> } } | null };

export type LogSessionWithDetailsMutationVariables = Exact<{
  input: LogCounsellingSessionInput;
}>;


export type LogSessionWithDetailsMutation = { logCounsellingSession: { id: string } };

export type ClientListQueryVariables = Exact<{
  regionId?: string | number | null | undefined;
  search?: string | null | undefined;
  immigrantBackground?: ImmigrantBackground | null | undefined;
  hasBusiness?: boolean | null | undefined;
  registeredFrom?: string | null | undefined;
  registeredTo?: string | null | undefined;
  first: number;
  offset: number;
}>;


export type ClientListQuery = { clients: { totalCount: number, hasNextPage: boolean, items: Array<{ id: string, name: string, erasedAt: string | null, registeredOn: string, immigrantBackground: ImmigrantBackground, municipality: { number: string, name: string }, region: { id: string, name: string }, businesses: Array<{ id: string }> }> } };

export type ClientRegionOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ClientRegionOptionsQuery = { regions: Array<{ id: string, name: string, county: { id: string } | null }> };

export type CourseSummaryFragment = { id: string, kind: CourseKind, title: string, startsOn: string, endsOn: string, location: string | null, online: boolean, participantFee: string, status: CourseStatus, seatsLeft: number | null, waitlistCount: number | null };

export type CourseFiguresFragment = { capacity: number | null, enrolledCount: number | null, id: string, kind: CourseKind, title: string, startsOn: string, endsOn: string, location: string | null, online: boolean, participantFee: string, status: CourseStatus, seatsLeft: number | null, waitlistCount: number | null };

export type CourseDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CourseDetailQuery = { course: { partnerInstructor: string | null, version: number, capacity: number | null, enrolledCount: number | null, id: string, kind: CourseKind, title: string, startsOn: string, endsOn: string, location: string | null, online: boolean, participantFee: string, status: CourseStatus, seatsLeft: number | null, waitlistCount: number | null, region: { id: string, name: string }, instructors: Array<{ id: string, name: string }>, enrolments: Array<{ id: string, status: EnrolmentStatus, enrolledAt: string, attended: boolean | null, waitlistPosition: number | null, client: { id: string, name: string } }> } | null };

export type CancelEnrolmentMutationVariables = Exact<{
  enrolmentId: string | number;
}>;


export type CancelEnrolmentMutation = { cancelEnrolment: { id: string, status: EnrolmentStatus } };

export type RecordAttendanceMutationVariables = Exact<{
  courseId: string | number;
  attendedClientIds: Array<string | number> | string | number;
}>;


export type RecordAttendanceMutation = { recordAttendance: { id: string, status: CourseStatus } };

export type CancelCourseMutationVariables = Exact<{
  courseId: string | number;
  version: number;
}>;


export type CancelCourseMutation = { cancelCourse: { id: string, status: CourseStatus, version: number } };

export type OpenCoursesQueryVariables = Exact<{
  regionId: string | number;
  year: number;
  nextYear: number;
}>;


export type OpenCoursesQuery = { region: { id: string, thisYear: Array<{ id: string, kind: CourseKind, title: string, startsOn: string, endsOn: string, location: string | null, online: boolean, participantFee: string, status: CourseStatus, seatsLeft: number | null, waitlistCount: number | null }>, nextYear: Array<{ id: string, kind: CourseKind, title: string, startsOn: string, endsOn: string, location: string | null, online: boolean, participantFee: string, status: CourseStatus, seatsLeft: number | null, waitlistCount: number | null }> } | null };

export type EnrolClientMutationVariables = Exact<{
  courseId: string | number;
  clientId: string | number;
}>;


export type EnrolClientMutation = { enrolClient: { id: string, status: EnrolmentStatus, waitlistPosition: number | null, course: { id: string, title: string } } };

export type CourseRegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CourseRegionsQuery = { regions: Array<{ id: string, name: string }> };

export type CourseCalendarQueryVariables = Exact<{
  regionId: string | number;
  year: number;
  kind?: CourseKind | null | undefined;
}>;


export type CourseCalendarQuery = { region: { id: string, name: string, courses: Array<{ capacity: number | null, enrolledCount: number | null, id: string, kind: CourseKind, title: string, startsOn: string, endsOn: string, location: string | null, online: boolean, participantFee: string, status: CourseStatus, seatsLeft: number | null, waitlistCount: number | null }> } | null };

export type CourseAdvisersQueryVariables = Exact<{
  regionId: string | number;
}>;


export type CourseAdvisersQuery = { region: { id: string, advisers: Array<{ id: string, name: string }> } | null };

export type CreateCourseMutationVariables = Exact<{
  input: CreateCourseInput;
}>;


export type CreateCourseMutation = { createCourse: { id: string, startsOn: string } };

export type EvaluationsQueryVariables = Exact<{ [key: string]: never; }>;


export type EvaluationsQuery = { evaluations: Array<{ id: string, title: string, periodFrom: string, periodTo: string, author: string, findings: string, documentReference: string | null, publishedOn: string }> };

export type RecordEvaluationMutationVariables = Exact<{
  input: EvaluationInput;
}>;


export type RecordEvaluationMutation = { recordEvaluation: { id: string, title: string, publishedOn: string } };

export type FundingWorkflowQueryVariables = Exact<{
  regionId: string | number;
  year: number;
  previousYear: number;
}>;


export type FundingWorkflowQuery = { region: { id: string, name: string, county: { id: string, name: string } | null, funding: { year: number, inhabitants: number, countyRate: string, municipalRate: string, countyFrame: string, countyAmount: string, municipalAmount: string, total: string, agreement: { id: string, validFrom: string, validTo: string }, municipalShares: Array<{ inhabitants: number, frame: string, amount: string, municipality: { number: string, name: string } }>, budgetDecisionHistory: Array<{ id: string, payer: string, grantedAmount: string, decidedOn: string, reference: string, inForce: boolean, recordedBy: string | null, supersedes: { id: string, reference: string } | null, supersededBy: { id: string, reference: string } | null }> } | null, payments: Array<{ year: number, instalment: Instalment, dueDate: string, amount: string, status: PaymentStatus, blocked: boolean, payer: string | null, paidOn: string | null, reference: string | null, recordedBy: string | null, recordedOn: string | null, confirmedBy: string | null, confirmedOn: string | null, shares: Array<{ amount: string, status: PaymentStatus, paidOn: string | null, reference: string | null, recordedBy: string | null, recordedOn: string | null, confirmedBy: string | null, confirmedOn: string | null, county: { id: string, name: string } }> }> | null, plansForYear: Array<{ id: string | null, kind: SubmissionKind, coversYear: number, status: SubmissionStatus }> | null } | null };

export type RecordPaymentMutationVariables = Exact<{
  regionId: string | number;
  year: number;
  instalment: Instalment;
  paidOn: string;
  reference: string;
  payerId?: string | number | null | undefined;
}>;


export type RecordPaymentMutation = { recordPayment: { instalment: Instalment, status: PaymentStatus } };

export type ConfirmPaymentMutationVariables = Exact<{
  regionId: string | number;
  year: number;
  instalment: Instalment;
  reference: string;
  payerId?: string | number | null | undefined;
}>;


export type ConfirmPaymentMutation = { confirmPayment: { instalment: Instalment, status: PaymentStatus } };

export type RecordBudgetDecisionMutationVariables = Exact<{
  agreementId: string | number;
  input: BudgetDecisionInput;
}>;


export type RecordBudgetDecisionMutation = { recordBudgetDecision: { year: number, countyAmount: string } };

export type GatheringsOfYearQueryVariables = Exact<{
  year: number;
}>;


export type GatheringsOfYearQuery = { gatherings: Array<{ id: string, title: string, date: string, location: string | null, online: boolean, organisers: Array<string>, programme: string | null, description: string | null, attendeeCount: number, invitedRegions: Array<{ id: string, name: string }>, registrations: Array<{ adviserId: string, registeredAt: string, attended: boolean | null, adviser: { id: string, name: string } | null, region: { id: string, name: string } }> }> | null, gatheringYear: { year: number, count: number, minimum: number, meetsMinimum: boolean, regionsWithoutAttendance: Array<{ id: string, name: string }>, advisersWithoutAttendance: Array<{ id: string, name: string }> } };

export type RegionAdvisersQueryVariables = Exact<{
  regionId: string | number;
}>;


export type RegionAdvisersQuery = { region: { id: string, advisers: Array<{ id: string, name: string }> } | null };

export type CreateGatheringMutationVariables = Exact<{
  input: CreateGatheringInput;
}>;


export type CreateGatheringMutation = { createGathering: { id: string, title: string, date: string } };

export type RegisterForGatheringMutationVariables = Exact<{
  gatheringId: string | number;
  adviserId: string | number;
}>;


export type RegisterForGatheringMutation = { registerForGathering: { id: string } };

export type UnregisterFromGatheringMutationVariables = Exact<{
  gatheringId: string | number;
  adviserId: string | number;
}>;


export type UnregisterFromGatheringMutation = { unregisterFromGathering: { id: string } };

export type RecordGatheringAttendanceMutationVariables = Exact<{
  gatheringId: string | number;
  attendedAdviserIds: Array<string | number> | string | number;
}>;


export type RecordGatheringAttendanceMutation = { recordGatheringAttendance: { id: string } };

export type GroupsHistoryQueryVariables = Exact<{ [key: string]: never; }>;


export type GroupsHistoryQuery = { coordinationGroupHistory: Array<{ id: string, name: string, organisationId: string, organisationName: string, role: string | null, validFrom: string, validTo: string | null }>, professionalGroupHistory: Array<{ id: string, name: string, organisationId: string, organisationName: string, role: string | null, validFrom: string, validTo: string | null, region: { id: string, name: string } | null }>, regions: Array<{ id: string, name: string }> };

export type AddCoordinationMemberMutationVariables = Exact<{
  input: CoordinationMemberInput;
}>;


export type AddCoordinationMemberMutation = { addCoordinationMember: { id: string } };

export type EndCoordinationMembershipMutationVariables = Exact<{
  id: string | number;
  validTo: string;
}>;


export type EndCoordinationMembershipMutation = { endCoordinationMembership: { id: string, validTo: string | null } };

export type ChangeCoordinationMemberRoleMutationVariables = Exact<{
  id: string | number;
  role?: string | null | undefined;
  from: string;
}>;


export type ChangeCoordinationMemberRoleMutation = { changeCoordinationMemberRole: { id: string } };

export type AddProfessionalGroupMemberMutationVariables = Exact<{
  input: ProfessionalGroupMemberInput;
}>;


export type AddProfessionalGroupMemberMutation = { addProfessionalGroupMember: { id: string } };

export type EndProfessionalGroupMembershipMutationVariables = Exact<{
  id: string | number;
  validTo: string;
}>;


export type EndProfessionalGroupMembershipMutation = { endProfessionalGroupMembership: { id: string, validTo: string | null } };

export type ImpactReportRegionQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type ImpactReportRegionQuery = { region: { id: string, name: string, statistics: { year: number, newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, clientsCounselled: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, businessesStartedYearBefore: number | null, stillActiveAfterOneYear: number | null, businessesStartedTwoYearsBefore: number | null, stillActiveAfterTwoYears: number | null, businessesStartedThreeYearsBefore: number | null, stillActiveAfterThreeYears: number | null, clientsWithImpact: number | null, jobsCreated: number | null, jobsRetained: number | null, capitalRaised: string | null, revenueReported: string | null, suppressed: Array<string>, suppressionReason: string | null, capitalRaisedBySource: Array<{ source: CapitalSource, amount: string | null }> } } | null };

export type ImpactFiguresFragment = { year: number, newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, clientsCounselled: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, businessesStartedYearBefore: number | null, stillActiveAfterOneYear: number | null, businessesStartedTwoYearsBefore: number | null, stillActiveAfterTwoYears: number | null, businessesStartedThreeYearsBefore: number | null, stillActiveAfterThreeYears: number | null, clientsWithImpact: number | null, jobsCreated: number | null, jobsRetained: number | null, capitalRaised: string | null, revenueReported: string | null, suppressed: Array<string>, suppressionReason: string | null, capitalRaisedBySource: Array<{ source: CapitalSource, amount: string | null }> };

export type ImpactReportCountyQueryVariables = Exact<{
  year: number;
  countyId?: string | number | null | undefined;
}>;


export type ImpactReportCountyQuery = { countyStatistics: { year: number, newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, clientsCounselled: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, businessesStartedYearBefore: number | null, stillActiveAfterOneYear: number | null, businessesStartedTwoYearsBefore: number | null, stillActiveAfterTwoYears: number | null, businessesStartedThreeYearsBefore: number | null, stillActiveAfterThreeYears: number | null, clientsWithImpact: number | null, jobsCreated: number | null, jobsRetained: number | null, capitalRaised: string | null, revenueReported: string | null, suppressed: Array<string>, suppressionReason: string | null, capitalRaisedBySource: Array<{ source: CapitalSource, amount: string | null }> } };

export type ImpactReportTargetsQueryVariables = Exact<{
  id: string | number;
  planYear: number;
}>;


export type ImpactReportTargetsQuery = { region: { id: string, submissions: Array<{ kind: SubmissionKind, coversYear: number, status: SubmissionStatus, targets: { newClients: number, clientsWithImmigrantBackground: number, coursesHeld: number, counsellingHours: number, businessesStarted: number } | null }> | null } | null };

export type MeetingsOfYearQueryVariables = Exact<{
  year: number;
  groupOn: string;
}>;


export type MeetingsOfYearQuery = { conflictMeetingTargetDays: number, meetings: Array<{ id: string, version: number, kind: MeetingKind, date: string, calledBy: string | null, participants: Array<string>, agenda: string, minutes: string | null, decisions: Array<string>, requestedOn: string | null, daysFromRequest: number | null, heldPromptly: boolean | null, region: { id: string, name: string } | null, attendance: { presentNonMembers: Array<string>, presentMembers: Array<
        | { id: string, name: string, organisationName: string }
        | { id: string, name: string, organisationName: string }
      >, absentMembers: Array<
        | { id: string, name: string, organisationName: string }
        | { id: string, name: string, organisationName: string }
      > } | null }>, dueMeetings: Array<{ kind: MeetingKind, dueBy: string, overdue: boolean, region: { id: string, name: string } | null, heldAs: { id: string, date: string } | null, conflictRequest: { id: string, requestedOn: string, calledBy: string, subject: string } | null }>, coordinationGroup: Array<{ id: string, name: string, organisationName: string, role: string | null }>, professionalGroup: Array<{ id: string, name: string, organisationName: string, role: string | null }>, regions: Array<{ id: string, name: string }> };

export type RecordMeetingMutationVariables = Exact<{
  input: MeetingInput;
}>;


export type RecordMeetingMutation = { recordMeeting: { id: string, version: number, date: string } };

export type UpdateMeetingMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: MeetingInput;
}>;


export type UpdateMeetingMutation = { updateMeeting: { id: string, version: number, date: string } };

export type RequestConflictMeetingMutationVariables = Exact<{
  input: ConflictMeetingRequestInput;
}>;


export type RequestConflictMeetingMutation = { requestConflictMeeting: { id: string, dueBy: string } };

export type NetworkEventRegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type NetworkEventRegionsQuery = { regions: Array<{ id: string, name: string }> };

export type RegionNetworkEventsQueryVariables = Exact<{
  regionId: string | number;
  year: number;
}>;


export type RegionNetworkEventsQuery = { region: { id: string, name: string, networkEvents: Array<{ id: string, title: string, date: string, participantCount: number }> } | null };

export type CreateNetworkEventMutationVariables = Exact<{
  input: CreateNetworkEventInput;
}>;


export type CreateNetworkEventMutation = { createNetworkEvent: { id: string, title: string, date: string, participantCount: number } };

export type NotificationListQueryVariables = Exact<{
  unreadOnly: boolean;
  first: number;
  offset: number;
}>;


export type NotificationListQuery = { notifications: { totalCount: number, unreadCount: number, hasNextPage: boolean, items: Array<{ id: string, kind: NotificationKind, title: string, body: string, link: string | null, createdAt: string, read: boolean }> } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { unreadCount: number } };

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNotificationsReadMutation = { markAllNotificationsRead: { unreadCount: number } };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { notificationPreferences: Array<{ kind: NotificationKind, console: boolean, email: boolean }> };

export type SetNotificationPreferenceMutationVariables = Exact<{
  input: SetNotificationPreferenceInput;
}>;


export type SetNotificationPreferenceMutation = { setNotificationPreference: Array<{ kind: NotificationKind, console: boolean, email: boolean }> };

export type CoordinationOverviewQueryVariables = Exact<{
  year: number;
}>;


export type CoordinationOverviewQuery = { regions: Array<{ id: string, name: string, county: { id: string, name: string } | null, contractMunicipality: { number: string, name: string, numbers: Array<{ number: string, validFrom: string, validTo: string | null }> }, municipalities: Array<{ number: string, name: string, population: number | null }>, agreement: { id: string, status: AgreementStatus, validFrom: string, validTo: string } | null, funding: { countyAmount: string, municipalAmount: string, total: string, countyPayers: Array<{ amount: string, county: { id: string, name: string } }> } | null, payments: Array<{ instalment: Instalment, dueDate: string, amount: string, status: PaymentStatus, shares: Array<{ amount: string, status: PaymentStatus, county: { id: string, name: string } }> }> | null, submissions: Array<{ kind: SubmissionKind, coversYear: number, dueDate: string, status: SubmissionStatus, late: boolean }> | null, statistics: { newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, suppressed: Array<string> }, referrals: { toInnovasjonNorge: number | null, toNav: number | null, fromNav: number | null, suppressed: Array<string> } | null }>, gatherings: Array<{ id: string, title: string, date: string, attendeeCount: number }> | null };

export type PopulationFiguresQueryVariables = Exact<{ [key: string]: never; }>;


export type PopulationFiguresQuery = { municipalities: Array<{ number: string, name: string, region: { id: string, name: string }, populationFigure: { date: string, population: number, source: PopulationSource, sourceTable: string | null, sourceUpdatedAt: string | null, importedBy: string | null, recordedAt: string } | null }> };

export type ImportPopulationFiguresMutationVariables = Exact<{
  input: ImportPopulationFiguresInput;
}>;


export type ImportPopulationFiguresMutation = { importPopulationFigures: { applied: boolean, table: string, sourceUpdatedAt: string, figureCount: number, dates: Array<{ date: string, figureCount: number }>, figures: Array<{ municipalityNumber: string, regionCode: string, date: string, population: number, previousPopulation: number | null, previousSource: PopulationSource | null }>, skipped: Array<{ regionCode: string, label: string | null, period: string | null, reason: PopulationSkipReason, message: string }> } };

export type AvailableAppointmentSlotsQueryVariables = Exact<{
  regionId: string | number;
  from: string;
  to: string;
}>;


export type AvailableAppointmentSlotsQuery = { availableAppointmentSlots: Array<{ id: string, startsAt: string, endsAt: string, durationMinutes: number, form: SessionForm, location: string | null, adviserName: string, office: { name: string, streetAddress: string, postalTown: string } | null }> };

export type BookAppointmentMutationVariables = Exact<{
  input: AppointmentBookingInput;
}>;


export type BookAppointmentMutation = { bookAppointment: { reference: string, region: { id: string, name: string }, slot: { id: string, startsAt: string, durationMinutes: number, form: SessionForm, adviserName: string } } };

export type PublicCalendarQueryVariables = Exact<{
  filter: PublicCourseFilter;
  first: number;
  offset: number;
  withCourses: boolean;
  withPartnerCourses: boolean;
  from?: string | null | undefined;
  to?: string | null | undefined;
  online?: boolean | null | undefined;
}>;


export type PublicCalendarQuery = { publicCourses?: { totalCount: number, hasNextPage: boolean, items: Array<{ id: string, kind: CourseKind, title: string, startsOn: string, endsOn: string, location: string | null, online: boolean, participantFee: string, seatsLeft: number, region: { id: string, name: string } }> }, publicPartnerCourses?: Array<{ id: string, kind: PartnerCourseKind, title: string, date: string, online: boolean, location: string | null, description: string | null }> };

export type PublicCourseQueryVariables = Exact<{
  id: string | number;
}>;


export type PublicCourseQuery = { publicCourse: { id: string, kind: CourseKind, title: string, startsOn: string, endsOn: string, location: string | null, online: boolean, participantFee: string, seatsLeft: number, region: { id: string, name: string } } | null };

export type PublicLinkQueryVariables = Exact<{
  token: string;
}>;


export type PublicLinkQuery = { publicLink: { kind: PublicLinkKind, title: string | null, valid: boolean } };

export type AnswerSurveyMutationVariables = Exact<{
  input: SurveyAnswerInput;
}>;


export type AnswerSurveyMutation = { answerSurvey: boolean };

export type UnsubscribeFromSurveysMutationVariables = Exact<{
  token: string;
}>;


export type UnsubscribeFromSurveysMutation = { unsubscribeFromSurveys: boolean };

export type CancelWebsiteRequestMutationVariables = Exact<{
  token: string;
}>;


export type CancelWebsiteRequestMutation = { cancelWebsiteRequest: boolean };

export type ConfirmImpactMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmImpactMutation = { confirmImpact: boolean };

export type WebsiteReceiptFragment = { reference: string, kind: WebsiteRequestKind, region: { id: string, name: string, offices: Array<{ name: string, streetAddress: string, postalCode: string, postalTown: string }> }, course: { id: string, title: string, startsOn: string } | null };

export type SignUpForCourseMutationVariables = Exact<{
  input: CourseSignUpInput;
}>;


export type SignUpForCourseMutation = { signUpForCourse: { reference: string, kind: WebsiteRequestKind, region: { id: string, name: string, offices: Array<{ name: string, streetAddress: string, postalCode: string, postalTown: string }> }, course: { id: string, title: string, startsOn: string } | null } };

export type RequestCounsellingMutationVariables = Exact<{
  input: CounsellingRequestInput;
}>;


export type RequestCounsellingMutation = { requestCounselling: { reference: string, kind: WebsiteRequestKind, region: { id: string, name: string, offices: Array<{ name: string, streetAddress: string, postalCode: string, postalTown: string }> }, course: { id: string, title: string, startsOn: string } | null } };

export type PublicDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicDirectoryQuery = { publicRegions: Array<{ id: string, name: string, operatorName: string | null, freeCounsellingHoursPerClientYear: number, contractMunicipality: { number: string, name: string }, municipalities: Array<{ number: string, name: string }>, offices: Array<{ name: string, streetAddress: string, postalCode: string, postalTown: string, municipalityName: string, coLocatedWith: string | null }>, advisers: Array<{ name: string, email: string, phone: string | null }>, services: Array<{ kind: ServiceKind, description: string }> }>, publicMunicipalities: Array<{ number: string, name: string, region: { id: string, name: string } }> };

export type PublicResponsiblePartiesQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicResponsiblePartiesQuery = { publicResponsibleParties: Array<{ kind: PartyKind, name: string, regionIds: Array<string> }> };

export type ReferralFormOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReferralFormOptionsQuery = { referralProgrammes: Array<{ programme: ReferralProgramme, direction: ReferralDirection }>, municipalities: Array<{ number: string, name: string }>, navOffices: Array<{ id: string, name: string, municipalityNumbers: Array<string> }> };

export type SendReferralMutationVariables = Exact<{
  input: SendReferralInput;
}>;


export type SendReferralMutation = { sendReferral: { id: string, direction: ReferralDirection, programme: ReferralProgramme, otherActor: string | null, status: ReferralStatus, sentOn: string, navOffice: { id: string, name: string } | null } };

export type ReferralInboxQueryVariables = Exact<{
  first: number;
  offset: number;
  status?: ReferralStatus | null | undefined;
  direction?: ReferralDirection | null | undefined;
}>;


export type ReferralInboxQuery = { referrals: { totalCount: number, hasNextPage: boolean, items: Array<{ id: string, direction: ReferralDirection, programme: ReferralProgramme, otherActor: string | null, status: ReferralStatus, statusChangedOn: string, statusReason: string | null, version: number, sentOn: string, consentGivenOn: string, note: string | null, navOffice: { name: string } | null, sharedClientData: { name: string, email: string | null, phone: string | null }, region: { id: string, name: string } }> } };

export type ChangeReferralStatusMutationVariables = Exact<{
  id: string | number;
  version: number;
  status: ReferralStatus;
  reason?: string | null | undefined;
}>;


export type ChangeReferralStatusMutation = { changeReferralStatus: { id: string, version: number, status: ReferralStatus, statusChangedOn: string, statusReason: string | null } };

export type RegionPageQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type RegionPageQuery = { region: { id: string, name: string, contractMunicipality: { number: string, name: string }, municipalities: Array<{ number: string, name: string, population: number | null, populationSource: PopulationSource | null, populationFigure: { date: string, source: PopulationSource, sourceTable: string | null, sourceUpdatedAt: string | null, importedBy: string | null, recordedAt: string } | null }>, operator: { id: string, name: string, organisationNumber: string | null, runByContractMunicipality: boolean } | null, advisers: Array<{ id: string, name: string, email: string, phone: string | null }>, offices: Array<{ id: string, name: string, streetAddress: string, postalCode: string, postalTown: string, coLocatedWith: string | null }>, agreement: { id: string, status: AgreementStatus, validFrom: string, validTo: string, originalValidTo: string, signedOn: string | null, partyHistory: Array<{ id: string, kind: PartyKind, organisationName: string, validFrom: string, validTo: string | null, succeeds: { id: string, organisationName: string } | null }>, amendments: Array<{ id: string, decidedOn: string, effectiveFrom: string, description: string, consentedBy: Array<string> }>, extensions: Array<{ id: string, decidedOn: string, previousValidTo: string, validTo: string }>, notices: Array<{ id: string, organisationName: string, givenOn: string, effectiveOn: string, reason: string | null }> } | null, funding: { year: number, countyAmount: string, municipalAmount: string, total: string, municipalShares: Array<{ inhabitants: number, amount: string, municipality: { number: string } }> } | null, payments: Array<{ instalment: Instalment, dueDate: string, amount: string, status: PaymentStatus, paidOn: string | null }> | null, submissions: Array<{ kind: SubmissionKind, coversYear: number, dueDate: string, status: SubmissionStatus, late: boolean, submittedOn: string | null }> | null } | null };

export type RegionKeyFiguresQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type RegionKeyFiguresQuery = { region: { id: string, statistics: { year: number, newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, suppressed: Array<string>, suppressionReason: string | null } } | null };

export type RegionsOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsOverviewQuery = { regions: Array<{ id: string, name: string, contractMunicipality: { number: string, name: string }, municipalities: Array<{ number: string, name: string, population: number | null, populationSource: PopulationSource | null }> }> };

export type SubmissionsWorkflowQueryVariables = Exact<{
  regionId: string | number;
  year: number;
  previousYear: number;
  nextYear: number;
}>;


export type SubmissionsWorkflowQuery = { region: { id: string, name: string, county: { id: string, name: string } | null, submissions: Array<{ id: string | null, version: number | null, kind: SubmissionKind, coversYear: number, dueDate: string, status: SubmissionStatus, late: boolean, submittedOn: string | null, submittedBy: string | null, documentReference: string | null, totalAmount: string | null, decidedOn: string | null, decidedBy: string | null, decisionComment: string | null, targets: { newClients: number, clientsWithImmigrantBackground: number, coursesHeld: number, counsellingHours: number, businessesStarted: number } | null, reportedFigures: { newClients: number, clientsWithImmigrantBackground: number, coursesHeld: number, counsellingHours: number, businessesStarted: number } | null, plannedTargets: { newClients: number, clientsWithImmigrantBackground: number, coursesHeld: number, counsellingHours: number, businessesStarted: number } | null }> | null, payments: Array<{ year: number, instalment: Instalment, dueDate: string, amount: string, status: PaymentStatus, paidOn: string | null }> | null, nextYearPayments: Array<{ year: number, instalment: Instalment, dueDate: string, amount: string, status: PaymentStatus, paidOn: string | null }> | null, statistics: { year: number, newClients: number | null, clientsWithImmigrantBackground: number | null, coursesHeld: number, counsellingHours: number | null, businessesStarted: number | null, suppressed: Array<string> } } | null };

export type SubmitMutationVariables = Exact<{
  input: SubmitInput;
}>;


export type SubmitMutation = { submit: { id: string | null, version: number | null, status: SubmissionStatus } };

export type ApproveSubmissionMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type ApproveSubmissionMutation = { approveSubmission: { id: string | null, version: number | null, status: SubmissionStatus } };

export type RejectSubmissionMutationVariables = Exact<{
  id: string | number;
  version: number;
  comment: string;
}>;


export type RejectSubmissionMutation = { rejectSubmission: { id: string | null, version: number | null, status: SubmissionStatus } };

export type WebsiteRequestListQueryVariables = Exact<{
  regionId?: string | number | null | undefined;
  status?: WebsiteRequestStatus | null | undefined;
  first: number;
  offset: number;
}>;


export type WebsiteRequestListQuery = { websiteRequests: { totalCount: number, hasNextPage: boolean, items: Array<{ id: string, reference: string, kind: WebsiteRequestKind, status: WebsiteRequestStatus, receivedAt: string, matchedExistingClient: boolean, message: string | null, pickedUpAt: string | null, version: number, client: { id: string, name: string, email: string | null, phone: string | null, municipality: { name: string }, region: { id: string, name: string } }, course: { id: string, title: string, startsOn: string } | null, pickedUpBy: { id: string, name: string } | null }> } };

export type PickUpWebsiteRequestMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type PickUpWebsiteRequestMutation = { pickUpWebsiteRequest: { id: string, status: WebsiteRequestStatus, version: number, pickedUpAt: string | null, pickedUpBy: { id: string, name: string } | null } };

export type AgreementYearsQueryVariables = Exact<{ [key: string]: never; }>;


export type AgreementYearsQuery = { agreementYears: Array<number> };

export type NotificationUnreadCountQueryVariables = Exact<{
  unreadOnly: boolean;
  first: number;
  offset: number;
}>;


export type NotificationUnreadCountQuery = { notifications: { totalCount: number, unreadCount: number } };

export type PendingWebsiteRequestCountQueryVariables = Exact<{
  status: WebsiteRequestStatus;
  first: number;
  offset: number;
}>;


export type PendingWebsiteRequestCountQuery = { websiteRequests: { totalCount: number } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AgreementAmendmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment AgreementAmendmentFields on Amendment {
  id
  decidedOn
  effectiveFrom
  description
  consentedBy
}
    `, {"fragmentName":"AgreementAmendmentFields"}) as unknown as TypedDocumentString<AgreementAmendmentFieldsFragment, unknown>;
export const AgreementNoticeFieldsFragmentDoc = new TypedDocumentString(`
    fragment AgreementNoticeFields on Notice {
  id
  organisationName
  givenOn
  effectiveOn
  reason
}
    `, {"fragmentName":"AgreementNoticeFields"}) as unknown as TypedDocumentString<AgreementNoticeFieldsFragment, unknown>;
export const CourseSummaryFragmentDoc = new TypedDocumentString(`
    fragment CourseSummary on Course {
  id
  kind
  title
  startsOn
  endsOn
  location
  online
  participantFee
  status
  seatsLeft
  waitlistCount
}
    `, {"fragmentName":"CourseSummary"}) as unknown as TypedDocumentString<CourseSummaryFragment, unknown>;
export const CourseFiguresFragmentDoc = new TypedDocumentString(`
    fragment CourseFigures on Course {
  ...CourseSummary
  capacity
  enrolledCount
}
    fragment CourseSummary on Course {
  id
  kind
  title
  startsOn
  endsOn
  location
  online
  participantFee
  status
  seatsLeft
  waitlistCount
}`, {"fragmentName":"CourseFigures"}) as unknown as TypedDocumentString<CourseFiguresFragment, unknown>;
export const ImpactFiguresFragmentDoc = new TypedDocumentString(`
    fragment ImpactFigures on RegionStatistics {
  year
  newClients
  clientsWithImmigrantBackground
  immigrantBackgroundShare
  clientsCounselled
  counsellingHours
  coursesHeld
  courseParticipants
  businessesStarted
  businessesStartedYearBefore
  stillActiveAfterOneYear
  businessesStartedTwoYearsBefore
  stillActiveAfterTwoYears
  businessesStartedThreeYearsBefore
  stillActiveAfterThreeYears
  clientsWithImpact
  jobsCreated
  jobsRetained
  capitalRaised
  capitalRaisedBySource {
    source
    amount
  }
  revenueReported
  suppressed
  suppressionReason
}
    `, {"fragmentName":"ImpactFigures"}) as unknown as TypedDocumentString<ImpactFiguresFragment, unknown>;
export const WebsiteReceiptFragmentDoc = new TypedDocumentString(`
    fragment WebsiteReceipt on WebsiteRequestReceipt {
  reference
  kind
  region {
    id
    name
    offices {
      name
      streetAddress
      postalCode
      postalTown
    }
  }
  course {
    id
    title
    startsOn
  }
}
    `, {"fragmentName":"WebsiteReceipt"}) as unknown as TypedDocumentString<WebsiteReceiptFragment, unknown>;
export const RoleAssignmentsDocument = new TypedDocumentString(`
    query RoleAssignments($includeEnded: Boolean!, $first: Int!, $offset: Int!) {
  roleAssignments(includeEnded: $includeEnded, first: $first, offset: $offset) {
    totalCount
    items {
      id
      email
      personName
      role
      organisation {
        id
        kind
        name
      }
      regionId
      municipalityNumber
      assignedAt
      assignedBy
      endedAt
      endedBy
      endReason
      lastSignInAt
    }
  }
}
    `) as unknown as TypedDocumentString<RoleAssignmentsQuery, RoleAssignmentsQueryVariables>;
export const AccessRegionsDocument = new TypedDocumentString(`
    query AccessRegions {
  regions {
    id
    name
    municipalities {
      number
      name
    }
  }
}
    `) as unknown as TypedDocumentString<AccessRegionsQuery, AccessRegionsQueryVariables>;
export const AssignRoleDocument = new TypedDocumentString(`
    mutation AssignRole($input: AssignRoleInput!) {
  assignRole(input: $input) {
    id
    email
    role
  }
}
    `) as unknown as TypedDocumentString<AssignRoleMutation, AssignRoleMutationVariables>;
export const EndRoleAssignmentDocument = new TypedDocumentString(`
    mutation EndRoleAssignment($input: EndRoleAssignmentInput!) {
  endRoleAssignment(input: $input) {
    id
    endedAt
  }
}
    `) as unknown as TypedDocumentString<EndRoleAssignmentMutation, EndRoleAssignmentMutationVariables>;
export const AgreementsListDocument = new TypedDocumentString(`
    query AgreementsList {
  agreements {
    id
    status
    validFrom
    validTo
    lastDay
    signedOn
    region {
      id
      name
    }
    awaitingSignatureFrom {
      id
      organisationName
    }
    renewedAs {
      id
      status
    }
  }
  regions {
    id
    name
    contractMunicipality {
      number
      name
    }
    municipalities {
      number
      name
    }
  }
}
    `) as unknown as TypedDocumentString<AgreementsListQuery, AgreementsListQueryVariables>;
export const AgreementDetailDocument = new TypedDocumentString(`
    query AgreementDetail($id: ID!) {
  agreement(id: $id) {
    id
    version
    status
    validFrom
    validTo
    originalValidTo
    lastDay
    signedOn
    populationDate
    populationSource
    region {
      id
      name
    }
    parties {
      id
      kind
      organisationId
      organisationName
      signs
      contributionShareBasisPoints
      municipality {
        number
      }
      signature {
        signedBy
        signedOn
        recordedBy
      }
    }
    partyHistory {
      id
      kind
      organisationName
      validFrom
      validTo
      succeeds {
        organisationName
      }
    }
    signatures {
      id
      signedBy
      signedOn
      party {
        organisationName
      }
    }
    awaitingSignatureFrom {
      id
      organisationName
    }
    supplementaryServices {
      id
      description
    }
    supplementaryServiceHistory {
      id
      description
      validFrom
      validTo
    }
    amendments {
      ...AgreementAmendmentFields
    }
    extensions {
      id
      decidedOn
      previousValidTo
      validTo
      lateReason
    }
    notices {
      ...AgreementNoticeFields
    }
    renewedFrom {
      id
    }
    renewedAs {
      id
      status
    }
  }
}
    fragment AgreementAmendmentFields on Amendment {
  id
  decidedOn
  effectiveFrom
  description
  consentedBy
}
fragment AgreementNoticeFields on Notice {
  id
  organisationName
  givenOn
  effectiveOn
  reason
}`) as unknown as TypedDocumentString<AgreementDetailQuery, AgreementDetailQueryVariables>;
export const CreateAgreementDocument = new TypedDocumentString(`
    mutation CreateAgreement($input: NewAgreementInput!) {
  createAgreement(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateAgreementMutation, CreateAgreementMutationVariables>;
export const RenewAgreementDocument = new TypedDocumentString(`
    mutation RenewAgreement($agreementId: ID!, $validTo: Date) {
  renewAgreement(agreementId: $agreementId, validTo: $validTo) {
    id
  }
}
    `) as unknown as TypedDocumentString<RenewAgreementMutation, RenewAgreementMutationVariables>;
export const SignAgreementDocument = new TypedDocumentString(`
    mutation SignAgreement($agreementId: ID!, $version: Int!, $partyId: ID!, $signedBy: String!, $signedOn: Date!) {
  signAgreement(
    agreementId: $agreementId
    version: $version
    partyId: $partyId
    signedBy: $signedBy
    signedOn: $signedOn
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SignAgreementMutation, SignAgreementMutationVariables>;
export const SetMunicipalSplitDocument = new TypedDocumentString(`
    mutation SetMunicipalSplit($agreementId: ID!, $version: Int!, $shares: [MunicipalSplitInput!]!) {
  setMunicipalSplit(agreementId: $agreementId, version: $version, shares: $shares) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetMunicipalSplitMutation, SetMunicipalSplitMutationVariables>;
export const SetSupplementaryServicesDocument = new TypedDocumentString(`
    mutation SetSupplementaryServices($agreementId: ID!, $version: Int!, $services: [String!]!, $from: Date) {
  setSupplementaryServices(
    agreementId: $agreementId
    version: $version
    services: $services
    from: $from
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetSupplementaryServicesMutation, SetSupplementaryServicesMutationVariables>;
export const AmendAgreementDocument = new TypedDocumentString(`
    mutation AmendAgreement($agreementId: ID!, $version: Int!, $input: AmendmentInput!) {
  amendAgreement(agreementId: $agreementId, version: $version, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AmendAgreementMutation, AmendAgreementMutationVariables>;
export const ExtendAgreementDocument = new TypedDocumentString(`
    mutation ExtendAgreement($agreementId: ID!, $version: Int!, $validTo: Date!, $decidedOn: Date!, $consentingPartyIds: [ID!]!, $lateReason: String) {
  extendAgreement(
    agreementId: $agreementId
    version: $version
    validTo: $validTo
    decidedOn: $decidedOn
    consentingPartyIds: $consentingPartyIds
    lateReason: $lateReason
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<ExtendAgreementMutation, ExtendAgreementMutationVariables>;
export const GiveNoticeDocument = new TypedDocumentString(`
    mutation GiveNotice($agreementId: ID!, $version: Int!, $input: NoticeInput!) {
  giveNotice(agreementId: $agreementId, version: $version, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<GiveNoticeMutation, GiveNoticeMutationVariables>;
export const ApiClientsDocument = new TypedDocumentString(`
    query ApiClients($includeRevoked: Boolean!) {
  apiClients(includeRevoked: $includeRevoked) {
    clientId
    name
    organisation {
      id
      kind
      name
    }
    scopes
    registeredAt
    registeredBy
    revokedAt
    revokedBy
    keys {
      kid
      algorithm
      addedAt
      addedBy
      revokedAt
      revokedBy
    }
  }
}
    `) as unknown as TypedDocumentString<ApiClientsQuery, ApiClientsQueryVariables>;
export const RegisterApiClientDocument = new TypedDocumentString(`
    mutation RegisterApiClient($input: RegisterApiClientInput!) {
  registerApiClient(input: $input) {
    clientId
  }
}
    `) as unknown as TypedDocumentString<RegisterApiClientMutation, RegisterApiClientMutationVariables>;
export const AddApiClientKeyDocument = new TypedDocumentString(`
    mutation AddApiClientKey($input: AddApiClientKeyInput!) {
  addApiClientKey(input: $input) {
    clientId
  }
}
    `) as unknown as TypedDocumentString<AddApiClientKeyMutation, AddApiClientKeyMutationVariables>;
export const RevokeApiClientKeyDocument = new TypedDocumentString(`
    mutation RevokeApiClientKey($input: RevokeApiClientKeyInput!) {
  revokeApiClientKey(input: $input) {
    clientId
  }
}
    `) as unknown as TypedDocumentString<RevokeApiClientKeyMutation, RevokeApiClientKeyMutationVariables>;
export const RevokeApiClientDocument = new TypedDocumentString(`
    mutation RevokeApiClient($input: RevokeApiClientInput!) {
  revokeApiClient(input: $input) {
    clientId
  }
}
    `) as unknown as TypedDocumentString<RevokeApiClientMutation, RevokeApiClientMutationVariables>;
export const AppointmentSlotListDocument = new TypedDocumentString(`
    query AppointmentSlotList($from: Date!, $to: Date!, $includeCancelled: Boolean!) {
  appointmentSlots(from: $from, to: $to, includeCancelled: $includeCancelled) {
    id
    startsAt
    endsAt
    durationMinutes
    form
    location
    cancelledAt
    version
    adviser {
      id
      name
    }
    office {
      id
      name
    }
    booking {
      id
      name
      email
      phone
      topic
      bookedAt
      websiteRequest {
        id
        reference
      }
      client {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AppointmentSlotListQuery, AppointmentSlotListQueryVariables>;
export const PublishAppointmentSlotsDocument = new TypedDocumentString(`
    mutation PublishAppointmentSlots($input: PublishAppointmentSlotsInput!) {
  publishAppointmentSlots(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PublishAppointmentSlotsMutation, PublishAppointmentSlotsMutationVariables>;
export const CancelAppointmentSlotDocument = new TypedDocumentString(`
    mutation CancelAppointmentSlot($id: ID!, $version: Int) {
  cancelAppointmentSlot(id: $id, version: $version) {
    id
    cancelledAt
    version
  }
}
    `) as unknown as TypedDocumentString<CancelAppointmentSlotMutation, CancelAppointmentSlotMutationVariables>;
export const BusinessAssessmentPageDocument = new TypedDocumentString(`
    query BusinessAssessmentPage($status: AssessmentStatus, $regionId: ID, $search: String, $first: Int!, $offset: Int!) {
  businessAssessmentPage(
    status: $status
    regionId: $regionId
    search: $search
    first: $first
    offset: $offset
  ) {
    items {
      id
      purpose
      requestedOn
      question
      status
      conclusion
      assessment
      fee
      deliveredOn
      version
      sharedClientData {
        name
      }
      navOffice {
        name
      }
      region {
        id
        name
      }
    }
    totalCount
    regions {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<BusinessAssessmentPageQuery, BusinessAssessmentPageQueryVariables>;
export const DeliverBusinessAssessmentDocument = new TypedDocumentString(`
    mutation DeliverBusinessAssessment($id: ID!, $version: Int!, $input: DeliverBusinessAssessmentInput!) {
  deliverBusinessAssessment(id: $id, version: $version, input: $input) {
    id
    version
    status
  }
}
    `) as unknown as TypedDocumentString<DeliverBusinessAssessmentMutation, DeliverBusinessAssessmentMutationVariables>;
export const SubmissionsAwaitingDecisionDocument = new TypedDocumentString(`
    query SubmissionsAwaitingDecision {
  regions {
    id
    name
    county {
      id
    }
    submissionsAwaitingDecision {
      id
      kind
      coversYear
      dueDate
      status
      submittedOn
    }
  }
}
    `) as unknown as TypedDocumentString<SubmissionsAwaitingDecisionQuery, SubmissionsAwaitingDecisionQueryVariables>;
export const ClientDetailDocument = new TypedDocumentString(`
    query ClientDetail($id: ID!, $year: Int!) {
  client(id: $id) {
    id
    name
    email
    phone
    birthYear
    immigrantBackground
    registeredOn
    municipality {
      number
      name
    }
    businessIdea
    gender
    industryCode
    growthPotential
    surveyConsent
    version
    erasedAt
    counsellingHours(year: $year) {
      year
      total
      free
      beyondFreeLimit
      freeLimit
    }
    businesses {
      id
      name
      organisationNumber
      registeredOn
    }
    milestones {
      kind
      reachedOn
    }
    enrolments {
      id
      status
      attended
      waitlistPosition
      course {
        id
        title
        startsOn
      }
    }
    possibleDuplicates {
      id
      name
    }
    followUps {
      id
      date
      note
      adviser {
        id
        name
      }
    }
    links {
      id
      kind
      name
      since
    }
    counsellingSessions {
      id
      date
      durationMinutes
      form
      topic
    }
    impactRecords {
      id
      kind
      recordedFor
    }
    referrals {
      id
      direction
      programme
      otherActor
      navOffice {
        id
        name
      }
      sentOn
      status
      statusChangedOn
      statusReason
    }
  }
}
    `) as unknown as TypedDocumentString<ClientDetailQuery, ClientDetailQueryVariables>;
export const ClientMunicipalitiesDocument = new TypedDocumentString(`
    query ClientMunicipalities($regionId: ID!) {
  region(id: $regionId) {
    id
    municipalities {
      number
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ClientMunicipalitiesQuery, ClientMunicipalitiesQueryVariables>;
export const RegisterClientDocument = new TypedDocumentString(`
    mutation RegisterClient($input: RegisterClientInput!) {
  registerClient(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RegisterClientMutation, RegisterClientMutationVariables>;
export const UpdateClientDocument = new TypedDocumentString(`
    mutation UpdateClient($id: ID!, $version: Int!, $input: UpdateClientInput!) {
  updateClient(id: $id, version: $version, input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateClientMutation, UpdateClientMutationVariables>;
export const ClientBusinessesDocument = new TypedDocumentString(`
    query ClientBusinesses($id: ID!) {
  client(id: $id) {
    id
    businesses {
      id
      name
      organisationNumber
      registeredOn
      legalForm
      industryCode
      registeredInRegisterOn
      deletedOn
      bankruptOn
      registerCheckedAt
      missingFromRegisterSince
      registerStatus
    }
  }
}
    `) as unknown as TypedDocumentString<ClientBusinessesQuery, ClientBusinessesQueryVariables>;
export const RegisterBusinessDocument = new TypedDocumentString(`
    mutation RegisterBusiness($input: RegisterBusinessInput!) {
  registerBusiness(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RegisterBusinessMutation, RegisterBusinessMutationVariables>;
export const ClientImpactDocument = new TypedDocumentString(`
    query ClientImpact($id: ID!) {
  client(id: $id) {
    id
    email
    impactRecords {
      id
      kind
      recordedFor
      fte
      amount
      capitalSource
      note
      recordedAt
      confirmedAt
      confirmedVia
      confirmationRequestedAt
      version
      adviser {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClientImpactQuery, ClientImpactQueryVariables>;
export const RecordImpactDocument = new TypedDocumentString(`
    mutation RecordImpact($input: RecordImpactInput!) {
  recordImpact(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordImpactMutation, RecordImpactMutationVariables>;
export const CorrectImpactDocument = new TypedDocumentString(`
    mutation CorrectImpact($id: ID!, $version: Int!, $input: CorrectImpactInput!) {
  correctImpact(id: $id, version: $version, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CorrectImpactMutation, CorrectImpactMutationVariables>;
export const DeleteImpactDocument = new TypedDocumentString(`
    mutation DeleteImpact($id: ID!) {
  deleteImpact(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteImpactMutation, DeleteImpactMutationVariables>;
export const RecordImpactConfirmationDocument = new TypedDocumentString(`
    mutation RecordImpactConfirmation($id: ID!, $via: ImpactConfirmationMethod!) {
  recordImpactConfirmation(id: $id, via: $via) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordImpactConfirmationMutation, RecordImpactConfirmationMutationVariables>;
export const RequestImpactConfirmationDocument = new TypedDocumentString(`
    mutation RequestImpactConfirmation($id: ID!) {
  requestImpactConfirmation(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<RequestImpactConfirmationMutation, RequestImpactConfirmationMutationVariables>;
export const ClientDataExportDocument = new TypedDocumentString(`
    query ClientDataExport($id: ID!) {
  clientDataExport(clientId: $id) {
    exportedAt
    exportedBy
    heldByRegions
    client {
      id
      erasedAt
      personalDataHeldByPartners
    }
  }
}
    `) as unknown as TypedDocumentString<ClientDataExportQuery, ClientDataExportQueryVariables>;
export const EraseClientDocument = new TypedDocumentString(`
    mutation EraseClient($id: ID!, $reason: ErasureReason!) {
  eraseClient(id: $id, reason: $reason) {
    id
    erasedAt
  }
  eraseClientReferrals(clientId: $id, reason: $reason) {
    referrals
    assessments
  }
}
    `) as unknown as TypedDocumentString<EraseClientMutation, EraseClientMutationVariables>;
export const RecordFollowUpDocument = new TypedDocumentString(`
    mutation RecordFollowUp($input: RecordFollowUpInput!) {
  recordFollowUp(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordFollowUpMutation, RecordFollowUpMutationVariables>;
export const RecordMilestoneDocument = new TypedDocumentString(`
    mutation RecordMilestone($clientId: ID!, $kind: MilestoneKind!, $reachedOn: Date!) {
  recordMilestone(clientId: $clientId, kind: $kind, reachedOn: $reachedOn) {
    kind
    reachedOn
  }
}
    `) as unknown as TypedDocumentString<RecordMilestoneMutation, RecordMilestoneMutationVariables>;
export const RecordSurveyResponseDocument = new TypedDocumentString(`
    mutation RecordSurveyResponse($input: RecordSurveyResponseInput!) {
  recordSurveyResponse(input: $input) {
    year
    responses
    averageScore
  }
}
    `) as unknown as TypedDocumentString<RecordSurveyResponseMutation, RecordSurveyResponseMutationVariables>;
export const AddClientLinkDocument = new TypedDocumentString(`
    mutation AddClientLink($input: AddClientLinkInput!) {
  addClientLink(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddClientLinkMutation, AddClientLinkMutationVariables>;
export const ClientSessionPageDocument = new TypedDocumentString(`
    query ClientSessionPage($id: ID!, $first: Int!, $offset: Int!) {
  client(id: $id) {
    id
    counsellingSessionPage(first: $first, offset: $offset) {
      totalCount
      hasNextPage
      items {
        id
        date
        durationMinutes
        preparationMinutes
        fundingSource
        form
        topic
        minutesBeyondFreeLimit
        adviser {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClientSessionPageQuery, ClientSessionPageQueryVariables>;
export const LogSessionWithDetailsDocument = new TypedDocumentString(`
    mutation LogSessionWithDetails($input: LogCounsellingSessionInput!) {
  logCounsellingSession(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<LogSessionWithDetailsMutation, LogSessionWithDetailsMutationVariables>;
export const ClientListDocument = new TypedDocumentString(`
    query ClientList($regionId: ID, $search: String, $immigrantBackground: ImmigrantBackground, $hasBusiness: Boolean, $registeredFrom: Date, $registeredTo: Date, $first: Int!, $offset: Int!) {
  clients(
    regionId: $regionId
    search: $search
    immigrantBackground: $immigrantBackground
    hasBusiness: $hasBusiness
    registeredFrom: $registeredFrom
    registeredTo: $registeredTo
    first: $first
    offset: $offset
  ) {
    items {
      id
      name
      erasedAt
      registeredOn
      immigrantBackground
      municipality {
        number
        name
      }
      region {
        id
        name
      }
      businesses {
        id
      }
    }
    totalCount
    hasNextPage
  }
}
    `) as unknown as TypedDocumentString<ClientListQuery, ClientListQueryVariables>;
export const ClientRegionOptionsDocument = new TypedDocumentString(`
    query ClientRegionOptions {
  regions {
    id
    name
    county {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ClientRegionOptionsQuery, ClientRegionOptionsQueryVariables>;
export const CourseDetailDocument = new TypedDocumentString(`
    query CourseDetail($id: ID!) {
  course(id: $id) {
    ...CourseFigures
    partnerInstructor
    version
    region {
      id
      name
    }
    instructors {
      id
      name
    }
    enrolments {
      id
      status
      enrolledAt
      attended
      waitlistPosition
      client {
        id
        name
      }
    }
  }
}
    fragment CourseSummary on Course {
  id
  kind
  title
  startsOn
  endsOn
  location
  online
  participantFee
  status
  seatsLeft
  waitlistCount
}
fragment CourseFigures on Course {
  ...CourseSummary
  capacity
  enrolledCount
}`) as unknown as TypedDocumentString<CourseDetailQuery, CourseDetailQueryVariables>;
export const CancelEnrolmentDocument = new TypedDocumentString(`
    mutation CancelEnrolment($enrolmentId: ID!) {
  cancelEnrolment(enrolmentId: $enrolmentId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelEnrolmentMutation, CancelEnrolmentMutationVariables>;
export const RecordAttendanceDocument = new TypedDocumentString(`
    mutation RecordAttendance($courseId: ID!, $attendedClientIds: [ID!]!) {
  recordAttendance(courseId: $courseId, attendedClientIds: $attendedClientIds) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RecordAttendanceMutation, RecordAttendanceMutationVariables>;
export const CancelCourseDocument = new TypedDocumentString(`
    mutation CancelCourse($courseId: ID!, $version: Int!) {
  cancelCourse(courseId: $courseId, version: $version) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<CancelCourseMutation, CancelCourseMutationVariables>;
export const OpenCoursesDocument = new TypedDocumentString(`
    query OpenCourses($regionId: ID!, $year: Int!, $nextYear: Int!) {
  region(id: $regionId) {
    id
    thisYear: courses(year: $year) {
      ...CourseSummary
    }
    nextYear: courses(year: $nextYear) {
      ...CourseSummary
    }
  }
}
    fragment CourseSummary on Course {
  id
  kind
  title
  startsOn
  endsOn
  location
  online
  participantFee
  status
  seatsLeft
  waitlistCount
}`) as unknown as TypedDocumentString<OpenCoursesQuery, OpenCoursesQueryVariables>;
export const EnrolClientDocument = new TypedDocumentString(`
    mutation EnrolClient($courseId: ID!, $clientId: ID!) {
  enrolClient(courseId: $courseId, clientId: $clientId) {
    id
    status
    waitlistPosition
    course {
      id
      title
    }
  }
}
    `) as unknown as TypedDocumentString<EnrolClientMutation, EnrolClientMutationVariables>;
export const CourseRegionsDocument = new TypedDocumentString(`
    query CourseRegions {
  regions {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CourseRegionsQuery, CourseRegionsQueryVariables>;
export const CourseCalendarDocument = new TypedDocumentString(`
    query CourseCalendar($regionId: ID!, $year: Int!, $kind: CourseKind) {
  region(id: $regionId) {
    id
    name
    courses(year: $year, kind: $kind) {
      ...CourseFigures
    }
  }
}
    fragment CourseSummary on Course {
  id
  kind
  title
  startsOn
  endsOn
  location
  online
  participantFee
  status
  seatsLeft
  waitlistCount
}
fragment CourseFigures on Course {
  ...CourseSummary
  capacity
  enrolledCount
}`) as unknown as TypedDocumentString<CourseCalendarQuery, CourseCalendarQueryVariables>;
export const CourseAdvisersDocument = new TypedDocumentString(`
    query CourseAdvisers($regionId: ID!) {
  region(id: $regionId) {
    id
    advisers {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CourseAdvisersQuery, CourseAdvisersQueryVariables>;
export const CreateCourseDocument = new TypedDocumentString(`
    mutation CreateCourse($input: CreateCourseInput!) {
  createCourse(input: $input) {
    id
    startsOn
  }
}
    `) as unknown as TypedDocumentString<CreateCourseMutation, CreateCourseMutationVariables>;
export const EvaluationsDocument = new TypedDocumentString(`
    query Evaluations {
  evaluations {
    id
    title
    periodFrom
    periodTo
    author
    findings
    documentReference
    publishedOn
  }
}
    `) as unknown as TypedDocumentString<EvaluationsQuery, EvaluationsQueryVariables>;
export const RecordEvaluationDocument = new TypedDocumentString(`
    mutation RecordEvaluation($input: EvaluationInput!) {
  recordEvaluation(input: $input) {
    id
    title
    publishedOn
  }
}
    `) as unknown as TypedDocumentString<RecordEvaluationMutation, RecordEvaluationMutationVariables>;
export const FundingWorkflowDocument = new TypedDocumentString(`
    query FundingWorkflow($regionId: ID!, $year: Int!, $previousYear: Int!) {
  region(id: $regionId) {
    id
    name
    county {
      id
      name
    }
    funding(year: $year) {
      year
      agreement {
        id
        validFrom
        validTo
      }
      inhabitants
      countyRate
      municipalRate
      countyFrame
      countyAmount
      municipalAmount
      total
      municipalShares {
        municipality {
          number
          name
        }
        inhabitants
        frame
        amount
      }
      budgetDecisionHistory {
        id
        payer
        grantedAmount
        decidedOn
        reference
        inForce
        recordedBy
        supersedes {
          id
          reference
        }
        supersededBy {
          id
          reference
        }
      }
    }
    payments(year: $year) {
      year
      instalment
      dueDate
      amount
      status
      blocked
      payer
      paidOn
      reference
      recordedBy
      recordedOn
      confirmedBy
      confirmedOn
      shares {
        county {
          id
          name
        }
        amount
        status
        paidOn
        reference
        recordedBy
        recordedOn
        confirmedBy
        confirmedOn
      }
    }
    plansForYear: submissions(year: $previousYear) {
      id
      kind
      coversYear
      status
    }
  }
}
    `) as unknown as TypedDocumentString<FundingWorkflowQuery, FundingWorkflowQueryVariables>;
export const RecordPaymentDocument = new TypedDocumentString(`
    mutation RecordPayment($regionId: ID!, $year: Int!, $instalment: Instalment!, $paidOn: Date!, $reference: String!, $payerId: ID) {
  recordPayment(
    regionId: $regionId
    year: $year
    instalment: $instalment
    paidOn: $paidOn
    reference: $reference
    payerId: $payerId
  ) {
    instalment
    status
  }
}
    `) as unknown as TypedDocumentString<RecordPaymentMutation, RecordPaymentMutationVariables>;
export const ConfirmPaymentDocument = new TypedDocumentString(`
    mutation ConfirmPayment($regionId: ID!, $year: Int!, $instalment: Instalment!, $reference: String!, $payerId: ID) {
  confirmPayment(
    regionId: $regionId
    year: $year
    instalment: $instalment
    reference: $reference
    payerId: $payerId
  ) {
    instalment
    status
  }
}
    `) as unknown as TypedDocumentString<ConfirmPaymentMutation, ConfirmPaymentMutationVariables>;
export const RecordBudgetDecisionDocument = new TypedDocumentString(`
    mutation RecordBudgetDecision($agreementId: ID!, $input: BudgetDecisionInput!) {
  recordBudgetDecision(agreementId: $agreementId, input: $input) {
    year
    countyAmount
  }
}
    `) as unknown as TypedDocumentString<RecordBudgetDecisionMutation, RecordBudgetDecisionMutationVariables>;
export const GatheringsOfYearDocument = new TypedDocumentString(`
    query GatheringsOfYear($year: Int!) {
  gatherings(year: $year) {
    id
    title
    date
    location
    online
    organisers
    programme
    description
    attendeeCount
    invitedRegions {
      id
      name
    }
    registrations {
      adviserId
      adviser {
        id
        name
      }
      region {
        id
        name
      }
      registeredAt
      attended
    }
  }
  gatheringYear(year: $year) {
    year
    count
    minimum
    meetsMinimum
    regionsWithoutAttendance {
      id
      name
    }
    advisersWithoutAttendance {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<GatheringsOfYearQuery, GatheringsOfYearQueryVariables>;
export const RegionAdvisersDocument = new TypedDocumentString(`
    query RegionAdvisers($regionId: ID!) {
  region(id: $regionId) {
    id
    advisers {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RegionAdvisersQuery, RegionAdvisersQueryVariables>;
export const CreateGatheringDocument = new TypedDocumentString(`
    mutation CreateGathering($input: CreateGatheringInput!) {
  createGathering(input: $input) {
    id
    title
    date
  }
}
    `) as unknown as TypedDocumentString<CreateGatheringMutation, CreateGatheringMutationVariables>;
export const RegisterForGatheringDocument = new TypedDocumentString(`
    mutation RegisterForGathering($gatheringId: ID!, $adviserId: ID!) {
  registerForGathering(gatheringId: $gatheringId, adviserId: $adviserId) {
    id
  }
}
    `) as unknown as TypedDocumentString<RegisterForGatheringMutation, RegisterForGatheringMutationVariables>;
export const UnregisterFromGatheringDocument = new TypedDocumentString(`
    mutation UnregisterFromGathering($gatheringId: ID!, $adviserId: ID!) {
  unregisterFromGathering(gatheringId: $gatheringId, adviserId: $adviserId) {
    id
  }
}
    `) as unknown as TypedDocumentString<UnregisterFromGatheringMutation, UnregisterFromGatheringMutationVariables>;
export const RecordGatheringAttendanceDocument = new TypedDocumentString(`
    mutation RecordGatheringAttendance($gatheringId: ID!, $attendedAdviserIds: [ID!]!) {
  recordGatheringAttendance(
    gatheringId: $gatheringId
    attendedAdviserIds: $attendedAdviserIds
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordGatheringAttendanceMutation, RecordGatheringAttendanceMutationVariables>;
export const GroupsHistoryDocument = new TypedDocumentString(`
    query GroupsHistory {
  coordinationGroupHistory {
    id
    name
    organisationId
    organisationName
    role
    validFrom
    validTo
  }
  professionalGroupHistory {
    id
    name
    organisationId
    organisationName
    region {
      id
      name
    }
    role
    validFrom
    validTo
  }
  regions {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<GroupsHistoryQuery, GroupsHistoryQueryVariables>;
export const AddCoordinationMemberDocument = new TypedDocumentString(`
    mutation AddCoordinationMember($input: CoordinationMemberInput!) {
  addCoordinationMember(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddCoordinationMemberMutation, AddCoordinationMemberMutationVariables>;
export const EndCoordinationMembershipDocument = new TypedDocumentString(`
    mutation EndCoordinationMembership($id: ID!, $validTo: Date!) {
  endCoordinationMembership(id: $id, validTo: $validTo) {
    id
    validTo
  }
}
    `) as unknown as TypedDocumentString<EndCoordinationMembershipMutation, EndCoordinationMembershipMutationVariables>;
export const ChangeCoordinationMemberRoleDocument = new TypedDocumentString(`
    mutation ChangeCoordinationMemberRole($id: ID!, $role: String, $from: Date!) {
  changeCoordinationMemberRole(id: $id, role: $role, from: $from) {
    id
  }
}
    `) as unknown as TypedDocumentString<ChangeCoordinationMemberRoleMutation, ChangeCoordinationMemberRoleMutationVariables>;
export const AddProfessionalGroupMemberDocument = new TypedDocumentString(`
    mutation AddProfessionalGroupMember($input: ProfessionalGroupMemberInput!) {
  addProfessionalGroupMember(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddProfessionalGroupMemberMutation, AddProfessionalGroupMemberMutationVariables>;
export const EndProfessionalGroupMembershipDocument = new TypedDocumentString(`
    mutation EndProfessionalGroupMembership($id: ID!, $validTo: Date!) {
  endProfessionalGroupMembership(id: $id, validTo: $validTo) {
    id
    validTo
  }
}
    `) as unknown as TypedDocumentString<EndProfessionalGroupMembershipMutation, EndProfessionalGroupMembershipMutationVariables>;
export const ImpactReportRegionDocument = new TypedDocumentString(`
    query ImpactReportRegion($id: ID!, $year: Int!) {
  region(id: $id) {
    id
    name
    statistics(year: $year) {
      ...ImpactFigures
    }
  }
}
    fragment ImpactFigures on RegionStatistics {
  year
  newClients
  clientsWithImmigrantBackground
  immigrantBackgroundShare
  clientsCounselled
  counsellingHours
  coursesHeld
  courseParticipants
  businessesStarted
  businessesStartedYearBefore
  stillActiveAfterOneYear
  businessesStartedTwoYearsBefore
  stillActiveAfterTwoYears
  businessesStartedThreeYearsBefore
  stillActiveAfterThreeYears
  clientsWithImpact
  jobsCreated
  jobsRetained
  capitalRaised
  capitalRaisedBySource {
    source
    amount
  }
  revenueReported
  suppressed
  suppressionReason
}`) as unknown as TypedDocumentString<ImpactReportRegionQuery, ImpactReportRegionQueryVariables>;
export const ImpactReportCountyDocument = new TypedDocumentString(`
    query ImpactReportCounty($year: Int!, $countyId: ID) {
  countyStatistics(year: $year, countyId: $countyId) {
    ...ImpactFigures
  }
}
    fragment ImpactFigures on RegionStatistics {
  year
  newClients
  clientsWithImmigrantBackground
  immigrantBackgroundShare
  clientsCounselled
  counsellingHours
  coursesHeld
  courseParticipants
  businessesStarted
  businessesStartedYearBefore
  stillActiveAfterOneYear
  businessesStartedTwoYearsBefore
  stillActiveAfterTwoYears
  businessesStartedThreeYearsBefore
  stillActiveAfterThreeYears
  clientsWithImpact
  jobsCreated
  jobsRetained
  capitalRaised
  capitalRaisedBySource {
    source
    amount
  }
  revenueReported
  suppressed
  suppressionReason
}`) as unknown as TypedDocumentString<ImpactReportCountyQuery, ImpactReportCountyQueryVariables>;
export const ImpactReportTargetsDocument = new TypedDocumentString(`
    query ImpactReportTargets($id: ID!, $planYear: Int!) {
  region(id: $id) {
    id
    submissions(year: $planYear) {
      kind
      coversYear
      status
      targets {
        newClients
        clientsWithImmigrantBackground
        coursesHeld
        counsellingHours
        businessesStarted
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImpactReportTargetsQuery, ImpactReportTargetsQueryVariables>;
export const MeetingsOfYearDocument = new TypedDocumentString(`
    query MeetingsOfYear($year: Int!, $groupOn: Date!) {
  meetings(year: $year) {
    id
    version
    kind
    date
    region {
      id
      name
    }
    calledBy
    participants
    agenda
    minutes
    decisions
    requestedOn
    daysFromRequest
    heldPromptly
    attendance {
      presentMembers {
        id
        name
        organisationName
      }
      absentMembers {
        id
        name
        organisationName
      }
      presentNonMembers
    }
  }
  dueMeetings(year: $year) {
    kind
    region {
      id
      name
    }
    dueBy
    overdue
    heldAs {
      id
      date
    }
    conflictRequest {
      id
      requestedOn
      calledBy
      subject
    }
  }
  coordinationGroup(on: $groupOn) {
    id
    name
    organisationName
    role
  }
  professionalGroup(on: $groupOn) {
    id
    name
    organisationName
    role
  }
  conflictMeetingTargetDays
  regions {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<MeetingsOfYearQuery, MeetingsOfYearQueryVariables>;
export const RecordMeetingDocument = new TypedDocumentString(`
    mutation RecordMeeting($input: MeetingInput!) {
  recordMeeting(input: $input) {
    id
    version
    date
  }
}
    `) as unknown as TypedDocumentString<RecordMeetingMutation, RecordMeetingMutationVariables>;
export const UpdateMeetingDocument = new TypedDocumentString(`
    mutation UpdateMeeting($id: ID!, $version: Int!, $input: MeetingInput!) {
  updateMeeting(id: $id, version: $version, input: $input) {
    id
    version
    date
  }
}
    `) as unknown as TypedDocumentString<UpdateMeetingMutation, UpdateMeetingMutationVariables>;
export const RequestConflictMeetingDocument = new TypedDocumentString(`
    mutation RequestConflictMeeting($input: ConflictMeetingRequestInput!) {
  requestConflictMeeting(input: $input) {
    id
    dueBy
  }
}
    `) as unknown as TypedDocumentString<RequestConflictMeetingMutation, RequestConflictMeetingMutationVariables>;
export const NetworkEventRegionsDocument = new TypedDocumentString(`
    query NetworkEventRegions {
  regions {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<NetworkEventRegionsQuery, NetworkEventRegionsQueryVariables>;
export const RegionNetworkEventsDocument = new TypedDocumentString(`
    query RegionNetworkEvents($regionId: ID!, $year: Int!) {
  region(id: $regionId) {
    id
    name
    networkEvents(year: $year) {
      id
      title
      date
      participantCount
    }
  }
}
    `) as unknown as TypedDocumentString<RegionNetworkEventsQuery, RegionNetworkEventsQueryVariables>;
export const CreateNetworkEventDocument = new TypedDocumentString(`
    mutation CreateNetworkEvent($input: CreateNetworkEventInput!) {
  createNetworkEvent(input: $input) {
    id
    title
    date
    participantCount
  }
}
    `) as unknown as TypedDocumentString<CreateNetworkEventMutation, CreateNetworkEventMutationVariables>;
export const NotificationListDocument = new TypedDocumentString(`
    query NotificationList($unreadOnly: Boolean!, $first: Int!, $offset: Int!) {
  notifications(unreadOnly: $unreadOnly, first: $first, offset: $offset) {
    totalCount
    unreadCount
    hasNextPage
    items {
      id
      kind
      title
      body
      link
      createdAt
      read
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationListQuery, NotificationListQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]!) {
  markNotificationsRead(ids: $ids) {
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const MarkAllNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkAllNotificationsRead {
  markAllNotificationsRead {
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const NotificationPreferencesDocument = new TypedDocumentString(`
    query NotificationPreferences {
  notificationPreferences {
    kind
    console
    email
  }
}
    `) as unknown as TypedDocumentString<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>;
export const SetNotificationPreferenceDocument = new TypedDocumentString(`
    mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {
  setNotificationPreference(input: $input) {
    kind
    console
    email
  }
}
    `) as unknown as TypedDocumentString<SetNotificationPreferenceMutation, SetNotificationPreferenceMutationVariables>;
export const CoordinationOverviewDocument = new TypedDocumentString(`
    query CoordinationOverview($year: Int!) {
  regions {
    id
    name
    county {
      id
      name
    }
    contractMunicipality {
      number
      name
      numbers {
        number
        validFrom
        validTo
      }
    }
    municipalities {
      number
      name
      population
    }
    agreement {
      id
      status
      validFrom
      validTo
    }
    funding(year: $year) {
      countyAmount
      municipalAmount
      total
      countyPayers {
        county {
          id
          name
        }
        amount
      }
    }
    payments(year: $year) {
      instalment
      dueDate
      amount
      status
      shares {
        county {
          id
          name
        }
        amount
        status
      }
    }
    submissions(year: $year) {
      kind
      coversYear
      dueDate
      status
      late
    }
    statistics(year: $year) {
      newClients
      clientsWithImmigrantBackground
      immigrantBackgroundShare
      counsellingHours
      coursesHeld
      courseParticipants
      businessesStarted
      suppressed
    }
    referrals(year: $year) {
      toInnovasjonNorge
      toNav
      fromNav
      suppressed
    }
  }
  gatherings(year: $year) {
    id
    title
    date
    attendeeCount
  }
}
    `) as unknown as TypedDocumentString<CoordinationOverviewQuery, CoordinationOverviewQueryVariables>;
export const PopulationFiguresDocument = new TypedDocumentString(`
    query PopulationFigures {
  municipalities {
    number
    name
    region {
      id
      name
    }
    populationFigure {
      date
      population
      source
      sourceTable
      sourceUpdatedAt
      importedBy
      recordedAt
    }
  }
}
    `) as unknown as TypedDocumentString<PopulationFiguresQuery, PopulationFiguresQueryVariables>;
export const ImportPopulationFiguresDocument = new TypedDocumentString(`
    mutation ImportPopulationFigures($input: ImportPopulationFiguresInput!) {
  importPopulationFigures(input: $input) {
    applied
    table
    sourceUpdatedAt
    figureCount
    dates {
      date
      figureCount
    }
    figures {
      municipalityNumber
      regionCode
      date
      population
      previousPopulation
      previousSource
    }
    skipped {
      regionCode
      label
      period
      reason
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ImportPopulationFiguresMutation, ImportPopulationFiguresMutationVariables>;
export const AvailableAppointmentSlotsDocument = new TypedDocumentString(`
    query AvailableAppointmentSlots($regionId: ID!, $from: Date!, $to: Date!) {
  availableAppointmentSlots(regionId: $regionId, from: $from, to: $to) {
    id
    startsAt
    endsAt
    durationMinutes
    form
    location
    adviserName
    office {
      name
      streetAddress
      postalTown
    }
  }
}
    `) as unknown as TypedDocumentString<AvailableAppointmentSlotsQuery, AvailableAppointmentSlotsQueryVariables>;
export const BookAppointmentDocument = new TypedDocumentString(`
    mutation BookAppointment($input: AppointmentBookingInput!) {
  bookAppointment(input: $input) {
    reference
    region {
      id
      name
    }
    slot {
      id
      startsAt
      durationMinutes
      form
      adviserName
    }
  }
}
    `) as unknown as TypedDocumentString<BookAppointmentMutation, BookAppointmentMutationVariables>;
export const PublicCalendarDocument = new TypedDocumentString(`
    query PublicCalendar($filter: PublicCourseFilter!, $first: Int!, $offset: Int!, $withCourses: Boolean!, $withPartnerCourses: Boolean!, $from: Date, $to: Date, $online: Boolean) {
  publicCourses(filter: $filter, first: $first, offset: $offset) @include(if: $withCourses) {
    items {
      id
      region {
        id
        name
      }
      kind
      title
      startsOn
      endsOn
      location
      online
      participantFee
      seatsLeft
    }
    totalCount
    hasNextPage
  }
  publicPartnerCourses(from: $from, to: $to, online: $online) @include(if: $withPartnerCourses) {
    id
    kind
    title
    date
    online
    location
    description
  }
}
    `) as unknown as TypedDocumentString<PublicCalendarQuery, PublicCalendarQueryVariables>;
export const PublicCourseDocument = new TypedDocumentString(`
    query PublicCourse($id: ID!) {
  publicCourse(id: $id) {
    id
    region {
      id
      name
    }
    kind
    title
    startsOn
    endsOn
    location
    online
    participantFee
    seatsLeft
  }
}
    `) as unknown as TypedDocumentString<PublicCourseQuery, PublicCourseQueryVariables>;
export const PublicLinkDocument = new TypedDocumentString(`
    query PublicLink($token: String!) {
  publicLink(token: $token) {
    kind
    title
    valid
  }
}
    `) as unknown as TypedDocumentString<PublicLinkQuery, PublicLinkQueryVariables>;
export const AnswerSurveyDocument = new TypedDocumentString(`
    mutation AnswerSurvey($input: SurveyAnswerInput!) {
  answerSurvey(input: $input)
}
    `) as unknown as TypedDocumentString<AnswerSurveyMutation, AnswerSurveyMutationVariables>;
export const UnsubscribeFromSurveysDocument = new TypedDocumentString(`
    mutation UnsubscribeFromSurveys($token: String!) {
  unsubscribeFromSurveys(token: $token)
}
    `) as unknown as TypedDocumentString<UnsubscribeFromSurveysMutation, UnsubscribeFromSurveysMutationVariables>;
export const CancelWebsiteRequestDocument = new TypedDocumentString(`
    mutation CancelWebsiteRequest($token: String!) {
  cancelWebsiteRequest(token: $token)
}
    `) as unknown as TypedDocumentString<CancelWebsiteRequestMutation, CancelWebsiteRequestMutationVariables>;
export const ConfirmImpactDocument = new TypedDocumentString(`
    mutation ConfirmImpact($token: String!) {
  confirmImpact(token: $token)
}
    `) as unknown as TypedDocumentString<ConfirmImpactMutation, ConfirmImpactMutationVariables>;
export const SignUpForCourseDocument = new TypedDocumentString(`
    mutation SignUpForCourse($input: CourseSignUpInput!) {
  signUpForCourse(input: $input) {
    ...WebsiteReceipt
  }
}
    fragment WebsiteReceipt on WebsiteRequestReceipt {
  reference
  kind
  region {
    id
    name
    offices {
      name
      streetAddress
      postalCode
      postalTown
    }
  }
  course {
    id
    title
    startsOn
  }
}`) as unknown as TypedDocumentString<SignUpForCourseMutation, SignUpForCourseMutationVariables>;
export const RequestCounsellingDocument = new TypedDocumentString(`
    mutation RequestCounselling($input: CounsellingRequestInput!) {
  requestCounselling(input: $input) {
    ...WebsiteReceipt
  }
}
    fragment WebsiteReceipt on WebsiteRequestReceipt {
  reference
  kind
  region {
    id
    name
    offices {
      name
      streetAddress
      postalCode
      postalTown
    }
  }
  course {
    id
    title
    startsOn
  }
}`) as unknown as TypedDocumentString<RequestCounsellingMutation, RequestCounsellingMutationVariables>;
export const PublicDirectoryDocument = new TypedDocumentString(`
    query PublicDirectory {
  publicRegions {
    id
    name
    contractMunicipality {
      number
      name
    }
    municipalities {
      number
      name
    }
    operatorName
    offices {
      name
      streetAddress
      postalCode
      postalTown
      municipalityName
      coLocatedWith
    }
    advisers {
      name
      email
      phone
    }
    freeCounsellingHoursPerClientYear
    services {
      kind
      description
    }
  }
  publicMunicipalities {
    number
    name
    region {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PublicDirectoryQuery, PublicDirectoryQueryVariables>;
export const PublicResponsiblePartiesDocument = new TypedDocumentString(`
    query PublicResponsibleParties {
  publicResponsibleParties {
    kind
    name
    regionIds
  }
}
    `) as unknown as TypedDocumentString<PublicResponsiblePartiesQuery, PublicResponsiblePartiesQueryVariables>;
export const ReferralFormOptionsDocument = new TypedDocumentString(`
    query ReferralFormOptions {
  referralProgrammes {
    programme
    direction
  }
  municipalities {
    number
    name
  }
  navOffices {
    id
    name
    municipalityNumbers
  }
}
    `) as unknown as TypedDocumentString<ReferralFormOptionsQuery, ReferralFormOptionsQueryVariables>;
export const SendReferralDocument = new TypedDocumentString(`
    mutation SendReferral($input: SendReferralInput!) {
  sendReferral(input: $input) {
    id
    direction
    programme
    otherActor
    navOffice {
      id
      name
    }
    status
    sentOn
  }
}
    `) as unknown as TypedDocumentString<SendReferralMutation, SendReferralMutationVariables>;
export const ReferralInboxDocument = new TypedDocumentString(`
    query ReferralInbox($first: Int!, $offset: Int!, $status: ReferralStatus, $direction: ReferralDirection) {
  referrals(
    first: $first
    offset: $offset
    status: $status
    direction: $direction
  ) {
    totalCount
    hasNextPage
    items {
      id
      direction
      programme
      otherActor
      navOffice {
        name
      }
      status
      statusChangedOn
      statusReason
      version
      sentOn
      consentGivenOn
      note
      sharedClientData {
        name
        email
        phone
      }
      region {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReferralInboxQuery, ReferralInboxQueryVariables>;
export const ChangeReferralStatusDocument = new TypedDocumentString(`
    mutation ChangeReferralStatus($id: ID!, $version: Int!, $status: ReferralStatus!, $reason: String) {
  changeReferralStatus(
    id: $id
    version: $version
    status: $status
    reason: $reason
  ) {
    id
    version
    status
    statusChangedOn
    statusReason
  }
}
    `) as unknown as TypedDocumentString<ChangeReferralStatusMutation, ChangeReferralStatusMutationVariables>;
export const RegionPageDocument = new TypedDocumentString(`
    query RegionPage($id: ID!, $year: Int!) {
  region(id: $id) {
    id
    name
    contractMunicipality {
      number
      name
    }
    municipalities {
      number
      name
      population
      populationSource
      populationFigure {
        date
        source
        sourceTable
        sourceUpdatedAt
        importedBy
        recordedAt
      }
    }
    operator {
      id
      name
      organisationNumber
      runByContractMunicipality
    }
    advisers {
      id
      name
      email
      phone
    }
    offices {
      id
      name
      streetAddress
      postalCode
      postalTown
      coLocatedWith
    }
    agreement {
      id
      status
      validFrom
      validTo
      originalValidTo
      signedOn
      partyHistory {
        id
        kind
        organisationName
        validFrom
        validTo
        succeeds {
          id
          organisationName
        }
      }
      amendments {
        ...AgreementAmendmentFields
      }
      extensions {
        id
        decidedOn
        previousValidTo
        validTo
      }
      notices {
        ...AgreementNoticeFields
      }
    }
    funding(year: $year) {
      year
      countyAmount
      municipalAmount
      total
      municipalShares {
        municipality {
          number
        }
        inhabitants
        amount
      }
    }
    payments(year: $year) {
      instalment
      dueDate
      amount
      status
      paidOn
    }
    submissions(year: $year) {
      kind
      coversYear
      dueDate
      status
      late
      submittedOn
    }
  }
}
    fragment AgreementAmendmentFields on Amendment {
  id
  decidedOn
  effectiveFrom
  description
  consentedBy
}
fragment AgreementNoticeFields on Notice {
  id
  organisationName
  givenOn
  effectiveOn
  reason
}`) as unknown as TypedDocumentString<RegionPageQuery, RegionPageQueryVariables>;
export const RegionKeyFiguresDocument = new TypedDocumentString(`
    query RegionKeyFigures($id: ID!, $year: Int!) {
  region(id: $id) {
    id
    statistics(year: $year) {
      year
      newClients
      clientsWithImmigrantBackground
      immigrantBackgroundShare
      counsellingHours
      coursesHeld
      courseParticipants
      businessesStarted
      suppressed
      suppressionReason
    }
  }
}
    `) as unknown as TypedDocumentString<RegionKeyFiguresQuery, RegionKeyFiguresQueryVariables>;
export const RegionsOverviewDocument = new TypedDocumentString(`
    query RegionsOverview {
  regions {
    id
    name
    contractMunicipality {
      number
      name
    }
    municipalities {
      number
      name
      population
      populationSource
    }
  }
}
    `) as unknown as TypedDocumentString<RegionsOverviewQuery, RegionsOverviewQueryVariables>;
export const SubmissionsWorkflowDocument = new TypedDocumentString(`
    query SubmissionsWorkflow($regionId: ID!, $year: Int!, $previousYear: Int!, $nextYear: Int!) {
  region(id: $regionId) {
    id
    name
    county {
      id
      name
    }
    submissions(year: $year) {
      id
      version
      kind
      coversYear
      dueDate
      status
      late
      submittedOn
      submittedBy
      documentReference
      totalAmount
      targets {
        newClients
        clientsWithImmigrantBackground
        coursesHeld
        counsellingHours
        businessesStarted
      }
      reportedFigures {
        newClients
        clientsWithImmigrantBackground
        coursesHeld
        counsellingHours
        businessesStarted
      }
      plannedTargets {
        newClients
        clientsWithImmigrantBackground
        coursesHeld
        counsellingHours
        businessesStarted
      }
      decidedOn
      decidedBy
      decisionComment
    }
    payments(year: $year) {
      year
      instalment
      dueDate
      amount
      status
      paidOn
    }
    nextYearPayments: payments(year: $nextYear) {
      year
      instalment
      dueDate
      amount
      status
      paidOn
    }
    statistics(year: $previousYear) {
      year
      newClients
      clientsWithImmigrantBackground
      coursesHeld
      counsellingHours
      businessesStarted
      suppressed
    }
  }
}
    `) as unknown as TypedDocumentString<SubmissionsWorkflowQuery, SubmissionsWorkflowQueryVariables>;
export const SubmitDocument = new TypedDocumentString(`
    mutation Submit($input: SubmitInput!) {
  submit(input: $input) {
    id
    version
    status
  }
}
    `) as unknown as TypedDocumentString<SubmitMutation, SubmitMutationVariables>;
export const ApproveSubmissionDocument = new TypedDocumentString(`
    mutation ApproveSubmission($id: ID!, $version: Int!) {
  approveSubmission(id: $id, version: $version) {
    id
    version
    status
  }
}
    `) as unknown as TypedDocumentString<ApproveSubmissionMutation, ApproveSubmissionMutationVariables>;
export const RejectSubmissionDocument = new TypedDocumentString(`
    mutation RejectSubmission($id: ID!, $version: Int!, $comment: String!) {
  rejectSubmission(id: $id, version: $version, comment: $comment) {
    id
    version
    status
  }
}
    `) as unknown as TypedDocumentString<RejectSubmissionMutation, RejectSubmissionMutationVariables>;
export const WebsiteRequestListDocument = new TypedDocumentString(`
    query WebsiteRequestList($regionId: ID, $status: WebsiteRequestStatus, $first: Int!, $offset: Int!) {
  websiteRequests(
    regionId: $regionId
    status: $status
    first: $first
    offset: $offset
  ) {
    totalCount
    hasNextPage
    items {
      id
      reference
      kind
      status
      receivedAt
      client {
        id
        name
        email
        phone
        municipality {
          name
        }
        region {
          id
          name
        }
      }
      matchedExistingClient
      course {
        id
        title
        startsOn
      }
      message
      pickedUpBy {
        id
        name
      }
      pickedUpAt
      version
    }
  }
}
    `) as unknown as TypedDocumentString<WebsiteRequestListQuery, WebsiteRequestListQueryVariables>;
export const PickUpWebsiteRequestDocument = new TypedDocumentString(`
    mutation PickUpWebsiteRequest($id: ID!, $version: Int!) {
  pickUpWebsiteRequest(id: $id, version: $version) {
    id
    status
    version
    pickedUpAt
    pickedUpBy {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PickUpWebsiteRequestMutation, PickUpWebsiteRequestMutationVariables>;
export const AgreementYearsDocument = new TypedDocumentString(`
    query AgreementYears {
  agreementYears
}
    `) as unknown as TypedDocumentString<AgreementYearsQuery, AgreementYearsQueryVariables>;
export const NotificationUnreadCountDocument = new TypedDocumentString(`
    query NotificationUnreadCount($unreadOnly: Boolean!, $first: Int!, $offset: Int!) {
  notifications(unreadOnly: $unreadOnly, first: $first, offset: $offset) {
    totalCount
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<NotificationUnreadCountQuery, NotificationUnreadCountQueryVariables>;
export const PendingWebsiteRequestCountDocument = new TypedDocumentString(`
    query PendingWebsiteRequestCount($status: WebsiteRequestStatus!, $first: Int!, $offset: Int!) {
  websiteRequests(status: $status, first: $first, offset: $offset) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<PendingWebsiteRequestCountQuery, PendingWebsiteRequestCountQueryVariables>;