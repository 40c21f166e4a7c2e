// The funding page's data through the query layer: a region's funding for a year (rates, split, budget decisions,
// payments and the plans that hold them back), and the county officers' changes: recording and confirming a
// payment, recording a budget decision. A change marks the answers stale, so the year on screen is asked again.
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { BudgetDecisionInput, FundingWorkflowQuery, Instalment } from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

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

/** The region `regionId` (none asked while null) in `year`; the one on screen stays while another loads. */
export function useRegionFunding(regionId: MaybeRefOrGetter<string | null>, year: MaybeRefOrGetter<number>) {
  const query = useGraphQLQuery(
    FundingWorkflowDocument,
    () => ({ regionId: toValue(regionId) ?? '', year: toValue(year), previousYear: toValue(year) - 1 }),
    { enabled: () => toValue(regionId) !== null, keepPrevious: true },
  );
  return {
    region: computed<RegionFunding | null>(() => query.data.value?.region ?? null),
    /** The region and year on screen. */
    shown: computed(() => {
      const variables = query.shownVariables.value;
      return variables ? { regionId: variables.regionId, year: variables.year } : null;
    }),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}

/**
 * The officers' changes to the funding on screen (`shown`: its region, year and agreement); each resolves to
 * whether it worked, the reason in `actionError`.
 */
export function useFundingActions(shown: () => { regionId: string; year: number; agreementId: string | null } | null) {
  const record = useGraphQLMutation(RecordPaymentDocument);
  const confirm = useGraphQLMutation(ConfirmPaymentDocument);
  const decide = useGraphQLMutation(RecordBudgetDecisionDocument);
  const actionError = ref<FundingActionError | null>(null);

  async function runAction(action: FundingActionError['action'], send: () => Promise<unknown>): Promise<boolean> {
    actionError.value = null;
    try {
      await send();
      return true;
    } catch (caught) {
      const failure = toRequestError(caught);
      actionError.value = {
        action,
        message: failure.message,
        codes: failure.codes,
        field: failure.errors.find((detail) => detail.field)?.field ?? null,
      };
      return false;
    }
  }

  return {
    saving: computed(() => record.running.value || confirm.running.value || decide.running.value),
    actionError,
    /** Someone else changed it meanwhile: the page must show the new state before trying again. */
    conflict: computed(() => actionError.value?.codes.includes('CONFLICT') ?? false),
    /** Records the paying county's part (`payerId`; the officer's own county when left out). */
    recordPayment(instalment: Instalment, paidOn: string, reference: string, payerId?: string): Promise<boolean> {
      const on = shown();
      if (!on) return Promise.resolve(false);
      return runAction('record', () =>
        record.run({ regionId: on.regionId, year: on.year, instalment, paidOn, reference, payerId: payerId ?? null }),
      );
    },
    confirmPayment(instalment: Instalment, reference: string, payerId?: string): Promise<boolean> {
      const on = shown();
      if (!on) return Promise.resolve(false);
      return runAction('confirm', () =>
        confirm.run({ regionId: on.regionId, year: on.year, instalment, reference, payerId: payerId ?? null }),
      );
    },
    recordBudgetDecision(input: BudgetDecisionInput): Promise<boolean> {
      const agreementId = shown()?.agreementId;
      if (!agreementId) return Promise.resolve(false);
      return runAction('decide', () => decide.run({ agreementId, input }));
    },
    clearActionError: () => {
      actionError.value = null;
    },
  };
}
