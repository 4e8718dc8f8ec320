import { Button, Card, Descriptions, Empty, Flex, List, Result, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { PageHeader } from '@/components/page-header';
import { displayName, formatTimeRange } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useSharedResource } from '../api/get-shared-resource';
import { BookingActions } from './booking-actions';
import { BookingRequestModal } from './booking-request-modal';
import { BookingStatusTag, ResourceKindTag } from './resource-kind-tag';

/** A resource: its details, a week of bookings (approved and requested shown apart), the owner's inbox. */
export function ResourceView({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [weekStart, setWeekStart] = useState(() => dayjs().startOf('day'));
  const from = useMemo(() => weekStart.toISOString(), [weekStart]);
  const to = useMemo(() => weekStart.add(7, 'day').toISOString(), [weekStart]);
  const [result, refetch] = useSharedResource(resourceId, from, to);
  const inboxQuery = useSharedResource(resourceId, from, weekStart.add(366, 'day').toISOString())[0];
  const [requesting, setRequesting] = useState(false);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (result.error) return <ErrorAlert error={result.error} onRetry={reload} />;
  const resource = result.data?.sharedResource;
  if (result.fetching && !resource) return <Skeleton active />;
  if (!resource) return <Result status="404" title={t('resources.notFound')} />;
  const zone = resource.offeredTo[0]?.timeZone;
  const active = resource.bookings.filter((b) => b.status !== 'CANCELLED' && b.status !== 'DECLINED');
  const inbox = (inboxQuery.data?.sharedResource?.bookings ?? []).filter(
    (b) => b.status === 'REQUESTED' && b.viewerCanDecide,
  );

  return (
    <>
      <PageHeader
        title={resource.name}
        extra={
          resource.viewerCanRequest && (
            <Button type="primary" onClick={() => setRequesting(true)}>
              {t('resources.request')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <ResourceKindTag kind={resource.kind} />
        {resource.withdrawnAt && <Typography.Text type="danger">{t('resources.withdrawn')}</Typography.Text>}
      </Space>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('resources.offeredBy')}>
          {displayName(resource.organization, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('resources.offeredTo')}>
          {resource.offeredTo.map((a) => displayName(a, language)).join('、')}
        </Descriptions.Item>
        {resource.location && (
          <Descriptions.Item label={t('resources.location')}>{resource.location}</Descriptions.Item>
        )}
        {resource.capacity != null && (
          <Descriptions.Item label={t('resources.capacity')}>
            {t('resources.capacityValue', { count: resource.capacity })}
          </Descriptions.Item>
        )}
        {resource.availability && (
          <Descriptions.Item label={t('resources.availability')}>{resource.availability}</Descriptions.Item>
        )}
        {resource.rules && <Descriptions.Item label={t('resources.rules')}>{resource.rules}</Descriptions.Item>}
        {resource.description && (
          <Descriptions.Item label={t('resources.description')}>{resource.description}</Descriptions.Item>
        )}
      </Descriptions>

      {resource.viewerCanManage && (
        <Card
          title={t('resources.inbox')}
          size="small"
          style={{ marginBottom: 16 }}
          role="region"
          aria-label={t('resources.inbox')}
        >
          {inbox.length === 0 ? (
            <Typography.Text type="secondary">{t('resources.inboxEmpty')}</Typography.Text>
          ) : (
            <List
              dataSource={inbox}
              renderItem={(b) => (
                <List.Item key={b.id}>
                  <Flex vertical gap={4} style={{ width: '100%' }}>
                    <Typography.Text strong>{formatTimeRange(b.startsAt, b.endsAt, zone)}</Typography.Text>
                    <Typography.Text>
                      {t('resources.requester')}: {displayName(b.requestingOrganization, language)}
                    </Typography.Text>
                    {b.purpose && <Typography.Text type="secondary">{b.purpose}</Typography.Text>}
                    <BookingActions booking={b} onChanged={reload} />
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}

      <Card
        title={t('resources.calendar')}
        size="small"
        role="region"
        aria-label={t('resources.calendar')}
        extra={
          <Space>
            <Button size="small" onClick={() => setWeekStart(weekStart.subtract(7, 'day'))}>
              {t('resources.previousWeek')}
            </Button>
            <Button size="small" onClick={() => setWeekStart(weekStart.add(7, 'day'))}>
              {t('resources.nextWeek')}
            </Button>
          </Space>
        }
      >
        {active.length === 0 ? (
          <Empty description={t('resources.noBookings')} />
        ) : (
          <List
            aria-label={t('resources.calendar')}
            dataSource={active}
            renderItem={(b) => (
              <List.Item
                key={b.id}
                style={{
                  borderLeft: `4px ${b.status === 'REQUESTED' ? 'dashed #fa8c16' : 'solid #52c41a'}`,
                  paddingLeft: 12,
                }}
              >
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Space wrap>
                    <BookingStatusTag status={b.status} />
                    <Typography.Text strong>{formatTimeRange(b.startsAt, b.endsAt, zone)}</Typography.Text>
                  </Space>
                  <Typography.Text>
                    {t('resources.requester')}: {displayName(b.requestingOrganization, language)}
                  </Typography.Text>
                  {b.purpose && <Typography.Text type="secondary">{b.purpose}</Typography.Text>}
                  {b.contributionNote && (
                    <Typography.Text>{t('resources.contribution', { note: b.contributionNote })}</Typography.Text>
                  )}
                  {!b.viewerCanDecide && <BookingActions booking={b} onChanged={reload} />}
                  {b.viewerCanDecide && b.status === 'APPROVED' && <BookingActions booking={b} onChanged={reload} />}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <BookingRequestModal
        open={requesting}
        resourceId={resource.id}
        alliances={resource.offeredTo}
        onClose={() => setRequesting(false)}
        onDone={() => {
          setRequesting(false);
          reload();
        }}
      />
    </>
  );
}
