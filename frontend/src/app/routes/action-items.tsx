import { useTranslation } from 'react-i18next';
import { MyActionItems } from '@/features/meetings/components/my-action-items';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function ActionItemsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('actionItems.myTitle'));
  return <MyActionItems />;
}
