import BellOutlined from '@ant-design/icons-svg/es/asn/BellOutlined';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlainIcon } from '@/components/plain-icon';
import { useUnreadNotificationCount } from '../api/get-unread-count';

/**
 * The header's bell: the number of unread notifications, leading to the notifications page. Plain
 * markup (styles in app-layout.css), like the rest of the logged-in frame.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useUnreadNotificationCount();
  const label = count > 0 ? t('notifications.bellLabel', { count }) : t('notifications.title');
  return (
    <Link to="/notifications" aria-label={label} title={label} className="header-bell">
      <PlainIcon icon={BellOutlined} />
      {count > 0 && (
        <span className="header-bell__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
