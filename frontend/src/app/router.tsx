import { Suspense, use, useState, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { initialStrings } from '@/i18n';
import { nextTask } from '@/lib/next-task';

/**
 * A route's `lazy`, started a task later: the router starts loading the first page's code (and Vite
 * appends a <link rel="modulepreload"> per chunk it needs, ~20 for the dashboard) while it is being
 * made, which on a phone (4x CPU) was one task of 200-300 ms; so making the router, and loading each
 * matched route's code, are tasks of their own.
 */
const later =
  <T,>(load: () => Promise<T>) =>
  () =>
    nextTask().then(load);

// Pages load on demand, and so do antd and the logged-in shell (layout, menu, notification bell): the
// login page needs none of them (see scripts/weight.sh). The shell and the dashboard, the first screen
// after logging in, are plain HTML and CSS too: antd loads with the first other page.
const routes = () =>
  createBrowserRouter([
    {
      // Shown while the first page's code loads.
      HydrateFallback: FullPageSpinner,
      children: [
        { path: '/login', lazy: later(() => import('./routes/login').then((m) => ({ Component: m.LoginRoute }))) },
        // Opened from a QR code on a phone: plain HTML and CSS like /login (no antd), login required.
        {
          path: '/check-in/:meetingId',
          lazy: later(() => import('./routes/check-in').then((m) => ({ Component: m.CheckInRoute }))),
        },
        // Opened from an activity's QR code on a phone, like the meetings' check-in.
        {
          path: '/activities/:id/check-in',
          lazy: later(() => import('./routes/activity-check-in').then((m) => ({ Component: m.ActivityCheckInRoute }))),
        },
        {
          path: '/',
          lazy: later(() => import('./routes/app-root').then((m) => ({ Component: m.AppRoot }))),
          children: [
            {
              index: true,
              lazy: later(() => import('./routes/dashboard').then((m) => ({ Component: m.DashboardRoute }))),
            },
            {
              // The other logged-in pages use antd: its theme and locale load with the first of them.
              lazy: later(() => import('./antd-shell').then((m) => ({ Component: m.AntdShell }))),
              children: [
                {
                  path: 'profile',
                  lazy: later(() => import('./routes/profile').then((m) => ({ Component: m.ProfileRoute }))),
                },
                {
                  path: 'alliances',
                  lazy: later(() => import('./routes/alliances').then((m) => ({ Component: m.AlliancesRoute }))),
                },
                {
                  path: 'alliances/:id',
                  lazy: later(() => import('./routes/alliance').then((m) => ({ Component: m.AllianceRoute }))),
                },
                {
                  path: 'alliances/:id/agreements',
                  lazy: later(() => import('./routes/agreements').then((m) => ({ Component: m.AgreementsRoute }))),
                },
                {
                  path: 'alliances/:id/documents',
                  lazy: later(() => import('./routes/documents').then((m) => ({ Component: m.DocumentsRoute }))),
                },
                {
                  path: 'agreements',
                  lazy: later(() => import('./routes/agreements').then((m) => ({ Component: m.AgreementsRoute }))),
                },
                {
                  path: 'agreements/:id',
                  lazy: later(() => import('./routes/agreement').then((m) => ({ Component: m.AgreementRoute }))),
                },
                {
                  path: 'meetings',
                  lazy: later(() => import('./routes/meetings').then((m) => ({ Component: m.MeetingsRoute }))),
                },
                {
                  path: 'activities/:id/photos',
                  lazy: later(() =>
                    import('./routes/activity-photos').then((m) => ({ Component: m.ActivityPhotosRoute })),
                  ),
                },
                {
                  path: 'meetings/:id',
                  lazy: later(() => import('./routes/meeting').then((m) => ({ Component: m.MeetingRoute }))),
                },
                {
                  path: 'resources',
                  lazy: later(() => import('./routes/resources').then((m) => ({ Component: m.ResourcesRoute }))),
                },
                {
                  path: 'resources/:id',
                  lazy: later(() => import('./routes/resource').then((m) => ({ Component: m.ResourceRoute }))),
                },
                {
                  path: 'activities',
                  lazy: later(() => import('./routes/activities').then((m) => ({ Component: m.ActivitiesRoute }))),
                },
                {
                  path: 'activities/:id',
                  lazy: later(() => import('./routes/activity').then((m) => ({ Component: m.ActivityRoute }))),
                },
                {
                  path: 'action-items',
                  lazy: later(() => import('./routes/action-items').then((m) => ({ Component: m.ActionItemsRoute }))),
                },
                {
                  path: 'my-proposals',
                  lazy: later(() => import('./routes/my-proposals').then((m) => ({ Component: m.MyProposalsRoute }))),
                },
                {
                  path: 'notifications',
                  lazy: later(() =>
                    import('./routes/notifications').then((m) => ({ Component: m.NotificationsRoute })),
                  ),
                },
                {
                  path: 'organizations',
                  lazy: later(() =>
                    import('./routes/organizations').then((m) => ({ Component: m.OrganizationsRoute })),
                  ),
                },
                {
                  path: 'organizations/:id',
                  lazy: later(() => import('./routes/organization').then((m) => ({ Component: m.OrganizationRoute }))),
                },
                {
                  path: 'admin/users',
                  lazy: later(() => import('./routes/admin-users').then((m) => ({ Component: m.AdminUsersRoute }))),
                },
                {
                  path: 'admin/audit',
                  lazy: later(() => import('./routes/audit-log').then((m) => ({ Component: m.AuditLogRoute }))),
                },
                {
                  path: 'integration-tokens',
                  lazy: later(() =>
                    import('./routes/integration-tokens').then((m) => ({ Component: m.IntegrationTokensRoute })),
                  ),
                },
              ],
            },
          ],
        },
        {
          // The other pages use antd: its theme and locale load with the first of them.
          lazy: later(() => import('./antd-shell').then((m) => ({ Component: m.AntdShell }))),
          children: [
            {
              path: '/invitations/:token',
              lazy: later(() => import('./routes/invitation').then((m) => ({ Component: m.InvitationRoute }))),
            },
            {
              path: '/forgot-password',
              lazy: later(() => import('./routes/forgot-password').then((m) => ({ Component: m.ForgotPasswordRoute }))),
            },
            {
              path: '/confirm-email/:token',
              lazy: later(() => import('./routes/confirm-email').then((m) => ({ Component: m.ConfirmEmailRoute }))),
            },
            {
              path: '/reset-password/:token',
              lazy: later(() => import('./routes/reset-password').then((m) => ({ Component: m.ResetPasswordRoute }))),
            },
            // Public alliance profiles, for anyone.
            {
              path: '/public/alliances/:id',
              lazy: later(() => import('./routes/public-alliance').then((m) => ({ Component: m.PublicAllianceRoute }))),
            },
            {
              path: '*',
              lazy: later(() => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute }))),
            },
          ],
        },
      ],
    },
  ]);

/** Renders its children once the first screen's language strings have loaded (a blank page until then). */
function WithStrings({ children }: { children: ReactNode }) {
  use(initialStrings);
  return children;
}

export function AppRouter() {
  // Made on the first render, not when the module loads: starting the first navigation (and loading
  // its page's code) is then a task of its own after the app's code has run, not part of that long one.
  // The first page's code loads in parallel with the language strings, which the pages wait for.
  const [router] = useState(routes);
  return (
    <Suspense fallback={null}>
      <WithStrings>
        <RouterProvider router={router} />
      </WithStrings>
    </Suspense>
  );
}
