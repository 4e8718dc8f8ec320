import { useParams, useSearchParams } from 'react-router';
import { FocusLayout } from '@/components/layouts/focus-layout';
import { ActivityCheckInView } from '@/features/activities/components/activity-check-in-view';
import { ProtectedRoute } from '@/lib/auth/protected-route';

/** The page an activity's QR code opens: `/activities/<id>/check-in?code=<code>`; login comes back here. */
export function ActivityCheckInRoute() {
  const { id = '' } = useParams();
  const [searchParams] = useSearchParams();
  return (
    <ProtectedRoute>
      <FocusLayout>
        <ActivityCheckInView key={id} activityId={id} initialCode={searchParams.get('code') ?? ''} />
      </FocusLayout>
    </ProtectedRoute>
  );
}
