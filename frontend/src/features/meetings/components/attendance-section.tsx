import { CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, List, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CheckInKit } from '@/components/check-in-kit';
import { SectionTitle } from '@/components/section-title';
import type { RsvpResponse } from '@/gql/graphql';
import { displayName, formatDateTime, formatTime } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { useCheckInMember } from '../api/check-in-member';
import { isMeetingOpen } from './my-attendance';
import type { MeetingDetail } from './types';

const RSVP_COLOR: Record<RsvpResponse, string> = { PENDING: 'default', YES: 'green', NO: 'red', MAYBE: 'gold' };

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
      {meeting.viewerCanManage && (
        <CheckInKit
          title={meeting.title}
          code={meeting.checkInCode ?? null}
          url={meeting.checkInUrl ?? null}
          qrSvg={meeting.checkInQrSvg ?? null}
          qrAlt={t('attendance.qrAlt')}
          hint={t('attendance.qrHint')}
          fileName={t('attendance.qrFileName', { title: meeting.title })}
        />
      )}
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
