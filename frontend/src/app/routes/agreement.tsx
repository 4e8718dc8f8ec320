import { useParams } from 'react-router';
import { AgreementView } from '@/features/agreements/components/agreement-view';

export function AgreementRoute() {
  const { id = '' } = useParams();
  return <AgreementView key={id} agreementId={id} />;
}
