import { useTranslation } from 'react-i18next';
import { OrganizationList } from '@/features/organizations/components/organization-list';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function OrganizationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('organizations.title'));
  return <OrganizationList />;
}
