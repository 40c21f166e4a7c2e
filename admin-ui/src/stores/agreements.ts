// The agreements store: every region's agreements, one agreement in detail with its parties and
// history, and the county officer's actions on them (create, renew, sign, split, services, amend, extend, notice).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  AgreementDetailQuery,
  AgreementsListQuery,
  AmendmentInput,
  MunicipalSplitInput,
  NewAgreementInput,
  NoticeInput,
} from '../graphql/generated/graphql';
import { type PartnerActionError, toPartnerActionError } from './partnerErrors';

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
        lateReason
      }
      notices {
        id
        organisationName
        givenOn
        effectiveOn
        reason
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

/** What went wrong with an action; plain data, so the store state stays serialisable. */
export interface AgreementActionError extends PartnerActionError {
  action: AgreementAction;
}

export const useAgreementsStore = defineStore('agreements', () => {
  const agreements = ref<AgreementListItem[]>([]);
  const regions = ref<RegionChoice[]>([]);
  const agreement = ref<AgreementDetail | null>(null);
  const saving = ref(false);
  const actionError = ref<AgreementActionError | null>(null);
  const list = useLatestRequest();
  const detail = useLatestRequest();

  async function loadList(): Promise<void> {
    await list.run(() => request(AgreementsListDocument), {
      onData: (data) => {
        agreements.value = data.agreements;
        regions.value = data.regions;
      },
      onError: () => {
        agreements.value = [];
      },
    });
  }

  async function loadAgreement(id: string): Promise<void> {
    await detail.run(() => request(AgreementDetailDocument, { id }), {
      onData: (data) => {
        agreement.value = data.agreement ?? null;
      },
      onError: () => {
        agreement.value = null;
      },
    });
  }

  /** Runs one action; resolves to the id of the agreement it touched, or null with the reason in `actionError`. */
  async function act(action: AgreementAction, send: () => Promise<string>): Promise<string | null> {
    saving.value = true;
    actionError.value = null;
    try {
      const id = await send();
      if (agreement.value?.id === id) await loadAgreement(id);
      return id;
    } catch (caught) {
      actionError.value = { action, ...toPartnerActionError(toRequestError(caught)) };
      return null;
    } finally {
      saving.value = false;
    }
  }

  const current = () => {
    if (!agreement.value) throw new Error('No agreement is loaded.');
    return agreement.value;
  };

  return {
    agreements,
    regions,
    agreement,
    listLoading: list.loading,
    listError: list.error,
    loading: detail.loading,
    error: detail.error,
    saving,
    actionError,
    loadList,
    loadAgreement,
    clearActionError: () => {
      actionError.value = null;
    },
    create: (input: NewAgreementInput) =>
      act('create', async () => (await request(CreateAgreementDocument, { input })).createAgreement.id),
    renew: (agreementId: string, validTo: string | null = null) =>
      act('renew', async () => (await request(RenewAgreementDocument, { agreementId, validTo })).renewAgreement.id),
    sign: (partyId: string, signedBy: string, signedOn: string) =>
      act('sign', async () => {
        const { id, version } = current();
        return (await request(SignAgreementDocument, { agreementId: id, version, partyId, signedBy, signedOn }))
          .signAgreement.id;
      }),
    setSplit: (shares: MunicipalSplitInput[]) =>
      act('split', async () => {
        const { id, version } = current();
        return (await request(SetMunicipalSplitDocument, { agreementId: id, version, shares })).setMunicipalSplit.id;
      }),
    setServices: (services: string[], from: string | null) =>
      act('services', async () => {
        const { id, version } = current();
        return (await request(SetSupplementaryServicesDocument, { agreementId: id, version, services, from }))
          .setSupplementaryServices.id;
      }),
    amend: (input: AmendmentInput) =>
      act('amend', async () => {
        const { id, version } = current();
        return (await request(AmendAgreementDocument, { agreementId: id, version, input })).amendAgreement.id;
      }),
    extend: (validTo: string, decidedOn: string, consentingPartyIds: string[], lateReason: string | null) =>
      act('extend', async () => {
        const { id, version } = current();
        return (
          await request(ExtendAgreementDocument, {
            agreementId: id,
            version,
            validTo,
            decidedOn,
            consentingPartyIds,
            lateReason,
          })
        ).extendAgreement.id;
      }),
    giveNotice: (input: NoticeInput) =>
      act('notice', async () => {
        const { id, version } = current();
        return (await request(GiveNoticeDocument, { agreementId: id, version, input })).giveNotice.id;
      }),
  };
});
