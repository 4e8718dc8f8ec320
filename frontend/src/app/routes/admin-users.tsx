import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { BackgroundJobsCard } from '@/features/jobs/components/background-jobs-card';
import { UsersAdminView } from '@/features/users/components/users-admin-view';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth/use-session';

export function AdminUsersRoute() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('adminUsers.title'));
  if (session.status !== 'authenticated') return null;
  if (!session.viewer.isPlatformAdmin) return <Result status="403" title={t('adminUsers.forbidden')} />;
  return (
    <>
      <UsersAdminView viewerId={session.viewer.id} />
      <BackgroundJobsCard />
    </>
  );
}
