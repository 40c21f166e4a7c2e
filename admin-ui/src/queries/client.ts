// One client's page through the query layer: the client with hours, courses, records and history; the municipalities
// a client may live in; registering a client and saving an adviser's changes (after which the page asks again).
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  ClientDetailQuery,
  ClientMunicipalitiesQuery,
  RegisterClientInput,
  UpdateClientInput,
} from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

export const ClientDetailDocument = graphql(`
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
      # For the client's history: every session, impact record and referral with its day.
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
`);

export const ClientMunicipalitiesDocument = graphql(`
  query ClientMunicipalities($regionId: ID!) {
    region(id: $regionId) {
      id
      municipalities {
        number
        name
      }
    }
  }
`);

export const RegisterClientDocument = graphql(`
  mutation RegisterClient($input: RegisterClientInput!) {
    registerClient(input: $input) {
      id
    }
  }
`);

export const UpdateClientDocument = graphql(`
  mutation UpdateClient($id: ID!, $version: Int!, $input: UpdateClientInput!) {
    updateClient(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

export type ClientDetail = NonNullable<ClientDetailQuery['client']>;
export type MunicipalityOption = NonNullable<ClientMunicipalitiesQuery['region']>['municipalities'][number];

/**
 * The client with `id` and the counselling hours of `year` (none asked for while the id is empty); another client's
 * data never shows under this one's address.
 */
export function useClientDetail(id: MaybeRefOrGetter<string>, year: MaybeRefOrGetter<number>) {
  const detail = useGraphQLQuery(ClientDetailDocument, () => ({ id: toValue(id), year: toValue(year) }), {
    enabled: () => toValue(id) !== '',
  });
  return {
    client: computed<ClientDetail | null>(() => detail.data.value?.client ?? null),
    /** The graph answered, and has no client with this id the caller may see. */
    notFound: computed(() => detail.data.value !== undefined && detail.data.value.client === null),
    loading: detail.loading,
    error: detail.error,
    refetch: detail.refetch,
  };
}

/** The municipalities of `regionId` a client may live in; asked for while `enabled` and a region is given. */
export function useClientMunicipalities(
  regionId: MaybeRefOrGetter<string | null | undefined>,
  enabled: MaybeRefOrGetter<boolean> = true,
) {
  const answer = useGraphQLQuery(ClientMunicipalitiesDocument, () => ({ regionId: toValue(regionId) ?? '' }), {
    enabled: () => toValue(enabled) && !!toValue(regionId),
  });
  return {
    municipalities: computed<MunicipalityOption[]>(() => answer.data.value?.region?.municipalities ?? []),
    error: answer.error,
  };
}

/** What went wrong registering a client: the form's error, and the clients a duplicate CONFLICT names. */
export interface ClientActionError extends FormActionError {
  /** Ids of clients a duplicate CONFLICT says may be the same person. */
  duplicates: string[];
}

/** Registering a client: `register` resolves to the new client's id, or null with the reason in `actionError`. */
export function useRegisterClient() {
  const mutation = useGraphQLMutation(RegisterClientDocument);
  const actionError = ref<ClientActionError | null>(null);
  /** The server thinks the new client may already be registered. */
  const duplicateConflict = computed(
    () => (actionError.value?.codes.includes('CONFLICT') ?? false) && (actionError.value?.duplicates.length ?? 0) > 0,
  );

  async function register(input: RegisterClientInput): Promise<string | null> {
    actionError.value = null;
    try {
      return (await mutation.run({ input })).registerClient.id;
    } catch (caught) {
      const failure = toRequestError(caught);
      const duplicates = [...new Set(failure.errors.flatMap((detail) => detail.duplicates ?? []))];
      actionError.value = { ...toFormActionError(failure), duplicates };
      return null;
    }
  }

  return {
    register,
    saving: mutation.running,
    actionError,
    duplicateConflict,
    clearActionError: () => {
      actionError.value = null;
    },
  };
}

/**
 * Saving an adviser's changes to a client, made to the version they were based on: `save` resolves to whether it
 * worked; the client's page then asks again and shows what was saved (and the new version). A CONFLICT means
 * someone else saved in between.
 */
export function useUpdateClient() {
  const mutation = useGraphQLMutation(UpdateClientDocument);
  const actionError = ref<FormActionError | null>(null);
  /** Someone else saved the client since it was loaded: the adviser must reload before editing again. */
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);

  async function save(id: string, version: number, input: UpdateClientInput): Promise<boolean> {
    actionError.value = null;
    try {
      await mutation.run({ id, version, input });
      return true;
    } catch (caught) {
      actionError.value = toFormActionError(toRequestError(caught));
      return false;
    }
  }

  return {
    save,
    saving: mutation.running,
    actionError,
    conflict,
    clearActionError: () => {
      actionError.value = null;
    },
  };
}
