import { CheckCircleOutlined, LoginOutlined } from '@ant-design/icons';
import { App, Button, Card, ConfigProvider, Flex, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionTitle } from '@/components/section-title';
import type { RsvpResponse } from '@/gql/graphql';
import { formatDateTime } from '@/i18n/format';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { useRespondToMeeting } from '../api/respond-to-meeting';
import type { MeetingDetail } from './types';

const ANSWERS: RsvpResponse[] = ['YES', 'NO', 'MAYBE'];

/** Touch-sized controls (44 px) for the viewer's own actions. */
const TOUCH = { token: { controlHeight: 44 } };

/** Whether the meeting still takes replies, proposals and check-ins. */
export function isMeetingOpen(meeting: Pick<MeetingDetail, 'status'>) {
  return meeting.status !== 'COMPLETED' && meeting.status !== 'CANCELLED';
}

/**
 * The viewer's own reply to the invitation and check-in: shown before the invitee list. A completed or
 * cancelled meeting offers neither, only what happened.
 */
export function MyAttendance({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ fetching }, respondToMeeting] = useRespondToMeeting();
  const mine = meeting.viewerAttendance;
  if (!mine) return null;
  const open = isMeetingOpen(meeting);
  if (!open && !mine.checkedInAt) return null;

  const respond = async (response: RsvpResponse) => {
    const result = await respondToMeeting({ input: { meetingId: meeting.id, response } });
    const userError = result.data?.respondToMeeting.userErrors[0];
    if (result.error) void message.error(describeError(result.error, t));
    else if (userError) void message.error(describeUserError(userError, t));
    else void message.success(t('attendance.rsvpSaved'));
  };

  return (
    <Card
      title={<SectionTitle>{t('meetingCycle.mine')}</SectionTitle>}
      id="my-attendance"
      role="region"
      aria-label={t('meetingCycle.mine')}
    >
      <ConfigProvider theme={TOUCH}>
        <Flex vertical gap={12}>
          {open && (
            <Flex wrap gap={8} align="center">
              <Typography.Text strong id="my-rsvp-label">
                {t('attendance.myRsvp')}
              </Typography.Text>
              <Radio.Group
                aria-labelledby="my-rsvp-label"
                optionType="button"
                buttonStyle="solid"
                disabled={fetching}
                value={mine.rsvp === 'PENDING' ? undefined : mine.rsvp}
                onChange={(event) => void respond(event.target.value as RsvpResponse)}
                options={ANSWERS.map((answer) => ({ value: answer, label: t(`enums.rsvp.${answer}`) }))}
              />
            </Flex>
          )}
          {mine.checkedInAt ? (
            <Typography.Text type="success">
              <CheckCircleOutlined />{' '}
              {t('attendance.youCheckedIn', { time: formatDateTime(mine.checkedInAt, meeting.alliance.timeZone) })}
            </Typography.Text>
          ) : (
            <Link to={`/check-in/${meeting.id}`}>
              <Button icon={<LoginOutlined />}>{t('attendance.goCheckIn')}</Button>
            </Link>
          )}
        </Flex>
      </ConfigProvider>
    </Card>
  );
}
