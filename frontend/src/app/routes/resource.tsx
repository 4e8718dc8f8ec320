import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ResourceView } from '@/features/resources/components/resource-view';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function ResourceRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('resources.title'));
  return <ResourceView key={id} resourceId={id} />;
}
