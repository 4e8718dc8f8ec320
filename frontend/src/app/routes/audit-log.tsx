import { useTranslation } from 'react-i18next';
import { AuditLogView } from '@/features/audit/components/audit-log-view';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth/use-session';

export function AuditLogRoute() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('audit.title'));
  const isPlatformAdmin = session.status === 'authenticated' && session.viewer.isPlatformAdmin;
  return <AuditLogView isPlatformAdmin={isPlatformAdmin} />;
}
