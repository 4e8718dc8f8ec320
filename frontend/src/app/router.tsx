import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { HOME_PATH } from '@/lib/auth/redirect';
import { AppRoot } from './routes/app-root';

// Pages load on demand; the shell (layout, session) is in the main bundle.
const router = createBrowserRouter([
  {
    // Shown while the first page's code loads.
    HydrateFallback: FullPageSpinner,
    children: [
      { path: '/login', lazy: () => import('./routes/login').then((m) => ({ Component: m.LoginRoute })) },
      {
        path: '/invitations/:token',
        lazy: () => import('./routes/invitation').then((m) => ({ Component: m.InvitationRoute })),
      },
      {
        path: '/',
        element: <AppRoot />,
        children: [
          { index: true, element: <Navigate to={HOME_PATH} replace /> },
          { path: 'profile', lazy: () => import('./routes/profile').then((m) => ({ Component: m.ProfileRoute })) },
          {
            path: 'alliances',
            lazy: () => import('./routes/alliances').then((m) => ({ Component: m.AlliancesRoute })),
          },
          {
            path: 'organizations',
            lazy: () => import('./routes/organizations').then((m) => ({ Component: m.OrganizationsRoute })),
          },
          {
            path: 'integration-tokens',
            lazy: () => import('./routes/integration-tokens').then((m) => ({ Component: m.IntegrationTokensRoute })),
          },
        ],
      },
      { path: '*', lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute })) },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
