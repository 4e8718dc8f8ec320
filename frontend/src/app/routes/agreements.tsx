import { useParams } from 'react-router';
import { AgreementsView } from '@/features/agreements/components/agreements-view';

/** `/agreements` (every alliance the viewer reads) and `/alliances/:id/agreements` (one alliance). */
export function AgreementsRoute() {
  const { id } = useParams();
  return <AgreementsView key={id ?? 'all'} allianceId={id} />;
}
