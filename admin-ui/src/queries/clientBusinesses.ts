// The client page's businesses through the query layer: what the register of legal entities says of each (status,
// industry, dates, set by the register's import), and registering a business the client started.
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { graphql } from '../graphql/generated';
import type { ClientBusinessesQuery, RegisterBusinessInput } from '../graphql/generated/graphql';
import { useGraphQLQuery } from '../graphql/queries';
import { useFormAction } from './formAction';

export const ClientBusinessesDocument = graphql(`
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
`);

export const RegisterBusinessDocument = graphql(`
  mutation RegisterBusiness($input: RegisterBusinessInput!) {
    registerBusiness(input: $input) {
      id
    }
  }
`);

export type ClientBusiness = NonNullable<ClientBusinessesQuery['client']>['businesses'][number];

/** The businesses of the client with `id`. */
export function useClientBusinesses(id: MaybeRefOrGetter<string>) {
  const answer = useGraphQLQuery(ClientBusinessesDocument, () => ({ id: toValue(id) }), {
    enabled: () => toValue(id) !== '',
  });
  return {
    businesses: computed<ClientBusiness[]>(() => answer.data.value?.client?.businesses ?? []),
    loading: answer.loading,
    error: answer.error,
  };
}

/** Registering a business: `register` resolves to whether it was; the list on screen then asks again. */
export function useRegisterBusiness() {
  const action = useFormAction(RegisterBusinessDocument);
  return {
    ...action,
    register: async (input: RegisterBusinessInput) => (await action.send({ input })) !== null,
  };
}
