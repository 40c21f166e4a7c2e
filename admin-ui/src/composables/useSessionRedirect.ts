// Sends the user to the sign-in page when the session ends while a page that needs it is open.
import { storeToRefs } from 'pinia';
import { watch } from 'vue';
import { useRouter } from 'vue-router';
import { requiresSignIn, signInLocation } from '../router/sign-in';
import { useAuthStore } from '../stores/auth';

/**
 * For the app shell, once: however the session ends (the token expired, the gateway answered
 * UNAUTHENTICATED to any store's request), the user lands on the sign-in page with a way back
 * to the page they were on, instead of every store and page handling it on its own.
 */
export function useSessionRedirect(): void {
  const { isSignedIn, signedOut } = storeToRefs(useAuthStore());
  const router = useRouter();
  watch(isSignedIn, (signedIn) => {
    const current = router.currentRoute.value;
    // A sign-out leaves the console for the sign-out page itself; no way back to this page is kept for the next user.
    if (signedIn || signedOut.value || !requiresSignIn(current)) return;
    void router.replace(signInLocation(current.fullPath));
  });
}
