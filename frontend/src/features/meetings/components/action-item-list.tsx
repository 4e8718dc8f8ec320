import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, List, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionItemFieldsFragment } from '@/gql/graphql';
import { displayName, formatDate, formatDateTime } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { ActionItemUpdateModal } from './action-item-update-modal';
import { ActionItemStatusTag } from './meeting-tags';

export type ActionItemWithMeeting = ActionItemFieldsFragment & {
  meeting?: { id: string; title: string; startsAt: string } | null;
};

/**
 * Action items with their assignee, due date, status and latest note; those the viewer may update get
 * an "update progress" button. Used on the meeting page, for earlier decisions and in "my action items".
 */
export function ActionItemList({
  items,
  emptyText,
  showMeeting = false,
  loading = false,
  onConflict,
  label,
}: {
  items: readonly ActionItemWithMeeting[];
  emptyText: string;
  showMeeting?: boolean;
  loading?: boolean;
  onConflict: () => void;
  label: string;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  // The item is looked up by id, so the dialog always works on the latest version (e.g. after a conflict).
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = items.find((item) => item.id === editingId) ?? null;

  return (
    <>
      <List
        aria-label={label}
        loading={loading}
        dataSource={items as ActionItemWithMeeting[]}
        rowKey="id"
        locale={{ emptyText }}
        renderItem={(item) => {
          const lastNote = item.notes[item.notes.length - 1];
          const facts: ReactNode[] = [
            <span key="assignee">
              {t('actionItems.assignee')}: {displayName(item.assigneeOrganization, language)}
              {item.assigneeUser ? ` · ${item.assigneeUser.name}` : ''}
            </span>,
            <span key="due">
              {item.dueOn ? t('actionItems.dueOnValue', { date: formatDate(item.dueOn) }) : t('actionItems.noDue')}
            </span>,
          ];
          if (showMeeting && item.meeting) {
            facts.push(
              <span key="meeting">
                {t('actionItems.meeting')}: <Link to={`/meetings/${item.meeting.id}`}>{item.meeting.title}</Link>
              </span>,
            );
          }
          return (
            <List.Item
              actions={
                item.viewerCanUpdate
                  ? [
                      <Button
                        key="update"
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('actionItems.updateLabel', { title: item.title })}
                        onClick={() => setEditingId(item.id)}
                      >
                        {t('actionItems.update')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <List.Item.Meta
                title={
                  <Flex wrap gap={4} align="center">
                    <Typography.Text strong style={{ marginInlineEnd: 4 }}>
                      {item.title}
                    </Typography.Text>
                    <ActionItemStatusTag status={item.status} isOverdue={item.isOverdue} />
                  </Flex>
                }
                description={
                  <Flex vertical gap={2}>
                    <Flex wrap gap={12}>
                      {facts}
                    </Flex>
                    {item.decision && (
                      <Typography.Text type="secondary">
                        {t('actionItems.decision')}: {item.decision.text}
                      </Typography.Text>
                    )}
                    {lastNote && (
                      <Typography.Text type="secondary" italic>
                        {lastNote.text} ({formatDateTime(lastNote.createdAt)})
                      </Typography.Text>
                    )}
                  </Flex>
                }
              />
            </List.Item>
          );
        }}
      />
      <ActionItemUpdateModal item={editing} onClose={() => setEditingId(null)} onConflict={onConflict} />
    </>
  );
}
