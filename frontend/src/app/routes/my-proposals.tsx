import { useTranslation } from 'react-i18next';
import { MyProposals } from '@/features/meetings/components/my-proposals';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function MyProposalsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('meetingCycle.myProposals'));
  return <MyProposals />;
}
