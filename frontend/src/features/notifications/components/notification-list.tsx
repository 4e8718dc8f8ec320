import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Flex, List, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { PageHeader } from '@/components/page-header';
import { formatDateTime, formatRelative } from '@/i18n/format';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { useNotifications } from '../api/get-notifications';
import { useMarkNotificationsRead } from '../api/mark-notifications-read';
import { useResolveSubject } from '../api/resolve-subject';

/** The notifications page: newest first, unread ones marked; opening one marks it read and goes to its subject. */
export function NotificationList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const notifications = useNotifications(unreadOnly);
  const [{ fetching: marking }, markRead] = useMarkNotificationsRead();
  const resolveSubject = useResolveSubject();
  type Notification = (typeof notifications.nodes)[number];

  const report = async (promise: ReturnType<typeof markRead>, success?: string) => {
    const result = await promise;
    const userError = result.data?.markNotificationsRead.userErrors[0];
    if (result.error) void message.error(describeError(result.error, t));
    else if (userError) void message.error(describeUserError(userError, t));
    else if (success) void message.success(success);
  };

  const open = async (notification: Notification) => {
    if (!notification.readAt) void report(markRead({ ids: [notification.id] }));
    if (!notification.subjectId) return;
    const path = await resolveSubject(notification.subjectId);
    if (path) void navigate(path);
    else void message.info(t('notifications.notAvailable'));
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        extra={
          <Flex wrap gap={12} align="center">
            <Flex align="center" gap={8}>
              <Switch id="unread-only" checked={unreadOnly} onChange={setUnreadOnly} />
              <label htmlFor="unread-only">{t('notifications.unreadOnly')}</label>
            </Flex>
            <Button
              icon={<CheckOutlined />}
              loading={marking}
              onClick={() => void report(markRead({ all: true }), t('notifications.allRead'))}
            >
              {t('notifications.markAllRead')}
            </Button>
          </Flex>
        }
      />
      {notifications.error && <ErrorAlert error={notifications.error} onRetry={notifications.refetch} />}
      <List
        aria-label={t('notifications.title')}
        loading={notifications.loading}
        dataSource={notifications.nodes as Notification[]}
        rowKey="id"
        locale={{ emptyText: t('notifications.empty') }}
        renderItem={(notification) => (
          <List.Item
            actions={
              notification.readAt
                ? undefined
                : [
                    <Button
                      key="read"
                      size="small"
                      type="text"
                      onClick={() => void report(markRead({ ids: [notification.id] }))}
                    >
                      {t('notifications.markRead')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              avatar={<Badge status={notification.readAt ? 'default' : 'error'} aria-hidden />}
              title={
                <Flex wrap gap={4} align="center">
                  {notification.subjectId ? (
                    <Button
                      type="link"
                      onClick={() => void open(notification)}
                      style={{
                        padding: 0,
                        height: 'auto',
                        whiteSpace: 'normal',
                        textAlign: 'start',
                        fontWeight: notification.readAt ? 400 : 600,
                      }}
                    >
                      {notification.title}
                    </Button>
                  ) : (
                    <Typography.Text strong={!notification.readAt}>{notification.title}</Typography.Text>
                  )}
                  {!notification.readAt && <Tag color="red">{t('notifications.unread')}</Tag>}
                </Flex>
              }
              description={
                <Flex wrap gap={8}>
                  <span>{t(`enums.notificationKind.${notification.kind}`)}</span>
                  <time dateTime={notification.createdAt} title={formatDateTime(notification.createdAt) ?? undefined}>
                    {formatRelative(notification.createdAt)}
                  </time>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      <LoadMore
        shown={notifications.nodes.length}
        total={notifications.totalCount}
        hasNextPage={notifications.hasNextPage}
        loading={notifications.loadingMore}
        onLoadMore={notifications.loadMore}
      />
    </>
  );
}
