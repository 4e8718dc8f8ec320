import { useTranslation } from 'react-i18next';
import { DashboardView } from '@/features/dashboard/components/dashboard-view';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth/use-session';

export function DashboardRoute() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('dashboard.title'));
  return <DashboardView viewerName={session.status === 'authenticated' ? session.viewer.name : ''} />;
}
