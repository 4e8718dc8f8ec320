import { List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { displayName, formatTimeRange } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useUpcomingMeetings } from '../api/get-meetings';
import { MeetingKindTag, MeetingStatusTag } from './meeting-tags';

/** Meetings from today on, in order, a page at a time. */
export function MeetingList() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [from] = useState(() => dayjs().startOf('day').toISOString());
  const meetings = useUpcomingMeetings(from);
  type Meeting = (typeof meetings.nodes)[number];

  return (
    <>
      {meetings.error && <ErrorAlert error={meetings.error} onRetry={meetings.refetch} />}
      <List
        aria-label={t('meetings.upcoming')}
        loading={meetings.loading}
        dataSource={meetings.nodes as Meeting[]}
        rowKey="id"
        locale={{ emptyText: t('meetings.upcomingEmpty') }}
        renderItem={(meeting) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  <Link to={`/meetings/${meeting.id}`} style={{ marginInlineEnd: 8 }}>
                    {meeting.title}
                  </Link>
                  <MeetingKindTag kind={meeting.kind} />
                  <MeetingStatusTag status={meeting.status} />
                </>
              }
              description={
                <>
                  <div>{formatTimeRange(meeting.startsAt, meeting.endsAt, meeting.alliance.timeZone)}</div>
                  <Typography.Text type="secondary">
                    {displayName(meeting.alliance, language)}
                    {meeting.location
                      ? ` · ${meeting.location}`
                      : meeting.onlineUrl
                        ? ` · ${t('meetings.online')}`
                        : ''}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <LoadMore
        shown={meetings.nodes.length}
        total={meetings.totalCount}
        hasNextPage={meetings.hasNextPage}
        loading={meetings.loadingMore}
        onLoadMore={meetings.loadMore}
      />
    </>
  );
}
