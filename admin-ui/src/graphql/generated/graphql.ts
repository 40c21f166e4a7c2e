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

/** The two instalments of a year (§7: 50 % in January, 50 % in August). */
export type Instalment =
  /** Due in August. */
  | 'AUGUST'
  /** Due in January. */
  | 'JANUARY';

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
  /** A county officer recorded it as paid. */
  | 'PAID';

/** The origin of a population figure. */
export type PopulationSource =
  /** An approximate figure, rounded to hundreds, shipped as demo data: not an official statistic. */
  | 'DEMO_APPROXIMATION'
  /** Imported from Statistics Norway's table 01222 (population per quarter). */
  | 'SSB';

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

export type CoordinationOverviewQueryVariables = Exact<{
  year: number;
}>;


export type CoordinationOverviewQuery = { regions: Array<{ id: string, name: string, contractMunicipality: { number: string, name: string }, municipalities: Array<{ number: string, name: string, population: number | null }>, agreement: { id: string, status: AgreementStatus, validFrom: string, validTo: string } | null, funding: { countyAmount: string, municipalAmount: string, total: string } | null, payments: Array<{ instalment: Instalment, dueDate: string, amount: string, status: PaymentStatus }>, submissions: Array<{ kind: SubmissionKind, coversYear: number, dueDate: string, status: SubmissionStatus, late: boolean }>, statistics: { newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, suppressed: Array<string> }, referrals: { toInnovasjonNorge: number | null, toNav: number | null, fromNav: number | null, suppressed: Array<string> } }>, gatherings: Array<{ id: string, title: string, date: string, attendeeCount: number }> };

export type RegionPageQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type RegionPageQuery = { region: { id: string, name: string, contractMunicipality: { number: string, name: string }, municipalities: Array<{ number: string, name: string, population: number | null, populationSource: PopulationSource | null }>, operator: { id: string, name: string, organisationNumber: string | null, runByContractMunicipality: boolean } | null, advisers: Array<{ id: string, name: string, email: string, phone: string | null }>, offices: Array<{ id: string, name: string, streetAddress: string, postalCode: string, postalTown: string, coLocatedWith: string | null }>, agreement: { id: string, status: AgreementStatus, validFrom: string, validTo: string, originalValidTo: string, signedOn: string | null, partyHistory: Array<{ id: string, kind: PartyKind, organisationName: string, validFrom: string, validTo: string | null, succeeds: { id: string, organisationName: string } | null }>, amendments: Array<{ id: string, decidedOn: string, effectiveFrom: string, description: string, consentedBy: Array<string> }>, extensions: Array<{ id: string, decidedOn: string, previousValidTo: string, validTo: string }>, notices: Array<{ id: string, organisationName: string, givenOn: string, effectiveOn: string, reason: string | null }> } | null, funding: { year: number, countyAmount: string, municipalAmount: string, total: string, municipalShares: Array<{ inhabitants: number, amount: string, municipality: { number: string } }> } | null, payments: Array<{ instalment: Instalment, dueDate: string, amount: string, status: PaymentStatus, paidOn: string | null }>, submissions: Array<{ kind: SubmissionKind, coversYear: number, dueDate: string, status: SubmissionStatus, late: boolean, submittedOn: string | null }>, y2022: { year: number, newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, suppressed: Array<string>, suppressionReason: string | null }, y2023: { year: number, newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, suppressed: Array<string>, suppressionReason: string | null }, y2024: { year: number, newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, suppressed: Array<string>, suppressionReason: string | null }, y2025: { year: number, newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, suppressed: Array<string>, suppressionReason: string | null } } | null };

export type RegionKeyFiguresFragment = { year: number, newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, suppressed: Array<string>, suppressionReason: string | null };

export type RegionsOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsOverviewQuery = { regions: Array<{ id: string, name: string, contractMunicipality: { number: string, name: string }, municipalities: Array<{ number: string, name: string, population: number | null, populationSource: PopulationSource | null }> }> };

export type SubmissionsWorkflowQueryVariables = Exact<{
  regionId: string | number;
  year: number;
  previousYear: number;
  nextYear: number;
}>;


export type SubmissionsWorkflowQuery = { region: { id: string, name: string, submissions: Array<{ id: string | null, version: number | null, kind: SubmissionKind, coversYear: number, dueDate: string, status: SubmissionStatus, late: boolean, submittedOn: string | null, submittedBy: string | null, documentReference: string | null, totalAmount: string | null, decidedOn: string | null, decidedBy: string | null, decisionComment: string | null, targets: { newClients: number, clientsWithImmigrantBackground: number, coursesHeld: number, counsellingHours: number, businessesStarted: number } | null, reportedFigures: { newClients: number, clientsWithImmigrantBackground: number, coursesHeld: number, counsellingHours: number, businessesStarted: number } | null, plannedTargets: { newClients: number, clientsWithImmigrantBackground: number, coursesHeld: number, counsellingHours: number, businessesStarted: number } | null }>, payments: Array<{ year: number, instalment: Instalment, dueDate: string, amount: string, status: PaymentStatus, paidOn: string | null }>, nextYearPayments: Array<{ year: number, instalment: Instalment, dueDate: string, amount: string, status: PaymentStatus, paidOn: string | null }>, statistics: { year: number, newClients: number | null, clientsWithImmigrantBackground: number | null, coursesHeld: number, counsellingHours: number | null, businessesStarted: number | null, suppressed: Array<string> } } | null };

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
export const RegionKeyFiguresFragmentDoc = new TypedDocumentString(`
    fragment RegionKeyFigures on RegionStatistics {
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
    `, {"fragmentName":"RegionKeyFigures"}) as unknown as TypedDocumentString<RegionKeyFiguresFragment, unknown>;
export const CoordinationOverviewDocument = new TypedDocumentString(`
    query CoordinationOverview($year: Int!) {
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
    }
    payments(year: $year) {
      instalment
      dueDate
      amount
      status
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
        id
        decidedOn
        effectiveFrom
        description
        consentedBy
      }
      extensions {
        id
        decidedOn
        previousValidTo
        validTo
      }
      notices {
        id
        organisationName
        givenOn
        effectiveOn
        reason
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
    y2022: statistics(year: 2022) {
      ...RegionKeyFigures
    }
    y2023: statistics(year: 2023) {
      ...RegionKeyFigures
    }
    y2024: statistics(year: 2024) {
      ...RegionKeyFigures
    }
    y2025: statistics(year: 2025) {
      ...RegionKeyFigures
    }
  }
}
    fragment RegionKeyFigures on RegionStatistics {
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
}`) as unknown as TypedDocumentString<RegionPageQuery, RegionPageQueryVariables>;
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