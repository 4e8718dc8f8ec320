import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { SectionTitle } from '@/components/section-title';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { displayName, formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useOrganization } from '../api/get-organization';
import { OrganizationFormModal } from './organization-form-modal';
import { OrganizationMembers } from './organization-members';

const STATUS_COLOR = { PREPARATORY: 'gold', ACTIVE: 'green', DISSOLVED: 'default' } as const;

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/organizations">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
        {t('organization.backToList')}
      </Button>
    </Link>
  );
}

/**
 * An organization: profile, the alliances it belongs to (with its attendance in each), and its members.
 * Platform admins and the organization's own admins or secretary edit it and manage its members.
 */
export function OrganizationView({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [{ data, error, fetching }, reexecute] = useOrganization(organizationId);
  const [editing, setEditing] = useState(false);
  const organization = data?.organization;
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  useDocumentTitle(organization ? displayName(organization, language) : t('organizations.title'));

  if (fetching && !data) {
    return (
      <>
        <BackLink />
        <Skeleton active />
      </>
    );
  }
  if (error && !organization) {
    return (
      <>
        <BackLink />
        <ErrorAlert error={error} onRetry={refetch} />
      </>
    );
  }
  if (!organization) {
    return (
      <>
        <BackLink />
        <Empty description={t('organization.notFound')} />
      </>
    );
  }

  // Platform admins, and the organization's admins and secretary (current memberships only).
  const me = data?.me;
  const canManage =
    (me?.isPlatformAdmin ?? false) ||
    (me?.organizationMemberships.nodes ?? []).some(
      (membership) =>
        membership.organization.id === organization.id &&
        (membership.isOrgAdmin || membership.position === 'SECRETARY'),
    );
  const none = t('common.none');
  const alliances = organization.alliances.nodes;

  return (
    <>
      <BackLink />
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {displayName(organization, language)}
        </Typography.Title>
        <Flex wrap gap={4}>
          <Tag>{t(`enums.organizationKind.${organization.kind}`)}</Tag>
          {organization.region && <Tag>{organization.region}</Tag>}
        </Flex>
        {canManage && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('organization.edit')}
            </Button>
          </Space>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<SectionTitle>{t('organization.overview')}</SectionTitle>} style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('organization.name')}>{organization.name}</Descriptions.Item>
              <Descriptions.Item label={t('organization.nameEn')}>{organization.nameEn ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('organization.kind')}>
                {t(`enums.organizationKind.${organization.kind}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('organization.hostEntity')}>
                {organization.hostEntity ?? none}
              </Descriptions.Item>
              <Descriptions.Item label={t('organization.region')}>{organization.region ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('organization.foundedOn')}>
                {formatDate(organization.foundedOn) ?? none}
              </Descriptions.Item>
              <Descriptions.Item label={t('organization.honours')}>
                {organization.honours.length > 0 ? (
                  <Flex wrap gap={4}>
                    {organization.honours.map((honour) => (
                      <Tag key={honour} color="red" style={{ whiteSpace: 'normal' }}>
                        {honour}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  none
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<SectionTitle>{t('organization.alliances')}</SectionTitle>} style={{ height: '100%' }}>
            <List
              aria-label={t('organization.alliances')}
              dataSource={alliances}
              rowKey="id"
              locale={{ emptyText: t('organization.noAlliances') }}
              renderItem={(membership) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Link to={`/alliances/${membership.alliance.id}`}>
                        {displayName(membership.alliance, language)}
                      </Link>
                    }
                    description={
                      <Flex wrap gap={4} align="center">
                        <Tag>{t(`enums.allianceKind.${membership.alliance.kind}`)}</Tag>
                        <Tag color={STATUS_COLOR[membership.alliance.status]}>
                          {t(`enums.allianceStatus.${membership.alliance.status}`)}
                        </Tag>
                        {membership.attendanceRate !== null && (
                          <Tag color="blue">
                            {t('organization.attendanceRate', {
                              percent: Math.round(membership.attendanceRate * 100),
                            })}
                          </Tag>
                        )}
                        <Typography.Text type="secondary">
                          {t('organization.joinedOn', { date: formatDate(membership.joinedOn) })}
                        </Typography.Text>
                      </Flex>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <OrganizationMembers organizationId={organization.id} canManage={canManage} />
        </Col>
      </Row>
      {editing && (
        <OrganizationFormModal organization={organization} onReload={refetch} onClose={() => setEditing(false)} />
      )}
    </>
  );
}
