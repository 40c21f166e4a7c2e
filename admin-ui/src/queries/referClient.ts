// Referring a client through the query layer: what the referral form chooses from (the programmes each receiving
// party runs, the municipalities, NAV's offices) and sending the referral, after which the pages on screen refetch.
import { type MaybeRefOrGetter, ref } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ReferralFormOptionsQuery, SendReferralInput, SendReferralMutation } from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

export const ReferralFormOptionsDocument = graphql(`
  query ReferralFormOptions {
    referralProgrammes {
      programme
      direction
    }
    municipalities {
      number
      name
    }
    navOffices {
      id
      name
      municipalityNumbers
    }
  }
`);

export const SendReferralDocument = graphql(`
  mutation SendReferral($input: SendReferralInput!) {
    sendReferral(input: $input) {
      id
      direction
      programme
      otherActor
      navOffice {
        id
        name
      }
      status
      sentOn
    }
  }
`);

export type ReferralFormOptions = ReferralFormOptionsQuery;
export type SentReferral = SendReferralMutation['sendReferral'];

/** What the form chooses from, asked for once the form opens (`enabled`); the lists change seldom and are shared. */
export function useReferralFormOptions(enabled: MaybeRefOrGetter<boolean>) {
  return useGraphQLQuery(ReferralFormOptionsDocument, {}, { enabled });
}

/**
 * Sending a referral: `send` resolves to whether it went; `sent` is the referral for the confirmation and
 * `actionError` why it did not go, by field where the graph names one.
 */
export function useSendReferral() {
  const mutation = useGraphQLMutation(SendReferralDocument);
  const sent = ref<SentReferral | null>(null);
  const actionError = ref<FormActionError | null>(null);

  async function send(input: SendReferralInput): Promise<boolean> {
    actionError.value = null;
    sent.value = null;
    try {
      sent.value = (await mutation.run({ input })).sendReferral;
      return true;
    } catch (caught) {
      actionError.value = toFormActionError(toRequestError(caught));
      return false;
    }
  }

  /** Forgets the last result, when the adviser starts another referral. */
  function reset(): void {
    actionError.value = null;
    sent.value = null;
  }

  return { send, sending: mutation.running, sent, actionError, reset };
}
