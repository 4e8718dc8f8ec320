import {
  CalendarOutlined,
  CaretRightOutlined,
  CheckOutlined,
  CloseCircleOutlined,
  EditOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingStatus } from '@/gql/graphql';
import { displayName, formatDateTime, formatTimeRange } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { downloadTextFile } from '@/lib/files/download-text';
import { describeError, describeUserError, hasErrorCode } from '@/lib/graphql/errors';
import { useFetchMeetingIcs } from '../api/get-meeting-ics';
import { useUpdateMeeting } from '../api/update-meeting';
import { MeetingFormModal } from './meeting-form-modal';
import { MeetingKindTag, MeetingStatusTag } from './meeting-tags';
import type { MeetingDetail } from './types';

/** The next steps of a meeting's life a convener can take from each status. */
const NEXT_STATUS: Record<MeetingStatus, MeetingStatus | null> = {
  DRAFT: 'SCHEDULED',
  SCHEDULED: 'IN_PROGRESS',
  IN_PROGRESS: 'COMPLETED',
  COMPLETED: null,
  CANCELLED: null,
};

function icsFileName(meeting: MeetingDetail): string {
  const safe = meeting.title.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60) || 'meeting';
  return `${safe}.ics`;
}

/** Title, kind and status, time and place, host, the .ics download and (for conveners) status changes. */
export function MeetingHeader({
  meeting,
  isPlatformAdmin,
  onRefetch,
}: {
  meeting: MeetingDetail;
  isPlatformAdmin: boolean;
  onRefetch: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message, modal } = App.useApp();
  const [{ fetching }, updateMeeting] = useUpdateMeeting();
  const [editing, setEditing] = useState(false);
  const fetchIcs = useFetchMeetingIcs();
  const [fetchingIcs, setFetchingIcs] = useState(false);
  const none = t('common.none');

  // The iCalendar text is fetched on the click (it is not part of the page's query), then offered.
  const downloadIcs = async () => {
    setFetchingIcs(true);
    try {
      const { ics, error } = await fetchIcs(meeting.id);
      if (error) void message.error(describeError(error, t));
      else if (ics === null) void message.error(t('meeting.notFound'));
      else downloadTextFile(icsFileName(meeting), ics, 'text/calendar;charset=utf-8');
    } finally {
      setFetchingIcs(false);
    }
  };

  const setStatus = async (status: MeetingStatus) => {
    const result = await updateMeeting({ input: { id: meeting.id, version: meeting.version, status } });
    const userError = result.data?.updateMeeting.userErrors[0];
    if (result.error) {
      if (hasErrorCode(result.error, 'CONFLICT')) onRefetch();
      void message.error(
        hasErrorCode(result.error, 'CONFLICT') ? t('meeting.conflict') : describeError(result.error, t),
      );
    } else if (userError) {
      void message.error(describeUserError(userError, t));
    } else {
      void message.success(t('meeting.statusChanged'));
    }
  };

  const confirmCancel = () => {
    void modal.confirm({
      title: t('meeting.cancelTitle'),
      content: t('meeting.cancelConfirm', { title: meeting.title }),
      okText: t('meeting.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('meeting.keep'),
      onOk: () => setStatus('CANCELLED'),
    });
  };

  // Starting and ending are one tap from the phone: both ask first, and starting days early says so.
  const confirmStep = (status: MeetingStatus) => {
    if (status !== 'IN_PROGRESS' && status !== 'COMPLETED') {
      void setStatus(status);
      return;
    }
    const days = Math.floor((new Date(meeting.startsAt).getTime() - Date.now()) / 86_400_000);
    const content =
      status === 'COMPLETED'
        ? t('meeting.completeConfirm', { title: meeting.title })
        : days >= 1
          ? t('meeting.startEarly', { time: formatDateTime(meeting.startsAt, meeting.alliance.timeZone), days })
          : t('meeting.startConfirm', { title: meeting.title });
    void modal.confirm({
      title: status === 'COMPLETED' ? t('meeting.completeTitle') : t('meeting.startTitle'),
      content,
      okText: status === 'COMPLETED' ? t('meeting.complete') : t('meeting.start'),
      cancelText: t('common.cancel'),
      onOk: () => setStatus(status),
    });
  };

  const next = NEXT_STATUS[meeting.status];
  const nextLabel: Record<MeetingStatus, string> = {
    DRAFT: '',
    SCHEDULED: t('meeting.publish'),
    IN_PROGRESS: t('meeting.start'),
    COMPLETED: t('meeting.complete'),
    CANCELLED: '',
  };
  const nextIcon =
    next === 'SCHEDULED' ? <SendOutlined /> : next === 'IN_PROGRESS' ? <CaretRightOutlined /> : <CheckOutlined />;
  const open = meeting.status !== 'COMPLETED' && meeting.status !== 'CANCELLED';

  return (
    <>
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {meeting.title}
        </Typography.Title>
        <Flex wrap gap={4} align="center">
          <MeetingKindTag kind={meeting.kind} />
          <MeetingStatusTag status={meeting.status} />
        </Flex>
        <Space wrap>
          <Button icon={<CalendarOutlined />} loading={fetchingIcs} onClick={() => void downloadIcs()}>
            {t('meeting.downloadIcs')}
          </Button>
          {meeting.viewerCanManage && open && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('meeting.edit')}
            </Button>
          )}
          {meeting.viewerCanManage && next && (
            <Button type="primary" icon={nextIcon} loading={fetching} onClick={() => confirmStep(next)}>
              {nextLabel[next]}
            </Button>
          )}
          {meeting.viewerCanManage && open && (
            <Button danger icon={<CloseCircleOutlined />} onClick={confirmCancel}>
              {t('meeting.cancel')}
            </Button>
          )}
        </Space>
      </Flex>
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2 }}
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        title={<h2 className="section-title">{t('meeting.details')}</h2>}
      >
        <Descriptions.Item label={t('meeting.time')}>
          {formatTimeRange(meeting.startsAt, meeting.endsAt, meeting.alliance.timeZone)}
        </Descriptions.Item>
        <Descriptions.Item label={t('meeting.alliance')}>
          <Link to={`/alliances/${meeting.alliance.id}`}>{displayName(meeting.alliance, language)}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('meeting.place')}>{meeting.location ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('meeting.online')}>
          {meeting.onlineUrl ? (
            <Typography.Link
              href={meeting.onlineUrl}
              target="_blank"
              rel="noopener noreferrer"
              style={{ wordBreak: 'break-all' }}
            >
              {meeting.onlineUrl}
            </Typography.Link>
          ) : (
            none
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('meeting.host')}>
          {meeting.hostOrganization ? displayName(meeting.hostOrganization, language) : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('meeting.agendaDeadline')}>
          {formatDateTime(meeting.agendaDeadline, meeting.alliance.timeZone)}
        </Descriptions.Item>
      </Descriptions>
      {meeting.viewerCanManage && (
        <MeetingFormModal
          open={editing}
          meeting={{ ...meeting, timeZone: meeting.alliance.timeZone }}
          isPlatformAdmin={isPlatformAdmin}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </>
  );
}
