import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Flex, Grid, Row, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useRefetchOnFocus } from '@/hooks/use-refetch-on-focus';
import { useMeeting } from '../api/get-meeting';
import { useMeetingUpdates } from '../api/on-meeting-updated';
import { ActionItemsSection } from './action-items-section';
import { AgendaSection } from './agenda-section';
import { AttendanceSection } from './attendance-section';
import { CarriedOverSection } from './carried-over-section';
import { DecisionsSection } from './decisions-section';
import { MeetingHeader } from './meeting-header';
import { MinutesSection } from './minutes-section';
import { MyAttendance } from './my-attendance';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/meetings">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
        {t('meeting.backToMeetings')}
      </Button>
    </Link>
  );
}

/**
 * The meeting page. It stays current while open: a `meetingUpdated` subscription (graphql-ws) refetches
 * on every change, and so does coming back to the tab (in case the socket was down meanwhile).
 */
export function MeetingView({ meetingId, isPlatformAdmin }: { meetingId: string; isPlatformAdmin: boolean }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, reexecute] = useMeeting(meetingId);
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  useMeetingUpdates(meetingId);
  useRefetchOnFocus(refetch);
  const meeting = data?.meeting;
  const wide = Grid.useBreakpoint().lg === true;
  useDocumentTitle(meeting?.title ?? t('meetings.title'));
  // A link to a section (e.g. a notification about an action item: #action-items) scrolls to it once loaded.
  const { hash } = useLocation();
  const loaded = meeting !== undefined && meeting !== null;
  useEffect(() => {
    if (loaded && hash.length > 1) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [loaded, hash]);

  if (fetching && !data) {
    return (
      <>
        <BackLink />
        <Skeleton active />
      </>
    );
  }
  if (error && !meeting) {
    return (
      <>
        <BackLink />
        <ErrorAlert error={error} onRetry={refetch} />
      </>
    );
  }
  if (!meeting) {
    return (
      <>
        <BackLink />
        <Empty description={t('meeting.notFound')} />
      </>
    );
  }

  return (
    <>
      <BackLink />
      <MeetingHeader meeting={meeting} isPlatformAdmin={isPlatformAdmin} onRefetch={refetch} />
      {/* On a phone: my own actions and the agenda first, the invitee list last. */}
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 15, order: 1 }}>
          <Flex vertical gap={16}>
            {!wide && <MyAttendance meeting={meeting} />}
            <AgendaSection meeting={meeting} />
            <CarriedOverSection meeting={meeting} onRefetch={refetch} />
            <MinutesSection meeting={meeting} onRefetch={refetch} />
            <DecisionsSection meeting={meeting} />
            <ActionItemsSection meeting={meeting} onRefetch={refetch} />
          </Flex>
        </Col>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 9, order: 2 }}>
          <Flex vertical gap={16}>
            {wide && <MyAttendance meeting={meeting} />}
            <AttendanceSection meeting={meeting} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
