import { useTranslation } from 'react-i18next';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('accounts.forgot.title'));
  return (
    <AuthLayout title={t('accounts.forgot.title')}>
      <ForgotPasswordForm />
    </AuthLayout>
  );
}
