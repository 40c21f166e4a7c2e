// The years the console offers (year selects, key figures across years) through the query layer: the years the
// agreements cover, as the graph gives them (Query.agreementYears), so a new period needs no code change. Asked once
// per session, as a page's year select needs them on every page: the answer only changes when an agreement is
// recorded, and it is no one person's, so its key is outside the page data's (neither a mutation nor another caller
// asks again).
import { defineQueryOptions, useQueryCache } from '@pinia/colada';
import {
  type GraphQLRequestError,
  requestOperation,
  toRequestError,
  unavailableServicesIn,
  unavailableServicesOf,
} from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { AgreementYearsQuery } from '../graphql/generated/graphql';
import { useServiceStatusStore } from '../stores/serviceStatus';

export const AgreementYearsDocument = graphql(`
  query AgreementYears {
    agreementYears
  }
`);

const agreementYearsQuery = defineQueryOptions<AgreementYearsQuery, GraphQLRequestError>({
  key: ['agreement-years'],
  query: ({ signal }) => requestOperation(AgreementYearsDocument, {}, { signal }),
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: Number.POSITIVE_INFINITY,
  // Asked again at the next page's load instead.
  retry: 0,
});

/**
 * The years offered, oldest first, from the query layer's cache: the graph is asked the first time only (and again
 * after a failure); calls meanwhile share the one request. Null when the graph could not say; the service banner
 * hears which services the answer came without.
 */
export async function loadAgreementYears(): Promise<number[] | null> {
  const cache = useQueryCache();
  const entry = cache.ensure(agreementYearsQuery);
  const state = await cache.refresh(entry).catch(() => entry.state.value);
  const failure = state.error ? toRequestError(state.error) : null;
  useServiceStatusStore().report(
    'agreement-years',
    failure ? unavailableServicesIn(failure.errors) : state.data ? unavailableServicesOf(state.data) : [],
  );
  // An answer without the years (a stub that answers something else) is no answer either.
  const years = failure ? undefined : state.data?.agreementYears;
  return Array.isArray(years) ? [...years] : null;
}
