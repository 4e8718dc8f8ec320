import { CrownOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrganizationKind } from '@/gql/graphql';
import { displayName, formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';

export interface AllianceMember {
  id: string;
  joinedOn: string;
  /** Set when the organization has announced its leave: it stays a member until that day. */
  leftOn?: string | null;
  rotationOrder: number;
  organization: { id: string; name: string; nameEn: string | null; kind: OrganizationKind };
}

/**
 * Member organizations in rotation order, the current lead marked. `linkOrganizations`: each name opens
 * the organization's page (not on the public profile, whose visitors may not be logged in). `onRemove`
 * (alliance admins): each row gets a button to take the organization out of the alliance.
 */
export function MemberList({
  members,
  currentLeadOrganizationId,
  linkOrganizations = false,
  onRemove,
}: {
  members: readonly AllianceMember[];
  currentLeadOrganizationId?: string | null;
  linkOrganizations?: boolean;
  onRemove?: (member: AllianceMember) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const ordered = [...members].sort((a, b) => a.rotationOrder - b.rotationOrder);
  return (
    <List
      aria-label={t('alliance.members')}
      dataSource={ordered}
      rowKey="id"
      locale={{ emptyText: t('alliance.noMembers') }}
      renderItem={(member) => {
        const leads = member.organization.id === currentLeadOrganizationId;
        const name = displayName(member.organization, language);
        return (
          <List.Item
            actions={
              onRemove
                ? [
                    <Button
                      key="remove"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('allianceMembers.removeLabel', { name })}
                      onClick={() => onRemove(member)}
                    >
                      {t('allianceMembers.remove')}
                    </Button>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              avatar={
                <Tag
                  color={leads ? 'red' : 'default'}
                  style={{ marginInlineEnd: 0, minWidth: 28, textAlign: 'center' }}
                >
                  {member.rotationOrder + 1}
                </Tag>
              }
              title={
                <Flex wrap gap={4} align="center">
                  {linkOrganizations ? (
                    <Link
                      to={`/organizations/${member.organization.id}`}
                      style={{ fontWeight: leads ? 600 : undefined }}
                    >
                      {displayName(member.organization, language)}
                    </Link>
                  ) : (
                    <Typography.Text strong={leads}>{displayName(member.organization, language)}</Typography.Text>
                  )}
                  {leads && (
                    <Tag color="red" icon={<CrownOutlined />}>
                      {t('rotation.current')}
                    </Tag>
                  )}
                  {member.leftOn && (
                    <Tag color="orange">{t('alliance.leavingOn', { date: formatDate(member.leftOn) })}</Tag>
                  )}
                </Flex>
              }
              description={
                <Flex wrap gap={8}>
                  <span>{t(`enums.organizationKind.${member.organization.kind}`)}</span>
                  <span>
                    {t('alliance.rotationOrder')}:{' '}
                    {t('alliance.rotationOrderValue', { order: member.rotationOrder + 1 })}
                  </span>
                  <span>{t('alliance.joinedOn', { date: formatDate(member.joinedOn) })}</span>
                </Flex>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
