import { CheckCircleOutlined, ExpandOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, List, Modal, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '@/components/section-title';
import type { RsvpResponse } from '@/gql/graphql';
import { displayName, formatDateTime, formatTime } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { svgDataUrl } from '@/lib/files/download-text';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { useCheckInMember } from '../api/check-in-member';
import { isMeetingOpen } from './my-attendance';
import type { MeetingDetail } from './types';

const RSVP_COLOR: Record<RsvpResponse, string> = { PENDING: 'default', YES: 'green', NO: 'red', MAYBE: 'gold' };

/** The convener's check-in kit: the QR code (an <img> of the server's SVG), the code and the link. */
function CheckInKit({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [enlarged, setEnlarged] = useState(false);
  if (!meeting.checkInUrl) return null;
  const qr = meeting.checkInQrSvg ? svgDataUrl(meeting.checkInQrSvg) : null;
  return (
    <Card size="small" type="inner" title={t('attendance.qrTitle')} style={{ marginBottom: 16 }}>
      <Flex wrap gap={16} align="center">
        {qr && <img src={qr} alt={t('attendance.qrAlt')} width={160} height={160} style={{ background: '#fff' }} />}
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 200px' }}>
          <Typography.Text type="secondary">{t('attendance.qrHint')}</Typography.Text>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('attendance.code')}>
              <Typography.Text strong code copyable={{ tooltips: [t('attendance.code'), t('attendance.copied')] }}>
                {meeting.checkInCode}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('attendance.link')}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: meeting.checkInUrl, tooltips: [t('attendance.copyLink'), t('attendance.copied')] }}
            style={{ wordBreak: 'break-all', marginBottom: 0 }}
          >
            <a href={meeting.checkInUrl}>{meeting.checkInUrl}</a>
          </Typography.Paragraph>
          {qr && (
            <Button icon={<ExpandOutlined />} onClick={() => setEnlarged(true)} style={{ alignSelf: 'flex-start' }}>
              {t('attendance.enlarge')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Modal
        open={enlarged}
        onCancel={() => setEnlarged(false)}
        footer={null}
        title={meeting.title}
        closable={{ 'aria-label': t('common.close') }}
        width={560}
        centered
      >
        {qr && (
          <Flex vertical align="center" gap={12}>
            <img src={qr} alt={t('attendance.qrAlt')} style={{ width: '100%', maxWidth: 480, background: '#fff' }} />
            <Typography.Text style={{ fontSize: 28 }} strong>
              {t('attendance.code')}: {meeting.checkInCode}
            </Typography.Text>
          </Flex>
        )}
      </Modal>
    </Card>
  );
}

/** Who is invited, their replies and check-ins, the attendance rate, and the convener's check-in tools. */
export function AttendanceSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [{ fetching: checkingIn }, checkInMember] = useCheckInMember();
  const attendances = meeting.attendances;
  const checkedIn = attendances.filter((attendance) => attendance.checkedInAt).length;
  const percent = meeting.attendanceRate === null ? null : Math.round(meeting.attendanceRate * 100);

  const checkIn = async (userId: string, name: string) => {
    const result = await checkInMember({ input: { meetingId: meeting.id, userId } });
    const userError = result.data?.checkInMember.userErrors[0];
    if (result.error) void message.error(describeError(result.error, t));
    else if (userError) void message.error(describeUserError(userError, t));
    else void message.success(t('attendance.memberCheckedIn', { name }));
  };

  return (
    <Card
      title={<SectionTitle>{t('attendance.title')}</SectionTitle>}
      id="attendance"
      role="region"
      aria-label={t('attendance.title')}
    >
      {meeting.viewerCanManage && <CheckInKit meeting={meeting} />}
      {percent !== null && (
        <Flex vertical gap={4} style={{ marginBottom: 12 }}>
          <Typography.Text id="attendance-rate-label">{t('attendance.rate')}</Typography.Text>
          <Progress percent={percent} aria-labelledby="attendance-rate-label" status="normal" />
          <Typography.Text type="secondary">
            {t('attendance.rateValue', { checkedIn, invited: attendances.length })}
          </Typography.Text>
        </Flex>
      )}
      <List
        aria-label={t('attendance.title')}
        size="small"
        dataSource={attendances}
        rowKey="id"
        locale={{ emptyText: t('attendance.noInvitations') }}
        renderItem={(attendance) => {
          const name = attendance.user?.name ?? t('attendance.wholeOrganization');
          const user = attendance.user;
          return (
            <List.Item
              actions={
                meeting.viewerCanManage && isMeetingOpen(meeting) && user && !attendance.checkedInAt
                  ? [
                      <Button
                        key="check-in"
                        style={{ minHeight: 44 }}
                        loading={checkingIn}
                        aria-label={t('attendance.checkInMemberLabel', { name })}
                        onClick={() => void checkIn(user.id, name)}
                      >
                        {t('attendance.checkInMember')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <List.Item.Meta
                title={name}
                description={
                  <Flex wrap gap={4} align="center">
                    <span>{displayName(attendance.organization, language)}</span>
                    <Tag color={RSVP_COLOR[attendance.rsvp]}>{t(`enums.rsvp.${attendance.rsvp}`)}</Tag>
                    {attendance.checkedInAt ? (
                      <Tag
                        color="green"
                        icon={<CheckCircleOutlined />}
                        title={formatDateTime(attendance.checkedInAt, meeting.alliance.timeZone) ?? undefined}
                      >
                        {t('attendance.checkIn')} {formatTime(attendance.checkedInAt, meeting.alliance.timeZone)}
                      </Tag>
                    ) : (
                      <Tag>{t('attendance.notCheckedIn')}</Tag>
                    )}
                  </Flex>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
