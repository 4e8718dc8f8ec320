import { useTranslation } from 'react-i18next';
import { IntegrationTokensView } from '@/features/integration-tokens/components/integration-tokens-view';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth/use-session';

export function IntegrationTokensRoute() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('integrationTokens.title'));
  const isPlatformAdmin = session.status === 'authenticated' && session.viewer.isPlatformAdmin;
  return <IntegrationTokensView isPlatformAdmin={isPlatformAdmin} />;
}
