import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, ActivityStatus } from '@/gql/graphql';

const STATUS_COLORS: Record<ActivityStatus, string> = {
  PLANNED: 'blue',
  COMPLETED: 'gold',
  PUBLISHED: 'green',
  CANCELLED: 'default',
};

/** The activity's kind and status, translated. */
export function ActivityTags({ kind, status }: { kind: ActivityKind; status: ActivityStatus }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag>{t(`activities.kinds.${kind}`)}</Tag>
      <Tag color={STATUS_COLORS[status]}>{t(`activities.statuses.${status}`)}</Tag>
    </>
  );
}
