// Agreements through the query layer: every region's agreements, one agreement in detail with its parties and
// history, and the county officer's actions on them (create, renew, sign, split, services, amend, extend, notice).
// An action marks the answers stale, so the list and the agreement on screen are asked again.
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  AgreementDetailQuery,
  AgreementsListQuery,
  AmendmentInput,
  MunicipalSplitInput,
  NewAgreementInput,
  NoticeInput,
} from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

export const AgreementsListDocument = graphql(`
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
`);

/** An amendment and a notice as the agreement's page and the region's page both show them. */
export const AgreementAmendmentFieldsFragment = graphql(`
  fragment AgreementAmendmentFields on Amendment {
    id
    decidedOn
    effectiveFrom
    description
    consentedBy
  }
`);

export const AgreementNoticeFieldsFragment = graphql(`
  fragment AgreementNoticeFields on Notice {
    id
    organisationName
    givenOn
    effectiveOn
    reason
  }
`);

export const AgreementDetailDocument = graphql(`
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
`);

export const CreateAgreementDocument = graphql(`
  mutation CreateAgreement($input: NewAgreementInput!) {
    createAgreement(input: $input) {
      id
    }
  }
`);
export const RenewAgreementDocument = graphql(`
  mutation RenewAgreement($agreementId: ID!, $validTo: Date) {
    renewAgreement(agreementId: $agreementId, validTo: $validTo) {
      id
    }
  }
`);
export const SignAgreementDocument = graphql(`
  mutation SignAgreement($agreementId: ID!, $version: Int!, $partyId: ID!, $signedBy: String!, $signedOn: Date!) {
    signAgreement(agreementId: $agreementId, version: $version, partyId: $partyId, signedBy: $signedBy, signedOn: $signedOn) {
      id
      status
    }
  }
`);
export const SetMunicipalSplitDocument = graphql(`
  mutation SetMunicipalSplit($agreementId: ID!, $version: Int!, $shares: [MunicipalSplitInput!]!) {
    setMunicipalSplit(agreementId: $agreementId, version: $version, shares: $shares) {
      id
    }
  }
`);
export const SetSupplementaryServicesDocument = graphql(`
  mutation SetSupplementaryServices($agreementId: ID!, $version: Int!, $services: [String!]!, $from: Date) {
    setSupplementaryServices(agreementId: $agreementId, version: $version, services: $services, from: $from) {
      id
    }
  }
`);
export const AmendAgreementDocument = graphql(`
  mutation AmendAgreement($agreementId: ID!, $version: Int!, $input: AmendmentInput!) {
    amendAgreement(agreementId: $agreementId, version: $version, input: $input) {
      id
    }
  }
`);
export const ExtendAgreementDocument = graphql(`
  mutation ExtendAgreement(
    $agreementId: ID!
    $version: Int!
    $validTo: Date!
    $decidedOn: Date!
    $consentingPartyIds: [ID!]!
    $lateReason: String
  ) {
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
`);
export const GiveNoticeDocument = graphql(`
  mutation GiveNotice($agreementId: ID!, $version: Int!, $input: NoticeInput!) {
    giveNotice(agreementId: $agreementId, version: $version, input: $input) {
      id
    }
  }
`);

export type AgreementListItem = AgreementsListQuery['agreements'][number];
export type RegionChoice = AgreementsListQuery['regions'][number];
export type AgreementDetail = NonNullable<AgreementDetailQuery['agreement']>;
export type AgreementAction = 'create' | 'renew' | 'sign' | 'split' | 'services' | 'amend' | 'extend' | 'notice';

/** What went wrong with an action, and which action it was. */
export interface AgreementActionError extends FormActionError {
  action: AgreementAction;
}

/** Every region's agreements, and the regions (with their municipalities) a new agreement can be for. */
export function useAgreementsList() {
  const query = useGraphQLQuery(AgreementsListDocument, {});
  return {
    agreements: computed<AgreementListItem[]>(() => query.data.value?.agreements ?? []),
    regions: computed<RegionChoice[]>(() => query.data.value?.regions ?? []),
    loading: query.loading,
    error: query.error,
  };
}

/** One agreement in detail; null while it loads, or when there is none with the id. */
export function useAgreement(id: MaybeRefOrGetter<string>) {
  const query = useGraphQLQuery(AgreementDetailDocument, () => ({ id: toValue(id) }), {
    enabled: () => toValue(id) !== '',
  });
  return {
    agreement: computed<AgreementDetail | null>(() => query.data.value?.agreement ?? null),
    loading: query.loading,
    error: query.error,
    /** Resolves once the agreement on screen has its newest answer (the one an action just asked for). */
    settled: () => query.query.refresh(),
  };
}

/**
 * The county officer's actions. Those on an agreement use the version of `current` (the one on screen) and resolve
 * once its new state is on screen, so a second action sends the new version; each resolves to the id of the
 * agreement it touched, or null with the reason in `actionError`.
 */
export function useAgreementActions(
  current: () => AgreementDetail | null = () => null,
  settled: () => Promise<unknown> = async () => undefined,
) {
  const create = useGraphQLMutation(CreateAgreementDocument);
  const renew = useGraphQLMutation(RenewAgreementDocument);
  const sign = useGraphQLMutation(SignAgreementDocument);
  const split = useGraphQLMutation(SetMunicipalSplitDocument);
  const services = useGraphQLMutation(SetSupplementaryServicesDocument);
  const amend = useGraphQLMutation(AmendAgreementDocument);
  const extend = useGraphQLMutation(ExtendAgreementDocument);
  const notice = useGraphQLMutation(GiveNoticeDocument);
  const mutations = [create, renew, sign, split, services, amend, extend, notice];
  const actionError = ref<AgreementActionError | null>(null);

  async function act(action: AgreementAction, send: () => Promise<string>): Promise<string | null> {
    actionError.value = null;
    try {
      const id = await send();
      if (current()?.id === id) await settled();
      return id;
    } catch (caught) {
      actionError.value = { action, ...toFormActionError(toRequestError(caught)) };
      return null;
    }
  }

  const shown = () => {
    const agreement = current();
    if (!agreement) throw new Error('No agreement is on screen.');
    return agreement;
  };

  return {
    saving: computed(() => mutations.some((mutation) => mutation.running.value)),
    actionError,
    clearActionError: () => {
      actionError.value = null;
    },
    create: (input: NewAgreementInput) => act('create', async () => (await create.run({ input })).createAgreement.id),
    renew: (agreementId: string, validTo: string | null = null) =>
      act('renew', async () => (await renew.run({ agreementId, validTo })).renewAgreement.id),
    sign: (partyId: string, signedBy: string, signedOn: string) =>
      act('sign', async () => {
        const { id, version } = shown();
        return (await sign.run({ agreementId: id, version, partyId, signedBy, signedOn })).signAgreement.id;
      }),
    setSplit: (shares: MunicipalSplitInput[]) =>
      act('split', async () => {
        const { id, version } = shown();
        return (await split.run({ agreementId: id, version, shares })).setMunicipalSplit.id;
      }),
    setServices: (list: string[], from: string | null) =>
      act('services', async () => {
        const { id, version } = shown();
        return (await services.run({ agreementId: id, version, services: list, from })).setSupplementaryServices.id;
      }),
    amend: (input: AmendmentInput) =>
      act('amend', async () => {
        const { id, version } = shown();
        return (await amend.run({ agreementId: id, version, input })).amendAgreement.id;
      }),
    extend: (validTo: string, decidedOn: string, consentingPartyIds: string[], lateReason: string | null) =>
      act('extend', async () => {
        const { id, version } = shown();
        return (await extend.run({ agreementId: id, version, validTo, decidedOn, consentingPartyIds, lateReason }))
          .extendAgreement.id;
      }),
    giveNotice: (input: NoticeInput) =>
      act('notice', async () => {
        const { id, version } = shown();
        return (await notice.run({ agreementId: id, version, input })).giveNotice.id;
      }),
  };
}
