import { Flex } from 'antd';
import { useParams } from 'react-router';
import { ActivitiesView } from '@/features/activities/components/activities-view';
import { AllianceView } from '@/features/alliances/components/alliance-view';
import { useSession } from '@/lib/auth/use-session';

export function AllianceRoute() {
  const { id = '' } = useParams();
  const session = useSession();
  const isPlatformAdmin = session.status === 'authenticated' && session.viewer.isPlatformAdmin;
  // Keyed by id: another alliance starts with fresh local state.
  return (
    <Flex vertical gap={16}>
      <AllianceView key={id} allianceId={id} isPlatformAdmin={isPlatformAdmin} />
      <ActivitiesView key={`activities-${id}`} allianceId={id} />
    </Flex>
  );
}
