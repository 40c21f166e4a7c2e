// The common public website's routes (agreement §4): open to anyone without signing in, in a
// layout of their own, and loaded only by those who visit them.
import type { RouteRecordRaw } from 'vue-router';
import type { MessageSchema } from '../i18n/nb';

declare module 'vue-router' {
  interface RouteMeta {
    /** True for the public website's pages: their own layout, without the console's header. */
    publicSite?: boolean;
  }
}

export type PublicSiteTitleKey = `publicSite.titles.${keyof MessageSchema['publicSite']['titles'] & string}`;

export const publicSiteRoutes: RouteRecordRaw[] = [
  {
    path: '/public',
    component: () => import('../views/public/PublicLayout.vue'),
    // Children inherit this meta, so every page under /public passes the sign-in guard.
    meta: { public: true, publicSite: true },
    children: [
      {
        path: '',
        name: 'public-home',
        component: () => import('../views/public/PublicHomeView.vue'),
        meta: { public: true, titleKey: 'publicSite.titles.home' },
      },
      {
        path: 'offices',
        name: 'public-offices',
        component: () => import('../views/public/PublicOfficesView.vue'),
        meta: { public: true, titleKey: 'publicSite.titles.offices' },
      },
      {
        path: 'courses',
        name: 'public-courses',
        component: () => import('../views/public/PublicCoursesView.vue'),
        meta: { public: true, titleKey: 'publicSite.titles.courses' },
        // The course feeds link to `/public/courses?course=<id>`: that course's sign-up.
        beforeEnter: (to) =>
          typeof to.query.course === 'string' && to.query.course !== ''
            ? { name: 'public-sign-up', params: { id: to.query.course }, replace: true }
            : true,
      },
      {
        path: 'courses/:id/sign-up',
        name: 'public-sign-up',
        component: () => import('../views/public/PublicSignUpView.vue'),
        meta: { public: true, titleKey: 'publicSite.titles.signUp' },
      },
      {
        path: 'counselling',
        name: 'public-counselling',
        component: () => import('../views/public/PublicCounsellingView.vue'),
        meta: { public: true, titleKey: 'publicSite.titles.counselling' },
      },
      {
        path: 'appointments',
        name: 'public-appointments',
        component: () => import('../views/public/PublicAppointmentView.vue'),
        meta: { public: true, titleKey: 'publicSite.titles.appointments' },
      },
      {
        path: 'privacy',
        name: 'public-privacy',
        component: () => import('../views/public/PublicPrivacyView.vue'),
        meta: { public: true, titleKey: 'publicSite.titles.privacy' },
      },
      // The one-time links in e-mails; each page says plainly when its link is used up or expired.
      {
        path: 'survey/:token',
        name: 'public-survey',
        component: () => import('../views/public/PublicSurveyView.vue'),
        meta: { public: true, titleKey: 'publicSite.titles.survey' },
      },
      {
        path: 'unsubscribe/:token',
        name: 'public-unsubscribe',
        component: () => import('../views/public/PublicUnsubscribeView.vue'),
        meta: { public: true, titleKey: 'publicSite.titles.unsubscribe' },
      },
      {
        path: 'cancel/:token',
        name: 'public-cancel',
        component: () => import('../views/public/PublicCancelView.vue'),
        meta: { public: true, titleKey: 'publicSite.titles.cancel' },
      },
      {
        path: 'impact/:token',
        name: 'public-impact',
        component: () => import('../views/public/PublicImpactView.vue'),
        meta: { public: true, titleKey: 'impact.public.title' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'public-not-found',
        component: () => import('../views/public/PublicNotFoundView.vue'),
        meta: { public: true, titleKey: 'publicSite.titles.notFound' },
      },
    ],
  },
];
