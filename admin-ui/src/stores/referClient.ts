// The refer-a-client store: what the referral form chooses from (municipalities, NAV offices) and sending a
// client's referral to Innovasjon Norge, NAV or another actor.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ReferralFormOptionsQuery, SendReferralInput, SendReferralMutation } from '../graphql/generated/graphql';
import { type PartnerActionError, toPartnerActionError } from './partnerErrors';
import type { LoadError } from './regions';

export const ReferralFormOptionsDocument = graphql(`
  query ReferralFormOptions {
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
export type { LoadError, PartnerActionError };

export const useReferClientStore = defineStore('referClient', () => {
  /** The county's municipalities and NAV's offices; null until they have loaded. */
  const options = ref<ReferralFormOptions | null>(null);
  const optionsLoading = ref(false);
  const optionsError = ref<LoadError | null>(null);
  const sending = ref(false);
  const actionError = ref<PartnerActionError | null>(null);
  /** The referral last sent, for the confirmation; cleared when a new one is started. */
  const sent = ref<SentReferral | null>(null);
  const forbidden = computed(() => actionError.value?.codes.includes('FORBIDDEN') ?? false);

  async function loadOptions(): Promise<void> {
    // The lists change seldom; once loaded they serve every referral of the session.
    if (options.value !== null || optionsLoading.value) return;
    optionsLoading.value = true;
    optionsError.value = null;
    try {
      options.value = await request(ReferralFormOptionsDocument);
    } catch (caught) {
      const requestError = toRequestError(caught);
      optionsError.value = { message: requestError.message, codes: requestError.codes };
    } finally {
      optionsLoading.value = false;
    }
  }

  /** Sends a referral; resolves to whether it worked, the reason is in `actionError`. */
  async function send(input: SendReferralInput): Promise<boolean> {
    sending.value = true;
    actionError.value = null;
    sent.value = null;
    try {
      const data = await request(SendReferralDocument, { input });
      sent.value = data.sendReferral;
      return true;
    } catch (caught) {
      actionError.value = toPartnerActionError(toRequestError(caught));
      return false;
    } finally {
      sending.value = false;
    }
  }

  /** Forgets the last result, when the adviser starts another referral or leaves the client. */
  function reset(): void {
    actionError.value = null;
    sent.value = null;
  }

  return { options, optionsLoading, optionsError, sending, actionError, sent, forbidden, loadOptions, send, reset };
});
