import { Stack, Text, Title } from '@mantine/core';
import { createRootRoute, createRoute, createRouter, Link, lazyRouteComponent } from '@tanstack/react-router';
import { AuthGate } from '../features/auth/components/auth-gate';
import { validatePartnersSearch } from '../features/partners/partners-search';
import { TodayPage } from '../features/today/components/today-page';

// Router: TanStack Router rather than react-router. The partner grid (next) keeps its view, filter, sort
// and columns in the URL; TanStack Router validates and types search params and route params end to end,
// so a shared link or a reload restores a view without hand-parsing. It also splits routes into lazy
// chunks (lazyRouteComponent below), which keeps the entry bundle small as pages arrive.

function NotFound() {
  return (
    <Stack>
      <Title order={1}>Page not found</Title>
      <Text>
        There is no page here. <Link to="/">Go to Today</Link>.
      </Text>
    </Stack>
  );
}

// The gate asks who is signed in first; it renders the app shell, the first-run or the sign-in page.
const rootRoute = createRootRoute({ component: AuthGate, notFoundComponent: NotFound });

const todayRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: TodayPage });
const partnersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners',
  validateSearch: validatePartnersSearch,
  component: lazyRouteComponent(() => import('../features/partners/components/partners-page'), 'PartnersPage'),
});
const newPartnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners/new',
  component: lazyRouteComponent(() => import('../features/partners/components/new-partner-page'), 'NewPartnerPage'),
});
const partnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners/$id',
  component: lazyRouteComponent(() => import('../features/partner-page/components/partner-page'), 'PartnerPage'),
});
const repRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reps/$id',
  component: lazyRouteComponent(() => import('../features/rep-page/components/rep-page'), 'RepPage'),
});
const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review',
  component: lazyRouteComponent(() => import('../features/review/components/review-page'), 'ReviewPage'),
});
const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dashboard',
  component: lazyRouteComponent(() => import('../features/dashboard/components/dashboard-page'), 'DashboardPage'),
});
const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('./settings-page'), 'SettingsPage'),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  component: lazyRouteComponent(() => import('../features/import/components/import-page'), 'ImportPage'),
});

// Invitation and password reset links: open without signing in, the token in the address.
const tokenSearch = (search: Record<string, unknown>) => ({ token: typeof search.token === 'string' ? search.token : '' });
const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('../features/auth/components/invite-page'), 'InvitePage'),
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('../features/auth/components/reset-password-page'), 'ResetPasswordPage'),
});

const routeTree = rootRoute.addChildren([
  todayRoute,
  partnersRoute,
  newPartnerRoute,
  partnerRoute,
  repRoute,
  reviewRoute,
  dashboardRoute,
  settingsRoute,
  importRoute,
  inviteRoute,
  resetPasswordRoute,
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
