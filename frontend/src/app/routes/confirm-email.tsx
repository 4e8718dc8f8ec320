import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { ConfirmEmail } from '@/features/profile/components/confirm-email';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function ConfirmEmailRoute() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('accounts.confirmEmail.title'));
  return (
    <AuthLayout title={t('accounts.confirmEmail.title')}>
      <ConfirmEmail token={token} />
    </AuthLayout>
  );
}
