import { useTranslation } from 'react-i18next';
import { MeetingsView } from '@/features/meetings/components/meetings-view';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth/use-session';

export function MeetingsRoute() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('meetings.title'));
  return <MeetingsView isPlatformAdmin={session.status === 'authenticated' && session.viewer.isPlatformAdmin} />;
}
