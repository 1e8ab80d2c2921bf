import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { NotFoundPage } from '../components/NotFoundPage';
import { PageLoader } from '../components/PageLoader';
import { RouteErrorPage } from '../components/RouteErrorPage';
import { AppLayout } from '../components/shell/AppLayout';
import { validateAgencyListSearch } from '../features/agencies/agencyListSearch';
import { validateAuditSearch } from '../features/audit/auditSearch';
import { meQueryOptions } from '../features/auth/meQuery';
import { SignInPage } from '../features/auth/sign-in/SignInPage';
import { validateBreakGlassSearch } from '../features/breakGlass/breakGlassSearch';
import { CasesPage } from '../features/cases/CasesPage';
import { narrowCaseListSearch, validateCaseListSearch } from '../features/cases/caseListSearch';
import { caseListQuery } from '../features/cases/queries';
import { validateConfigurationSearch } from '../features/configuration/configurationSearch';
import { validateFederationSearch } from '../features/federation/federationSearch';
import { validatePersonMergeSearch } from '../features/personMerges/personMergeSearch';
import { validateDirectorySearch } from '../features/serviceDirectory/directorySearch';
import { validateStatisticsSearch } from '../features/statistics/statisticsSearch';
import { validateUserListSearch } from '../features/users/userListSearch';
import { redirectParam } from '../lib/searchParams';
import { requireAnyPermission, requireSignedIn } from './guards';
import { pageComponent } from './pageComponent';

export interface RouterContext {
  queryClient: QueryClient;
}

/*
 * Page components are split into their own chunks and fetched on first visit (or on hover of a
 * link to them). The sign-in page and the case list, where a cold visit on a slow phone lands, are in
 * the entry bundle with the shell, the router and the guards, so they cost no round trips of their
 * own (issue 15's budget). The sign-in page, the dashboard and the case list read only the first
 * screens' catalogue; every other page waits for the rest of it too (pageComponent).
 */

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: redirectParam(search.redirect),
  }),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (me) throw redirect({ href: search.redirect ?? '/' });
  },
  component: SignInPage,
});

const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => ({ me: await requireSignedIn(context.queryClient, location.href) }),
  component: AppLayout,
});

const dashboardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/dashboard/DashboardPage'), 'DashboardPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'account',
  component: pageComponent(() => import('../features/account/AccountPage'), 'AccountPage'),
});

const guideRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'guide',
  component: pageComponent(() => import('../features/onboarding/GuidePage'), 'GuideIndexPage'),
});

const roleGuideRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'guide/$role',
  component: pageComponent(() => import('../features/onboarding/GuidePage'), 'RoleGuidePage'),
});

const casesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'cases',
  validateSearch: validateCaseListSearch,
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['case:read']),
  loaderDeps: ({ search }) => narrowCaseListSearch(search),
  // The list is asked for as the navigation starts, not once the page has drawn; the page shows its skeleton meanwhile.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(caseListQuery(deps));
  },
  component: CasesPage,
});

const intakeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'cases/new',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['case:create']),
  component: pageComponent(() => import('../features/intake/IntakePage'), 'IntakePage'),
});

const caseRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'cases/$caseId',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['case:read']),
  component: pageComponent(() => import('../features/cases/CasePage'), 'CasePage'),
});

const agenciesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/agencies',
  validateSearch: validateAgencyListSearch,
  component: pageComponent(() => import('../features/agencies/AgenciesPage'), 'AgenciesPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/users',
  validateSearch: validateUserListSearch,
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:users', 'admin:users:all_agencies']),
  component: pageComponent(() => import('../features/users/UsersPage'), 'UsersPage'),
});

const rolesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/roles',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:roles']),
  component: pageComponent(() => import('../features/roles/RolesPage'), 'RolesPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/audit',
  validateSearch: validateAuditSearch,
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:audit']),
  component: pageComponent(() => import('../features/audit/AuditLogPage'), 'AuditLogPage'),
});

const formsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/forms',
  validateSearch: validateConfigurationSearch,
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:forms']),
  component: pageComponent(() => import('../features/configuration/FormsAndPicklistsPage'), 'FormsAndPicklistsPage'),
});

const formEditorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/forms/$formId',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:forms']),
  component: pageComponent(() => import('../features/configuration/FormEditorPage'), 'FormEditorPage'),
});

const picklistEditorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/picklists/$listId',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:forms']),
  component: pageComponent(() => import('../features/configuration/PicklistEditorPage'), 'PicklistEditorPage'),
});

const breakGlassRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/break-glass',
  validateSearch: validateBreakGlassSearch,
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:audit']),
  component: pageComponent(() => import('../features/breakGlass/BreakGlassPage'), 'BreakGlassPage'),
});

const followUpPoliciesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/follow-up-policies',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:forms']),
  component: pageComponent(() => import('../features/followUp/FollowUpPoliciesPage'), 'FollowUpPoliciesPage'),
});

const assessmentInstrumentsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/assessment-instruments',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:forms']),
  component: pageComponent(() => import('../features/assessments/InstrumentsPage'), 'InstrumentsPage'),
});

const personMergesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/person-merges',
  validateSearch: validatePersonMergeSearch,
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:persons']),
  component: pageComponent(() => import('../features/personMerges/PersonMergesPage'), 'PersonMergesPage'),
});

const federationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/federation',
  validateSearch: validateFederationSearch,
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:federation']),
  component: pageComponent(() => import('../features/federation/FederationPage'), 'FederationPage'),
});

const demoMailRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin/mail',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['admin:users:all_agencies']),
  component: pageComponent(() => import('../features/notifications/DemoMailPage'), 'DemoMailPage'),
});

const mergeRequestsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'merge-requests',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['case:update', 'admin:persons']),
  component: pageComponent(() => import('../features/mergeRequests/MergeRequestsPage'), 'MergeRequestsPage'),
});

const referralsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'referrals',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['case:update']),
  component: pageComponent(() => import('../features/referrals/ReferralsInboxPage'), 'ReferralsInboxPage'),
});

const meetingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'meetings',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['case:read']),
  component: pageComponent(() => import('../features/caseMeetings/MeetingsPage'), 'MeetingsPage'),
});

const meetingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'meetings/$meetingId',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['case:read']),
  component: pageComponent(() => import('../features/caseMeetings/MeetingPage'), 'MeetingPage'),
});

const repatriationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'repatriations',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['repatriation:manage']),
  component: pageComponent(() => import('../features/repatriation/RepatriationsPage'), 'RepatriationsPage'),
});

const repatriationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'repatriations/$repatriationId',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['repatriation:manage']),
  component: pageComponent(() => import('../features/repatriation/RepatriationPage'), 'RepatriationPage'),
});

const crossBorderReferralsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'cross-border-referrals',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['repatriation:manage']),
  component: pageComponent(() => import('../features/crossBorderReferral/CrossBorderReferralsPage'), 'CrossBorderReferralsPage'),
});

const crossBorderReferralRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'cross-border-referrals/$referralId',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['repatriation:manage']),
  component: pageComponent(() => import('../features/crossBorderReferral/CrossBorderReferralPage'), 'CrossBorderReferralPage'),
});

const sheltersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'shelters',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['case:read', 'shelter:manage']),
  component: pageComponent(() => import('../features/shelters/SheltersPage'), 'SheltersPage'),
});

const shelterRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'shelters/$shelterId',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['case:read', 'shelter:manage']),
  component: pageComponent(() => import('../features/shelters/ShelterPage'), 'ShelterPage'),
});

// The service directory holds no victim data: every signed-in user finds help in it.
const directoryRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'directory',
  validateSearch: validateDirectorySearch,
  component: pageComponent(() => import('../features/serviceDirectory/DirectoryPage'), 'DirectoryPage'),
});

const directoryOrganisationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'directory/$organisationId',
  component: pageComponent(() => import('../features/serviceDirectory/OrganisationPage'), 'OrganisationPage'),
});

const statisticsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'statistics',
  validateSearch: validateStatisticsSearch,
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['stats:read']),
  component: pageComponent(() => import('../features/statistics/StatisticsPage'), 'StatisticsPage'),
});

const statisticReportsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'statistics/reports',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['stats:read']),
  component: pageComponent(() => import('../features/statisticReports/StatisticReportsPage'), 'StatisticReportsPage'),
});

const statisticReportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'statistics/reports/$reportId',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['stats:read']),
  component: pageComponent(() => import('../features/statisticReports/StatisticReportPage'), 'StatisticReportPage'),
});

const reconciliationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'statistics/reconciliation',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['stats:read']),
  component: pageComponent(() => import('../features/reconciliation/ReconciliationPage'), 'ReconciliationPage'),
});

const submissionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'statistics/reconciliation/$submissionId',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['stats:read']),
  component: pageComponent(() => import('../features/reconciliation/SubmissionPage'), 'SubmissionPage'),
});

const globalCollectionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'statistics/global-collection',
  // Both permissions, as the server asks (policies/globalCollection.ts).
  beforeLoad: ({ context }) => {
    requireAnyPermission(context.me, ['stats:read']);
    requireAnyPermission(context.me, ['export:htcds']);
  },
  component: pageComponent(() => import('../features/globalCollection/GlobalCollectionPage'), 'GlobalCollectionPage'),
});

const regionalStatisticsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'statistics/regional',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['stats:read']),
  component: pageComponent(() => import('../features/regionalStatistics/RegionalStatisticsPage'), 'RegionalStatisticsPage'),
});

const htcdsImportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'data/import',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['import:htcds']),
  component: pageComponent(() => import('../features/htcdsExchange/ImportPage'), 'ImportPage'),
});

const htcdsExportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'data/export',
  beforeLoad: ({ context }) => requireAnyPermission(context.me, ['export:htcds']),
  component: pageComponent(() => import('../features/htcdsExchange/ExportPage'), 'ExportPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  signedInRoute.addChildren([
    dashboardRoute,
    accountRoute,
    guideRoute,
    roleGuideRoute,
    casesRoute,
    intakeRoute,
    caseRoute,
    agenciesRoute,
    usersRoute,
    rolesRoute,
    auditRoute,
    formsRoute,
    formEditorRoute,
    picklistEditorRoute,
    breakGlassRoute,
    followUpPoliciesRoute,
    assessmentInstrumentsRoute,
    personMergesRoute,
    federationRoute,
    demoMailRoute,
    mergeRequestsRoute,
    referralsRoute,
    meetingsRoute,
    meetingRoute,
    repatriationsRoute,
    repatriationRoute,
    crossBorderReferralsRoute,
    crossBorderReferralRoute,
    sheltersRoute,
    shelterRoute,
    directoryRoute,
    directoryOrganisationRoute,
    htcdsImportRoute,
    htcdsExportRoute,
    statisticsRoute,
    statisticReportsRoute,
    statisticReportRoute,
    reconciliationRoute,
    globalCollectionRoute,
    regionalStatisticsRoute,
    submissionRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: PageLoader,
    defaultErrorComponent: RouteErrorPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
