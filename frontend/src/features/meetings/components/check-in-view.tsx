import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckInCard, CheckInEmpty, CheckInError, CheckInForm, CheckInOutcome } from '@/components/check-in';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDateTime, formatTimeRange } from '@/i18n/format';
import { useCheckIn } from '../api/check-in';
import { useCheckInMeeting } from '../api/get-check-in-meeting';

/**
 * Checking in from a phone: the meeting's name, the code (from the QR link, editable), one big button,
 * and the time of check-in once done. Plain HTML and CSS (components/check-in.tsx), no UI library.
 */
export function CheckInView({ meetingId, initialCode }: { meetingId: string; initialCode: string }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, reexecute] = useCheckInMeeting(meetingId);
  const [{ fetching: checkingIn }, checkIn] = useCheckIn();
  const [checkedInAt, setCheckedInAt] = useState<string | null>(null);
  useDocumentTitle(t('checkIn.title'));

  if (fetching && !data) return <FullPageSpinner />;
  if (error && !data?.meeting) {
    return <CheckInError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const meeting = data?.meeting;
  if (!meeting) return <CheckInEmpty>{t('checkIn.notFound')}</CheckInEmpty>;

  const doneAt = checkedInAt ?? meeting.viewerAttendance?.checkedInAt ?? null;
  const zone = meeting.alliance.timeZone;
  const toMeeting = { linkTo: `/meetings/${meeting.id}`, linkText: t('checkIn.toMeeting') };

  return (
    <CheckInCard
      title={meeting.title}
      when={formatTimeRange(meeting.startsAt, meeting.endsAt, zone)}
      where={meeting.location}
    >
      {!doneAt && !meeting.isCheckInOpen ? (
        <CheckInOutcome
          tone="info"
          title={
            new Date(meeting.checkInOpensAt) > new Date() &&
            meeting.status !== 'CANCELLED' &&
            meeting.status !== 'COMPLETED'
              ? t('checkIn.notOpenYet', { time: formatDateTime(meeting.checkInOpensAt, zone) })
              : t('checkIn.closed')
          }
          {...toMeeting}
        />
      ) : doneAt ? (
        <CheckInOutcome
          tone="success"
          title={t('checkIn.success')}
          detail={t('checkIn.checkedInAt', { time: formatDateTime(doneAt, zone) })}
          {...toMeeting}
        />
      ) : (
        <CheckInForm
          name={t('checkIn.title')}
          label={t('checkIn.code')}
          placeholder={t('checkIn.codePlaceholder')}
          submitLabel={t('checkIn.submit')}
          requiredMessage={t('checkIn.codeRequired')}
          initialCode={initialCode}
          busy={checkingIn}
          codeFields={['code', 'meetingId']}
          submit={async (code) => {
            const result = await checkIn({ input: { meetingId, code } });
            if (result.error) return { ok: false, error: result.error };
            const payload = result.data?.checkIn;
            if (payload?.userErrors.length) return { ok: false, userErrors: payload.userErrors };
            setCheckedInAt(payload?.attendance?.checkedInAt ?? new Date().toISOString());
            return { ok: true };
          }}
        />
      )}
    </CheckInCard>
  );
}
