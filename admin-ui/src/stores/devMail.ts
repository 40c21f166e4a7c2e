// The development mail store: whether the gateway offers the SMTP catcher's messages (`devMail` in /auth/config), which
// the header and the router ask (session-wide). The messages are the page's, through queries/devMail.ts. Development
// only: in production the gateway says no, and nothing here is asked.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { fetchAuthConfig } from '../graphql/platform-auth';
import { useAuthStore } from './auth';

export const useDevMailStore = defineStore('devMail', () => {
  /** Whether the page is offered; null until the gateway has been asked. */
  const enabled = ref<boolean | null>(null);
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

  return { enabled, loadEnabled };
});
