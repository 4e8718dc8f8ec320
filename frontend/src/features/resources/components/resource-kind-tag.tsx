import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BookingStatus, ResourceKind } from '@/gql/graphql';

const KIND_COLORS: Record<ResourceKind, string> = {
  VENUE: 'blue',
  EDUCATION_BASE: 'red',
  COURSE: 'purple',
  EXPERT: 'gold',
  VOLUNTEER_TEAM: 'green',
  MATERIALS: 'cyan',
};

const STATUS_COLORS: Record<BookingStatus, string> = {
  REQUESTED: 'orange',
  APPROVED: 'green',
  DECLINED: 'default',
  USED: 'blue',
  CANCELLED: 'default',
};

export function ResourceKindTag({ kind }: { kind: ResourceKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[kind]}>{t(`resources.kinds.${kind}`)}</Tag>;
}

export function BookingStatusTag({ status }: { status: BookingStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`resources.status.${status}`)}</Tag>;
}
