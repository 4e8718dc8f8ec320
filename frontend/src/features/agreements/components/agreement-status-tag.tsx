import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus } from '@/gql/graphql';

const COLORS: Record<AgreementStatus, string> = {
  DRAFT: 'default',
  SIGNED: 'blue',
  ACTIVE: 'green',
  EXPIRED: 'orange',
  TERMINATED: 'red',
};

/** The agreement's status today, as a coloured tag. */
export function AgreementStatusTag({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`agreements.status.${status}`)}</Tag>;
}
