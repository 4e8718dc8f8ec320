import { useParams } from 'react-router';
import { MeetingView } from '@/features/meetings/components/meeting-view';
import { useSession } from '@/lib/auth/use-session';

export function MeetingRoute() {
  const { id = '' } = useParams();
  const session = useSession();
  const isPlatformAdmin = session.status === 'authenticated' && session.viewer.isPlatformAdmin;
  return <MeetingView key={id} meetingId={id} isPlatformAdmin={isPlatformAdmin} />;
}
