import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function ResetPasswordRoute() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('accounts.reset.title'));
  return (
    <AuthLayout title={t('accounts.reset.title')}>
      <ResetPasswordForm token={token} />
    </AuthLayout>
  );
}
