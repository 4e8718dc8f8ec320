import { Card, Collapse, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { Markdown } from '@/components/markdown';
import { displayName, formatDateTime, formatTimeRange } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { usePastMeetings } from '../api/get-past-meetings';
import { MeetingKindTag, MeetingStatusTag } from './meeting-tags';

/** Meetings that are over, newest first, each with its approved minutes to read in place. */
export function PastMeetings() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const meetings = usePastMeetings();
  type Meeting = (typeof meetings.nodes)[number];

  return (
    <>
      {meetings.error && <ErrorAlert error={meetings.error} onRetry={meetings.refetch} />}
      <List
        aria-label={t('meetingCycle.past')}
        loading={meetings.loading}
        dataSource={meetings.nodes as Meeting[]}
        rowKey="id"
        locale={{ emptyText: t('meetingCycle.pastEmpty') }}
        split={false}
        renderItem={(meeting) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Card
              size="small"
              style={{ width: '100%' }}
              role="article"
              aria-label={meeting.title}
              title={
                <Flex wrap gap={4} align="center" style={{ whiteSpace: 'normal', paddingBlock: 8 }}>
                  <Link to={`/meetings/${meeting.id}`} style={{ marginInlineEnd: 8 }}>
                    {meeting.title}
                  </Link>
                  <MeetingKindTag kind={meeting.kind} />
                  <MeetingStatusTag status={meeting.status} />
                </Flex>
              }
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {formatTimeRange(meeting.startsAt, meeting.endsAt, meeting.alliance.timeZone)} ·{' '}
                {displayName(meeting.alliance, language)}
              </Typography.Paragraph>
              {meeting.approvedMinutes ? (
                <Collapse
                  size="small"
                  items={[
                    {
                      key: 'minutes',
                      label: t('meetingCycle.approvedMinutes', {
                        time: formatDateTime(meeting.approvedMinutes.approvedAt, meeting.alliance.timeZone),
                      }),
                      children: (
                        <Markdown label={t('meetingCycle.minutesOf', { title: meeting.title })}>
                          {meeting.approvedMinutes.body}
                        </Markdown>
                      ),
                    },
                  ]}
                />
              ) : (
                <Typography.Text type="secondary">{t('meetingCycle.noApprovedMinutes')}</Typography.Text>
              )}
            </Card>
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
