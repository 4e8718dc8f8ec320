import { EditOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { SectionTitle } from '@/components/section-title';
import { useIsPhone } from '@/hooks/use-is-phone';
import { formatDate } from '@/i18n/format';
import { useOrganizationMembers } from '../api/get-organization-members';
import { DeactivateMemberModal } from './deactivate-member-modal';
import { InviteMemberModal } from './invite-member-modal';
import { MemberEditModal } from './member-edit-modal';

export type OrganizationMember = ReturnType<typeof useOrganizationMembers>['nodes'][number];

function PositionTags({ member }: { member: OrganizationMember }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      <Tag color="blue">{t(`enums.position.${member.position}`)}</Tag>
      {member.isOrgAdmin && <Tag color="purple">{t('members.orgAdmin')}</Tag>}
      {member.leftOn && <Tag color="orange">{t('members.leavingOn', { date: formatDate(member.leftOn) })}</Tag>}
    </Flex>
  );
}

/** E-mail address and mobile number, which the server shows only to those who manage the person. */
function contactOf(member: OrganizationMember): string | null {
  const parts = [member.user.email, member.user.phone].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * The organization's current members: a table on desktop, cards on phones. Those who manage the
 * organization invite people, change a member's position or admin flag, and deactivate a member.
 */
export function OrganizationMembers({ organizationId, canManage }: { organizationId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const members = useOrganizationMembers(organizationId);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<OrganizationMember | null>(null);
  const [deactivating, setDeactivating] = useState<OrganizationMember | null>(null);
  const none = t('common.none');

  const actions = (member: OrganizationMember) => [
    <Button
      key="edit"
      size="small"
      icon={<EditOutlined />}
      aria-label={t('members.editLabel', { name: member.user.name })}
      onClick={() => setEditing(member)}
    >
      {t('members.edit')}
    </Button>,
    <Button
      key="deactivate"
      size="small"
      danger
      icon={<StopOutlined />}
      aria-label={t('members.deactivateLabel', { name: member.user.name })}
      onClick={() => setDeactivating(member)}
    >
      {t('members.deactivate')}
    </Button>,
  ];

  const columns: TableColumnsType<OrganizationMember> = [
    {
      title: t('members.name'),
      key: 'name',
      render: (_, member) => <Typography.Text strong>{member.user.name}</Typography.Text>,
    },
    { title: t('members.position'), key: 'position', render: (_, member) => <PositionTags member={member} /> },
    { title: t('members.joinedOn'), key: 'joinedOn', render: (_, member) => formatDate(member.joinedOn) },
    ...(canManage
      ? [
          {
            title: t('members.contact'),
            key: 'contact',
            render: (_: unknown, member: OrganizationMember) => contactOf(member) ?? none,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, member: OrganizationMember) => <Space wrap>{actions(member)}</Space>,
          },
        ]
      : []),
  ];

  return (
    <Card
      title={<SectionTitle>{t('members.title')}</SectionTitle>}
      role="region"
      aria-label={t('members.title')}
      extra={
        canManage ? (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
            {t('invite.button')}
          </Button>
        ) : undefined
      }
    >
      {members.error && <ErrorAlert error={members.error} onRetry={members.refetch} />}
      {isPhone ? (
        <List
          aria-label={t('members.title')}
          loading={members.loading}
          dataSource={members.nodes as OrganizationMember[]}
          locale={{ emptyText: t('members.empty') }}
          rowKey="id"
          renderItem={(member) => {
            const contact = canManage ? contactOf(member) : null;
            return (
              <List.Item style={{ padding: '6px 0', border: 0 }}>
                <Card
                  size="small"
                  title={member.user.name}
                  style={{ width: '100%' }}
                  actions={canManage ? actions(member) : undefined}
                >
                  <Flex vertical gap={8}>
                    <PositionTags member={member} />
                    <Typography.Text type="secondary">
                      {t('members.joinedOnValue', { date: formatDate(member.joinedOn) })}
                    </Typography.Text>
                    {contact && (
                      <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                        {contact}
                      </Typography.Text>
                    )}
                  </Flex>
                </Card>
              </List.Item>
            );
          }}
        />
      ) : (
        <Table
          aria-label={t('members.title')}
          rowKey="id"
          columns={columns}
          dataSource={members.nodes as OrganizationMember[]}
          loading={members.loading}
          pagination={false}
          locale={{ emptyText: t('members.empty') }}
          scroll={{ x: 'max-content' }}
        />
      )}
      <LoadMore
        shown={members.nodes.length}
        total={members.totalCount}
        hasNextPage={members.hasNextPage}
        loading={members.loadingMore}
        onLoadMore={members.loadMore}
      />
      {inviting && <InviteMemberModal organizationId={organizationId} onClose={() => setInviting(false)} />}
      {editing && <MemberEditModal key={editing.id} member={editing} onClose={() => setEditing(null)} />}
      {deactivating && (
        <DeactivateMemberModal key={deactivating.id} member={deactivating} onClose={() => setDeactivating(null)} />
      )}
    </Card>
  );
}
