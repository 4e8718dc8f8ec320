import { useParams } from 'react-router';
import { DocumentsView } from '@/features/documents/components/documents-view';

export function DocumentsRoute() {
  const { id = '' } = useParams();
  return <DocumentsView key={id} allianceId={id} />;
}
