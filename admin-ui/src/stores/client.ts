// The client store: one client's page (data, hours, sessions, courses), registering a client and logging a session.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { serverFieldErrors } from '../composables/fieldErrors';
import { useLatestRequest } from '../composables/useLatestRequest';
import type { LoadError } from '../graphql/client';
import { type GraphQLRequestError, loadErrorOf, request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ClientDetailQuery, ClientMunicipalitiesQuery, RegisterClientInput } from '../graphql/generated/graphql';

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

export type ClientDetail = NonNullable<ClientDetailQuery['client']>;
export type MunicipalityOption = NonNullable<ClientMunicipalitiesQuery['region']>['municipalities'][number];
export type { LoadError };

/** What went wrong registering a client or logging a session; plain data, so the store state stays serialisable. */
export interface ClientActionError {
  action: 'register' | 'log';
  message: string;
  codes: string[];
  /** The server's messages by input field, without the `input.` prefix (e.g. `email`). */
  fieldErrors: Record<string, string>;
  /** Ids of clients a duplicate CONFLICT says may be the same person. */
  duplicates: string[];
}

function toActionError(action: ClientActionError['action'], error: GraphQLRequestError): ClientActionError {
  const duplicates: string[] = [];
  for (const detail of error.errors) {
    for (const id of detail.duplicates ?? []) if (!duplicates.includes(id)) duplicates.push(id);
  }
  const fieldErrors = serverFieldErrors(error);
  return { action, message: error.message, codes: error.codes, fieldErrors, duplicates };
}

export const useClientStore = defineStore('client', () => {
  /** The client and year the data below is for; null before the first successful load. */
  const clientId = ref<string | null>(null);
  const year = ref<number | null>(null);
  const client = ref<ClientDetail | null>(null);
  const municipalities = ref<MunicipalityOption[]>([]);
  const municipalitiesError = ref<LoadError | null>(null);
  const saving = ref(false);
  const actionError = ref<ClientActionError | null>(null);
  /** The server thinks the new client may already be registered. */
  const duplicateConflict = computed(
    () => (actionError.value?.codes.includes('CONFLICT') ?? false) && (actionError.value?.duplicates.length ?? 0) > 0,
  );

  // Opening another client or year can overlap requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  async function load(id: string, requestedYear: number): Promise<void> {
    await run(() => request(ClientDetailDocument, { id, year: requestedYear }), {
      onData: (data) => {
        client.value = data.client ?? null;
        clientId.value = id;
        year.value = requestedYear;
      },
      // Another client's data must not stay on screen under the new address.
      onError: () => {
        client.value = null;
        clientId.value = null;
        year.value = null;
      },
    });
  }

  async function loadMunicipalities(regionId: string): Promise<void> {
    municipalitiesError.value = null;
    try {
      const data = await request(ClientMunicipalitiesDocument, { regionId });
      municipalities.value = data.region?.municipalities ?? [];
    } catch (caught) {
      municipalities.value = [];
      municipalitiesError.value = loadErrorOf(caught);
    }
  }

  /** Registers a client; resolves to the new client's id, or null with the reason in `actionError`. */
  async function register(input: RegisterClientInput): Promise<string | null> {
    saving.value = true;
    actionError.value = null;
    try {
      const data = await request(RegisterClientDocument, { input });
      return data.registerClient.id;
    } catch (caught) {
      actionError.value = toActionError('register', toRequestError(caught));
      return null;
    } finally {
      saving.value = false;
    }
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    clientId,
    year,
    client,
    loading,
    error,
    municipalities,
    municipalitiesError,
    saving,
    actionError,
    duplicateConflict,
    load,
    loadMunicipalities,
    register,
    clearActionError,
  };
});
