/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type CoordinationOverviewQueryVariables = Exact<{
  year: number;
}>;


export type CoordinationOverviewQuery = { regions: Array<{ id: string, name: string, contractMunicipality: { number: string, name: string }, municipalities: Array<{ number: string, name: string, population: number | null }>, agreement: { id: string, status: AgreementStatus, validFrom: string, validTo: string } | null, funding: { countyAmount: string, municipalAmount: string, total: string } | null, payments: Array<{ instalment: Instalment, dueDate: string, amount: string, status: PaymentStatus }>, submissions: Array<{ kind: SubmissionKind, coversYear: number, dueDate: string, status: SubmissionStatus, late: boolean }>, statistics: { newClients: number | null, clientsWithImmigrantBackground: number | null, immigrantBackgroundShare: number | null, counsellingHours: number | null, coursesHeld: number, courseParticipants: number | null, businessesStarted: number | null, suppressed: Array<string> }, referrals: { toInnovasjonNorge: number | null, toNav: number | null, fromNav: number | null, suppressed: Array<string> } }>, gatherings: Array<{ id: string, title: string, date: string, attendeeCount: number }> };

export type RegionsOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsOverviewQuery = { regions: Array<{ id: string, name: string, contractMunicipality: { number: string, name: string }, municipalities: Array<{ number: string, name: string, population: number | null, populationSource: PopulationSource | null }> }> };

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