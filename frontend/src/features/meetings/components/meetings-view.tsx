import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { useSchedulableAlliances } from '../api/get-schedulable-alliances';
import { MeetingCalendar } from './meeting-calendar';
import { MeetingFormModal } from './meeting-form-modal';
import { MeetingList } from './meeting-list';
import { PastMeetings } from './past-meetings';

type View = 'calendar' | 'list' | 'past';

/** Meetings as a month calendar, an upcoming list or past meetings with their minutes (kept in the URL), and
 * scheduling for conveners. */
export function MeetingsView({ isPlatformAdmin }: { isPlatformAdmin: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('view');
  const view: View = asked === 'list' || asked === 'past' ? asked : 'calendar';
  const schedulable = useSchedulableAlliances(isPlatformAdmin);
  const [scheduling, setScheduling] = useState(false);
  const defaultAllianceId = searchParams.get('alliance') ?? undefined;

  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        extra={
          <Flex wrap gap={8}>
            <Segmented<View>
              aria-label={t('meetings.view')}
              value={view}
              onChange={(next) =>
                setSearchParams(
                  (previous) => {
                    const params = new URLSearchParams(previous);
                    if (next !== 'calendar') params.set('view', next);
                    else params.delete('view');
                    return params;
                  },
                  { replace: true },
                )
              }
              options={[
                { value: 'calendar', label: t('meetings.calendar') },
                { value: 'list', label: t('meetings.list') },
                { value: 'past', label: t('meetingCycle.past') },
              ]}
            />
            {schedulable.alliances.length > 0 && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)}>
                {t('meetings.schedule')}
              </Button>
            )}
          </Flex>
        }
      />
      {view === 'calendar' ? <MeetingCalendar /> : view === 'list' ? <MeetingList /> : <PastMeetings />}
      <MeetingFormModal
        open={scheduling}
        isPlatformAdmin={isPlatformAdmin}
        defaultAllianceId={defaultAllianceId}
        onClose={() => setScheduling(false)}
        onSaved={(meetingId) => {
          setScheduling(false);
          void navigate(`/meetings/${meetingId}`);
        }}
      />
    </>
  );
}
