import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionItemStatus, MeetingKind, MeetingStatus } from '@/gql/graphql';

const MEETING_STATUS_COLOR: Record<MeetingStatus, string> = {
  DRAFT: 'default',
  SCHEDULED: 'blue',
  IN_PROGRESS: 'gold',
  COMPLETED: 'green',
  CANCELLED: 'red',
};

const ACTION_ITEM_STATUS_COLOR: Record<ActionItemStatus, string> = {
  OPEN: 'blue',
  IN_PROGRESS: 'gold',
  DONE: 'green',
  CANCELLED: 'default',
};

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <Tag color={MEETING_STATUS_COLOR[status]}>{t(`enums.meetingStatus.${status}`)}</Tag>;
}

export function MeetingKindTag({ kind }: { kind: MeetingKind }) {
  const { t } = useTranslation();
  return <Tag>{t(`enums.meetingKind.${kind}`)}</Tag>;
}

export function ActionItemStatusTag({ status, isOverdue }: { status: ActionItemStatus; isOverdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={ACTION_ITEM_STATUS_COLOR[status]}>{t(`enums.actionItemStatus.${status}`)}</Tag>
      {isOverdue && <Tag color="red">{t('actionItems.overdue')}</Tag>}
    </>
  );
}

/** Badge colours of meetings in the calendar. */
export const MEETING_BADGE_STATUS = {
  DRAFT: 'default',
  SCHEDULED: 'processing',
  IN_PROGRESS: 'warning',
  COMPLETED: 'success',
  CANCELLED: 'error',
} as const satisfies Record<MeetingStatus, string>;
