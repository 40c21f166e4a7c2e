// The development mail store: whether the gateway offers the SMTP catcher's messages (`devMail` in /auth/config),
// and the messages themselves. Development only: in production the gateway says no, and nothing here is asked.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { type DevMailMessage, DevMailRequestError, fetchDevMailMessages } from '../graphql/dev-mail';
import { fetchAuthConfig } from '../graphql/platform-auth';
import { useAuthStore } from './auth';

/** Why the messages could not be listed; `unavailable` when the gateway has no catcher to ask (404, 502, 503). */
export interface DevMailError {
  message: string;
  unavailable: boolean;
}

export const useDevMailStore = defineStore('devMail', () => {
  /** Whether the page is offered; null until the gateway has been asked. */
  const enabled = ref<boolean | null>(null);
  const messages = ref<DevMailMessage[] | null>(null);
  const loading = ref(false);
  const error = ref<DevMailError | null>(null);
  let asking: Promise<boolean> | null = null;

  /** Asks the gateway once whether the page is offered; a failure counts as no (it is only a development aid). */
  function loadEnabled(): Promise<boolean> {
    if (enabled.value !== null) return Promise.resolve(enabled.value);
    const known = useAuthStore().config;
    if (known) {
      enabled.value = known.devMail;
      return Promise.resolve(enabled.value);
    }
    asking ??= (async () => {
      try {
        enabled.value = (await fetchAuthConfig()).devMail;
      } catch {
        enabled.value = false;
      } finally {
        asking = null;
      }
      return enabled.value;
    })();
    return asking;
  }

  async function loadMessages(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const token = await useAuthStore().validAccessToken();
      messages.value = await fetchDevMailMessages(token);
    } catch (caught) {
      const status = caught instanceof DevMailRequestError ? caught.status : undefined;
      error.value = {
        message: caught instanceof Error ? caught.message : String(caught),
        unavailable: status === 404 || status === 502 || status === 503,
      };
    } finally {
      loading.value = false;
    }
  }

  return { enabled, messages, loading, error, loadEnabled, loadMessages };
});
