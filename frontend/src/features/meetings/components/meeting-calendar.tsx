import { Badge, Calendar, Card, Empty, List, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { useIsPhone } from '@/hooks/use-is-phone';
import { dateKey, displayName, formatTime } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useMeetingsBetween } from '../api/get-meetings';
import { MEETING_BADGE_STATUS, MeetingStatusTag } from './meeting-tags';

/** How many meetings a day's cell lists before "n more". */
const PER_CELL = 3;
/** The calendar shows six weeks, starting with the week of the month's first day. */
const GRID_DAYS = 42;

/**
 * A month of meetings. On a desktop each day lists its meetings (click one to open it); on a phone the
 * days with meetings carry a dot and the selected day's meetings are listed below.
 */
export function MeetingCalendar() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const isPhone = useIsPhone();
  const [selected, setSelected] = useState<Dayjs>(() => dayjs());
  const gridStart = selected.startOf('month').startOf('week');
  const [{ data, error, fetching }, reexecute] = useMeetingsBetween(
    gridStart.toISOString(),
    gridStart.add(GRID_DAYS, 'day').toISOString(),
  );

  const byDay = useMemo(() => {
    const map = new Map<string, NonNullable<typeof data>['meetings']['nodes'][number][]>();
    for (const meeting of data?.meetings.nodes ?? []) {
      const key = dateKey(meeting.startsAt, meeting.alliance.timeZone);
      map.set(key, [...(map.get(key) ?? []), meeting]);
    }
    return map;
  }, [data]);
  const ofSelectedDay = byDay.get(selected.format('YYYY-MM-DD')) ?? [];

  return (
    <>
      {error && <ErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      <Card size="small" loading={fetching && !data} style={{ marginBottom: 16 }}>
        <Calendar
          fullscreen={!isPhone}
          value={selected}
          onChange={setSelected}
          cellRender={(date, info) => {
            if (info.type !== 'date') return info.originNode;
            const meetings = byDay.get(date.format('YYYY-MM-DD')) ?? [];
            if (meetings.length === 0) return null;
            if (isPhone) return <span className="meeting-dot" aria-hidden />;
            return (
              <ul className="meeting-cell-list">
                {meetings.slice(0, PER_CELL).map((meeting) => (
                  <li key={meeting.id}>
                    <Link to={`/meetings/${meeting.id}`} title={meeting.title}>
                      <Badge
                        status={MEETING_BADGE_STATUS[meeting.status]}
                        text={`${formatTime(meeting.startsAt, meeting.alliance.timeZone)} ${meeting.title}`}
                      />
                    </Link>
                  </li>
                ))}
                {meetings.length > PER_CELL && (
                  <li>
                    <Typography.Text type="secondary">
                      {t('meetings.more', { count: meetings.length - PER_CELL })}
                    </Typography.Text>
                  </li>
                )}
              </ul>
            );
          }}
        />
      </Card>
      <Card
        size="small"
        title={<h2 className="section-title">{t('meetings.meetingsOn', { date: selected.format('LL') })}</h2>}
      >
        {ofSelectedDay.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.noMeetingsOnDay')} />
        ) : (
          <List
            dataSource={ofSelectedDay}
            rowKey="id"
            renderItem={(meeting) => (
              <List.Item extra={<MeetingStatusTag status={meeting.status} />}>
                <List.Item.Meta
                  title={<Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>}
                  description={`${formatTime(meeting.startsAt, meeting.alliance.timeZone)} · ${displayName(meeting.alliance, language)}${meeting.location ? ` · ${meeting.location}` : ''}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
