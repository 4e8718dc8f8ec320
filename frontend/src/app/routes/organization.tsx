import { useParams } from 'react-router';
import { OrganizationView } from '@/features/organizations/components/organization-view';

export function OrganizationRoute() {
  const { id = '' } = useParams();
  // Keyed by id: another organization starts with fresh local state.
  return <OrganizationView key={id} organizationId={id} />;
}
