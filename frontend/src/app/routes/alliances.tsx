import { useTranslation } from 'react-i18next';
import { AllianceList } from '@/features/alliances/components/alliance-list';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function AlliancesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('alliances.title'));
  return <AllianceList />;
}
