import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadNotificationCount } from '../api/get-unread-count';

/** The header's bell: the number of unread notifications, leading to the notifications page. */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useUnreadNotificationCount();
  const label = count > 0 ? t('notifications.bellLabel', { count }) : t('notifications.title');
  return (
    <Link to="/notifications" aria-label={label} title={label} className="header-icon-link">
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 18 }} aria-hidden />
      </Badge>
    </Link>
  );
}
