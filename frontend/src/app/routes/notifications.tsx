import { useTranslation } from 'react-i18next';
import { NotificationList } from '@/features/notifications/components/notification-list';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function NotificationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  return <NotificationList />;
}
