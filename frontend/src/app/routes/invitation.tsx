import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { InvitationAcceptance } from '@/features/invitations/components/invitation-acceptance';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function InvitationRoute() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('invitation.title'));
  return (
    <AuthLayout title={t('invitation.title')}>
      <InvitationAcceptance token={token} />
    </AuthLayout>
  );
}
