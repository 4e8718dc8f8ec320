import { useParams } from 'react-router';
import { PublicLayout } from '@/components/layouts/public-layout';
import { PublicAllianceView } from '@/features/alliances/components/public-alliance-view';
import { useSession } from '@/lib/auth/use-session';

/** A public alliance's profile, open to anonymous visitors. */
export function PublicAllianceRoute() {
  const { id = '' } = useParams();
  const session = useSession();
  const loggedIn = session.status === 'authenticated';
  return (
    <PublicLayout loggedIn={loggedIn}>
      <PublicAllianceView key={id} allianceId={id} loggedIn={loggedIn} />
    </PublicLayout>
  );
}
