import { useTranslation } from 'react-i18next';
import { OrganizationList } from '@/features/organizations/components/organization-list';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth/use-session';

export function OrganizationsRoute() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('organizations.title'));
  return <OrganizationList isPlatformAdmin={session.status === 'authenticated' && session.viewer.isPlatformAdmin} />;
}
