// The console's routes and the sign-in guard; the history is a parameter so that tests can use an in-memory one.
import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import { administersApiClients, administersRoleAssignments } from '../composables/accessAdministration';
import { managesAgreements, readsAgreements } from '../composables/agreementRules';
import { seesAppointments } from '../composables/appointmentAccess';
import { counselsClients, seesClients } from '../composables/clientAccess';
import { seesCourses } from '../composables/courseAccess';
import { readsEvaluations } from '../composables/evaluationAccess';
import { seesFunding } from '../composables/fundingAccess';
import { readsMeetings } from '../composables/meetingAccess';
import { seesNetworkEvents } from '../composables/networkEventAccess';
import { receivesNotifications } from '../composables/notificationAccess';
import { seesAssessments, seesReferrals } from '../composables/partnerAccess';
import { importsPopulation } from '../composables/populationAccess';
import { seesSubmissions } from '../composables/submissionAccess';
import { seesWebsiteRequests } from '../composables/websiteRequestAccess';
import type { MessageSchema } from '../i18n/nb';
import { useAuthStore } from '../stores/auth';
import { useDevMailStore } from '../stores/devMail';
import NotFoundView from '../views/NotFoundView.vue';
import RegionsView from '../views/RegionsView.vue';
import SignedOutView from '../views/SignedOutView.vue';
import SignInView from '../views/SignInView.vue';
import { type PublicSiteTitleKey, publicSiteRoutes } from './public-site';
import { requiresSignIn, signInLocation } from './sign-in';

type PageTitleKey =
  | `nav.${keyof MessageSchema['nav'] & string}`
  | 'notFound.title'
  | 'signIn.title'
  | 'signedOut.title'
  | 'access.title'
  | 'apiClients.title'
  | 'region.title'
  | 'websiteRequests.title'
  | 'appointments.title'
  | 'meetings.title'
  | 'groups.title'
  | 'evaluations.title'
  | 'agreements.title'
  | 'agreements.create.title'
  | 'courses.title'
  | 'networkEvents.title'
  | 'populationImport.title'
  | 'notifications.title'
  | 'devMail.title'
  | 'impact.report.title'
  | 'impact.public.title'
  | PublicSiteTitleKey;

declare module 'vue-router' {
  interface RouteMeta {
    /** The i18n key of the page's title, shown in the browser tab. */
    titleKey?: PageTitleKey;
  }
}

/** Roles whose start page is the overview: they follow all regions at once rather than one region's details. */
const overviewStartRoles: readonly string[] = ['COUNTY_OFFICER', 'COORDINATION_MEMBER', 'API_CLIENT'];

export function startsOnOverview(role: string | undefined): boolean {
  return role !== undefined && overviewStartRoles.includes(role);
}

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes: [
      {
        path: '/',
        name: 'regions',
        component: RegionsView,
        alias: '/regions',
        meta: { titleKey: 'nav.regions' },
        // The alias shares this guard, so only the bare start page leads the county and the coordination group on.
        beforeEnter: (to) =>
          to.path === '/' && startsOnOverview(useAuthStore().caller?.role)
            ? { name: 'overview', query: to.query, hash: to.hash, replace: true }
            : true,
      },
      {
        path: '/regions/:id',
        name: 'region',
        // On demand, like the overview: its chart needs chart.js.
        component: () => import('../views/RegionView.vue'),
        meta: { titleKey: 'region.title' },
      },
      {
        path: '/overview',
        name: 'overview',
        // On demand: its charts (chart.js) are needed only by those who open the overview.
        component: () => import('../views/OverviewView.vue'),
        meta: { titleKey: 'nav.overview' },
      },
      {
        path: '/impact',
        name: 'impact',
        component: () => import('../views/ImpactReportView.vue'),
        meta: { titleKey: 'impact.report.title' },
      },
      {
        path: '/submissions',
        name: 'submissions',
        component: () => import('../views/SubmissionsView.vue'),
        meta: { titleKey: 'nav.submissions' },
        // Only those who submit or decide work here; the others would see a page of refusals.
        beforeEnter: () => (seesSubmissions(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/funding',
        name: 'funding',
        component: () => import('../views/FundingView.vue'),
        meta: { titleKey: 'nav.funding' },
        // The county, which pays, and the coordination group, which follows the money.
        beforeEnter: () => (seesFunding(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/agreements',
        name: 'agreements',
        component: () => import('../views/AgreementsView.vue'),
        meta: { titleKey: 'agreements.title' },
        beforeEnter: () => (readsAgreements(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        // Before `/agreements/:id`, so that "new" is not taken for an id.
        path: '/agreements/new',
        name: 'agreement-new',
        component: () => import('../views/AgreementCreateView.vue'),
        meta: { titleKey: 'agreements.create.title' },
        beforeEnter: () =>
          managesAgreements(useAuthStore().caller?.role) ? true : { name: 'agreements', replace: true },
      },
      {
        path: '/agreements/:id',
        name: 'agreement',
        component: () => import('../views/AgreementView.vue'),
        meta: { titleKey: 'agreements.title' },
        beforeEnter: () => (readsAgreements(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/referrals',
        name: 'referrals',
        component: () => import('../views/ReferralsView.vue'),
        meta: { titleKey: 'nav.referrals' },
        // Only the partners and the regions see referrals; the others would see a refusal.
        beforeEnter: () => (seesReferrals(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/clients',
        name: 'clients',
        component: () => import('../views/ClientsView.vue'),
        meta: { titleKey: 'nav.clients' },
        // The advisers' CRM: advisers, municipality officers and county officers only.
        beforeEnter: () => (seesClients(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        // Before `/clients/:id`, so that "new" is not taken for an id.
        path: '/clients/new',
        name: 'client-new',
        component: () => import('../views/ClientNewView.vue'),
        meta: { titleKey: 'nav.clients' },
        // Only advisers register; the read-only roles go back to the list, everyone else to the start page.
        beforeEnter: () => {
          const role = useAuthStore().caller?.role;
          if (counselsClients(role)) return true;
          return seesClients(role) ? { name: 'clients', replace: true } : { path: '/', replace: true };
        },
      },
      {
        path: '/clients/:id',
        name: 'client',
        component: () => import('../views/ClientView.vue'),
        meta: { titleKey: 'nav.clients' },
        beforeEnter: () => (seesClients(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/website-requests',
        name: 'website-requests',
        component: () => import('../views/WebsiteRequestsView.vue'),
        meta: { titleKey: 'websiteRequests.title' },
        // Filed as clients, so the CRM's roles only; the gateway refuses everyone else.
        beforeEnter: () => (seesWebsiteRequests(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/appointments',
        name: 'appointments',
        component: () => import('../views/AppointmentsView.vue'),
        meta: { titleKey: 'appointments.title' },
        // A region's own people; the gateway refuses everyone else.
        beforeEnter: () => (seesAppointments(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/gatherings',
        name: 'gatherings',
        component: () => import('../views/GatheringsView.vue'),
        meta: { titleKey: 'nav.gatherings' },
      },
      {
        path: '/courses',
        name: 'courses',
        component: () => import('../views/CoursesView.vue'),
        meta: { titleKey: 'courses.title' },
        // Every role the regions subgraph gives courses to; a role it does not know would see only a refusal.
        beforeEnter: () => (seesCourses(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/courses/:id',
        name: 'course',
        component: () => import('../views/CourseView.vue'),
        meta: { titleKey: 'courses.title' },
        beforeEnter: () => (seesCourses(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/network-events',
        name: 'network-events',
        component: () => import('../views/NetworkEventsView.vue'),
        meta: { titleKey: 'networkEvents.title' },
        // Every role the regions subgraph answers; a role it does not know would see only a refusal.
        beforeEnter: () => (seesNetworkEvents(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/meetings',
        name: 'meetings',
        component: () => import('../views/MeetingsView.vue'),
        meta: { titleKey: 'meetings.title' },
        // Every role the county subgraph lets read meetings; a role it does not know would see only a refusal.
        beforeEnter: () => (readsMeetings(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/groups',
        name: 'groups',
        component: () => import('../views/GroupsView.vue'),
        meta: { titleKey: 'groups.title' },
        // The groups' membership is read by everyone who reads the meetings.
        beforeEnter: () => (readsMeetings(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/evaluations',
        name: 'evaluations',
        component: () => import('../views/EvaluationsView.vue'),
        meta: { titleKey: 'evaluations.title' },
        // Every role the county subgraph lets read evaluations; a role it does not know would see only a refusal.
        beforeEnter: () => (readsEvaluations(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/population',
        name: 'population',
        component: () => import('../views/PopulationView.vue'),
        meta: { titleKey: 'populationImport.title' },
        // The county's officers import SSB's figures; the graph refuses everyone else too.
        beforeEnter: () => (importsPopulation(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/assessments',
        name: 'assessments',
        component: () => import('../views/AssessmentsView.vue'),
        meta: { titleKey: 'nav.assessments' },
        // NAV and the regions only; nobody else has any assessments to see.
        beforeEnter: () => (seesAssessments(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/access',
        name: 'access',
        component: () => import('../views/AccessView.vue'),
        meta: { titleKey: 'access.title' },
        // Those who give roles: the succeeding counties' officers and the regions' municipality officers.
        beforeEnter: () =>
          administersRoleAssignments(useAuthStore().caller?.role) ? true : { path: '/', replace: true },
      },
      {
        path: '/api-clients',
        name: 'api-clients',
        component: () => import('../views/ApiClientsView.vue'),
        meta: { titleKey: 'apiClients.title' },
        // The county registers the partner systems; nobody else sees them.
        beforeEnter: () => (administersApiClients(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/playground',
        name: 'playground',
        // Loaded on demand: GraphiQL, React and Monaco are several megabytes the rest of the console never needs.
        component: () => import('../views/PlaygroundView.vue'),
        meta: { titleKey: 'nav.playground' },
      },
      {
        path: '/notifications',
        name: 'notifications',
        component: () => import('../views/NotificationsView.vue'),
        meta: { titleKey: 'notifications.title' },
        // People have notifications; a partner system has nobody to read them.
        beforeEnter: () => (receivesNotifications(useAuthStore().caller?.role) ? true : { path: '/', replace: true }),
      },
      {
        path: '/dev/mail',
        name: 'dev-mail',
        component: () => import('../views/DevMailView.vue'),
        meta: { titleKey: 'devMail.title' },
        // Development only: the page exists when the gateway shows the SMTP catcher's messages, as a 404 otherwise.
        beforeEnter: async (to) =>
          (await useDevMailStore().loadEnabled())
            ? true
            : { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') }, replace: true },
      },
      ...publicSiteRoutes,
      { path: '/sign-in', name: 'sign-in', component: SignInView, meta: { titleKey: 'signIn.title', public: true } },
      {
        path: '/signed-out',
        name: 'signed-out',
        component: SignedOutView,
        meta: { titleKey: 'signedOut.title', public: true },
      },
      {
        path: '/:pathMatch(.*)*',
        name: 'not-found',
        component: NotFoundView,
        meta: { titleKey: 'notFound.title', public: true },
      },
    ],
  });

  // A page that needs a session waits for the gateway's first answer on it (asked once, on app start), so a reload
  // of such a page neither flashes the sign-in page nor starts a second sign-in.
  router.beforeEach(async (to) => {
    if (!requiresSignIn(to)) return true;
    const auth = useAuthStore();
    await auth.start();
    return auth.isSignedIn ? true : signInLocation(to.fullPath);
  });

  return router;
}
