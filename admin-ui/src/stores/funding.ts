// The funding store: one region's funding of a year (rates, split, budget decisions with their
// corrections) and its payments, and recording budget decisions and recording and confirming payments.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { BudgetDecisionInput, FundingWorkflowQuery, Instalment } from '../graphql/generated/graphql';
import type { LoadError } from './regions';

export const FundingWorkflowDocument = graphql(`
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
      # The year's activity plan and budget fall due the year before; until both are approved the year's payments wait.
      plansForYear: submissions(year: $previousYear) {
        id
        kind
        coversYear
        status
      }
    }
  }
`);

export const RecordPaymentDocument = graphql(`
  mutation RecordPayment(
    $regionId: ID!
    $year: Int!
    $instalment: Instalment!
    $paidOn: Date!
    $reference: String!
    $payerId: ID
  ) {
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
`);

export const ConfirmPaymentDocument = graphql(`
  mutation ConfirmPayment($regionId: ID!, $year: Int!, $instalment: Instalment!, $reference: String!, $payerId: ID) {
    confirmPayment(regionId: $regionId, year: $year, instalment: $instalment, reference: $reference, payerId: $payerId) {
      instalment
      status
    }
  }
`);

export const RecordBudgetDecisionDocument = graphql(`
  mutation RecordBudgetDecision($agreementId: ID!, $input: BudgetDecisionInput!) {
    recordBudgetDecision(agreementId: $agreementId, input: $input) {
      year
      countyAmount
    }
  }
`);

export type RegionFunding = NonNullable<FundingWorkflowQuery['region']>;
export type FundingOfYear = NonNullable<RegionFunding['funding']>;
export type BudgetDecisionItem = FundingOfYear['budgetDecisionHistory'][number];
export type FundingPaymentItem = NonNullable<RegionFunding['payments']>[number];
/** One paying county's part of an instalment (two where a region's municipalities lie in two counties). */
export type FundingPaymentShare = FundingPaymentItem['shares'][number];
export type PlanForYear = NonNullable<RegionFunding['plansForYear']>[number];

/**
 * The year's activity plan and budget that are not approved yet, which hold the year's payments back
 * (§7); an empty list when both are approved or when the county service did not answer.
 */
export function blockingPlans(region: Pick<RegionFunding, 'plansForYear'>, year: number): PlanForYear[] {
  return (region.plansForYear ?? []).filter(
    (plan) =>
      (plan.kind === 'ACTIVITY_PLAN' || plan.kind === 'BUDGET') &&
      plan.coversYear === year &&
      plan.status !== 'APPROVED',
  );
}

export interface FundingActionError {
  action: 'record' | 'confirm' | 'decide';
  message: string;
  codes: string[];
  /** The argument the gateway named, e.g. `paidOn`, `reference` or `input.grantedAmount`. */
  field: string | null;
}

export const useFundingStore = defineStore('funding', () => {
  const regionId = ref<string | null>(null);
  const year = ref<number | null>(null);
  const region = ref<RegionFunding | null>(null);
  const saving = ref(false);
  const actionError = ref<FundingActionError | null>(null);
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);
  const { loading, error, run } = useLatestRequest();

  async function load(requestedRegionId: string, requestedYear: number): Promise<void> {
    await run(
      () =>
        request(FundingWorkflowDocument, {
          regionId: requestedRegionId,
          year: requestedYear,
          previousYear: requestedYear - 1,
        }),
      {
        onData: (data) => {
          region.value = data.region ?? null;
          regionId.value = requestedRegionId;
          year.value = requestedYear;
        },
        onError: () => {
          region.value = null;
          regionId.value = null;
          year.value = null;
        },
      },
    );
  }

  async function reload(): Promise<void> {
    if (regionId.value !== null && year.value !== null) await load(regionId.value, year.value);
  }

  async function runAction(action: FundingActionError['action'], send: () => Promise<unknown>): Promise<boolean> {
    saving.value = true;
    actionError.value = null;
    try {
      await send();
    } catch (caught) {
      const failure = toRequestError(caught);
      actionError.value = {
        action,
        message: failure.message,
        codes: failure.codes,
        field: failure.errors.find((detail) => detail.field)?.field ?? null,
      };
      return false;
    } finally {
      saving.value = false;
    }
    await reload();
    return true;
  }

  /** Records the paying county's part (`payerId`; the officer's own county when left out). */
  function recordPayment(
    instalment: Instalment,
    paidOn: string,
    reference: string,
    payerId?: string,
  ): Promise<boolean> {
    const [forRegion, forYear] = [regionId.value, year.value];
    if (forRegion === null || forYear === null) return Promise.resolve(false);
    return runAction('record', () =>
      request(RecordPaymentDocument, {
        regionId: forRegion,
        year: forYear,
        instalment,
        paidOn,
        reference,
        payerId: payerId ?? null,
      }),
    );
  }

  function confirmPayment(instalment: Instalment, reference: string, payerId?: string): Promise<boolean> {
    const [forRegion, forYear] = [regionId.value, year.value];
    if (forRegion === null || forYear === null) return Promise.resolve(false);
    return runAction('confirm', () =>
      request(ConfirmPaymentDocument, {
        regionId: forRegion,
        year: forYear,
        instalment,
        reference,
        payerId: payerId ?? null,
      }),
    );
  }

  function recordBudgetDecision(input: BudgetDecisionInput): Promise<boolean> {
    const agreementId = region.value?.funding?.agreement.id;
    if (!agreementId) return Promise.resolve(false);
    return runAction('decide', () => request(RecordBudgetDecisionDocument, { agreementId, input }));
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    regionId,
    year,
    region,
    loading,
    error,
    saving,
    actionError,
    conflict,
    load,
    reload,
    recordPayment,
    confirmPayment,
    recordBudgetDecision,
    clearActionError,
  };
});

export type { LoadError };
