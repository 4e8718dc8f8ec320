import { useParams } from 'react-router';
import { ActivityView } from '@/features/activities/components/activity-view';

export function ActivityRoute() {
  const { id = '' } = useParams();
  return <ActivityView key={id} id={id} />;
}
