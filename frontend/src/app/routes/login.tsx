import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { LoginForm } from '@/features/auth/components/login-form';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { safeReturnPath } from '@/lib/auth/redirect';
import { useSession } from '@/lib/auth/use-session';

export function LoginRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const [searchParams] = useSearchParams();
  useDocumentTitle(t('login.title'));

  if (session.status === 'unknown') return <FullPageSpinner />;
  // Already (or just) logged in: on to where the user was going.
  if (session.status === 'authenticated') return <Navigate to={safeReturnPath(searchParams.get('next'))} replace />;
  return (
    <AuthLayout title={t('login.title')}>
      <LoginForm />
    </AuthLayout>
  );
}
