import { Button, Card, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { formatTimeRange } from '@/i18n/format';
import { useActivities } from '../api/get-activities';
import { ActivityFormModal } from './activity-form-modal';
import { ActivityTags } from './activity-tags';

/** The activities of one alliance, or of every alliance the viewer belongs to, with "new activity". */
export function ActivitiesView({ allianceId }: { allianceId?: string }) {
  const { t } = useTranslation();
  const list = useActivities(allianceId);
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={allianceId ? t('activities.allianceTitle') : t('activities.title')}
      extra={
        <Flex gap={8} wrap>
          {/* The public news is served by the server as plain HTML: a plain link, not a route. */}
          <a href="/news">{t('activities.newsLink')}</a>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('activities.create')}
          </Button>
        </Flex>
      }
    >
      {list.error && <ErrorAlert error={list.error} onRetry={list.refetch} />}
      {list.loading ? (
        <Skeleton active />
      ) : list.nodes.length === 0 ? (
        <Empty description={t('activities.empty')} />
      ) : (
        <List
          dataSource={[...list.nodes]}
          renderItem={(activity) => (
            <List.Item key={activity.id}>
              <List.Item.Meta
                title={<Link to={`/activities/${activity.id}`}>{activity.theme}</Link>}
                description={
                  <Flex vertical gap={4}>
                    <span>
                      <ActivityTags kind={activity.kind} status={activity.status} />
                    </span>
                    <Typography.Text type="secondary">
                      {formatTimeRange(activity.startsAt, activity.endsAt, activity.timeZone)}
                      {activity.location ? ` · ${activity.location}` : ''}
                      {allianceId ? '' : ` · ${activity.alliance.name}`}
                    </Typography.Text>
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      )}
      {list.hasNextPage && (
        <Button block loading={list.loadingMore} onClick={list.loadMore}>
          {t('common.loadMore')}
        </Button>
      )}
      <ActivityFormModal
        open={creating}
        allianceId={allianceId}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          list.refetch();
        }}
      />
    </Card>
  );
}
