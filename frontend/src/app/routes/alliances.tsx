import { useTranslation } from 'react-i18next';
import { AllianceList } from '@/features/alliances/components/alliance-list';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth/use-session';

export function AlliancesRoute() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('alliances.title'));
  return <AllianceList isPlatformAdmin={session.status === 'authenticated' && session.viewer.isPlatformAdmin} />;
}
