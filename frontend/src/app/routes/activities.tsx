import { useTranslation } from 'react-i18next';
import { ActivitiesView } from '@/features/activities/components/activities-view';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function ActivitiesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('activities.title'));
  return <ActivitiesView />;
}
