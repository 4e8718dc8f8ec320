import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckInCard, CheckInEmpty, CheckInError, CheckInForm, CheckInOutcome } from '@/components/check-in';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDateTime, formatTimeRange } from '@/i18n/format';
import { useCheckInToActivity } from '../api/check-in-to-activity';
import { useActivity } from '../api/get-activity';

/**
 * Checking in to an activity from a phone: the theme, the code (from the QR link, editable), one big
 * button. Plain HTML and CSS (components/check-in.tsx), no UI library.
 */
export function ActivityCheckInView({ activityId, initialCode }: { activityId: string; initialCode: string }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, reexecute] = useActivity(activityId);
  const [{ fetching: checkingIn }, checkIn] = useCheckInToActivity();
  const [doneAt, setDoneAt] = useState<string | null>(null);
  useDocumentTitle(t('activities.checkInPage.title'));

  if (fetching && !data) return <FullPageSpinner />;
  if (error && !data?.activity)
    return <CheckInError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const activity = data?.activity;
  if (!activity) return <CheckInEmpty>{t('activities.notFound')}</CheckInEmpty>;
  const checkedAt = doneAt ?? activity.viewerParticipation?.checkedInAt ?? null;

  return (
    <CheckInCard
      title={activity.theme}
      when={formatTimeRange(activity.startsAt, activity.endsAt, activity.timeZone)}
      where={activity.location}
    >
      {checkedAt ? (
        <CheckInOutcome
          tone="success"
          title={t('activities.checkInPage.done')}
          detail={formatDateTime(checkedAt, activity.timeZone)}
        />
      ) : (
        <CheckInForm
          name={t('activities.checkInPage.title')}
          label={t('activities.checkInPage.code')}
          submitLabel={t('activities.checkInPage.submit')}
          requiredMessage={t('activities.required')}
          initialCode={initialCode}
          numeric
          maxLength={12}
          busy={checkingIn}
          codeFields={['code', 'activityId']}
          submit={async (code) => {
            const result = await checkIn({ input: { activityId, code } });
            if (result.error) return { ok: false, error: result.error };
            const payload = result.data?.checkInToActivity;
            if (payload?.userErrors.length) return { ok: false, userErrors: payload.userErrors };
            setDoneAt(payload?.activity?.viewerParticipation?.checkedInAt ?? new Date().toISOString());
            return { ok: true };
          }}
        />
      )}
    </CheckInCard>
  );
}
