import { useParams, useSearchParams } from 'react-router';
import { FocusLayout } from '@/components/layouts/focus-layout';
import { CheckInView } from '@/features/meetings/components/check-in-view';
import { ProtectedRoute } from '@/lib/auth/protected-route';

/**
 * The page a meeting's QR code opens: `/check-in/<meetingId>?code=<code>`. Logging in first comes back
 * here with the code intact (the guard keeps the path and query).
 */
export function CheckInRoute() {
  const { meetingId = '' } = useParams();
  const [searchParams] = useSearchParams();
  return (
    <ProtectedRoute>
      <FocusLayout>
        <CheckInView key={meetingId} meetingId={meetingId} initialCode={searchParams.get('code') ?? ''} />
      </FocusLayout>
    </ProtectedRoute>
  );
}
