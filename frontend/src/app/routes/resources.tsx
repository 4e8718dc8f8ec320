import { useTranslation } from 'react-i18next';
import { ResourceRegistry } from '@/features/resources/components/resource-registry';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function ResourcesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('resources.title'));
  return <ResourceRegistry />;
}
