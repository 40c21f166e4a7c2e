// The console's routes and the sign-in guard; the history is a parameter so that tests can use an in-memory one.
import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import type { MessageSchema } from '../i18n/nb';
import { useAuthStore } from '../stores/auth';
import NotFoundView from '../views/NotFoundView.vue';
import RegionsView from '../views/RegionsView.vue';
import SignInView from '../views/SignInView.vue';
import { requiresSignIn, signInLocation } from './sign-in';

type PageTitleKey = `nav.${keyof MessageSchema['nav'] & string}` | 'notFound.title' | 'signIn.title';

declare module 'vue-router' {
  interface RouteMeta {
    /** The i18n key of the page's title, shown in the browser tab. */
    titleKey?: PageTitleKey;
  }
}

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes: [
      { path: '/', name: 'regions', component: RegionsView, alias: '/regions', meta: { titleKey: 'nav.regions' } },
      { path: '/sign-in', name: 'sign-in', component: SignInView, meta: { titleKey: 'signIn.title', public: true } },
      {
        path: '/:pathMatch(.*)*',
        name: 'not-found',
        component: NotFoundView,
        meta: { titleKey: 'notFound.title', public: true },
      },
    ],
  });

  router.beforeEach((to) => {
    if (!requiresSignIn(to) || useAuthStore().isSignedIn) return true;
    return signInLocation(to.fullPath);
  });

  return router;
}
