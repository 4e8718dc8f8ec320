import { CrownOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Flex, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionTitle } from '@/components/section-title';
import { ErrorAlert } from '@/components/error-alert';
import { PageHeader } from '@/components/page-header';
import { displayName, formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useProfile } from '../api/get-profile';
import { ChangeEmailForm } from './change-email-form';
import { ChangePasswordForm } from './change-password-form';
import { EditProfileForm } from './edit-profile-form';

const STATUS_COLOR = { PREPARATORY: 'gold', ACTIVE: 'green', DISSOLVED: 'default' } as const;

/** `extra`: further sections from other features (e.g. calendar subscriptions), shown above the password form. */
export function ProfileView({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [{ data, error, fetching }, reexecute] = useProfile();

  if (fetching && !data) {
    return (
      <>
        <PageHeader title={t('profile.title')} />
        <Skeleton active />
      </>
    );
  }
  if (error) {
    return (
      <>
        <PageHeader title={t('profile.title')} />
        <ErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </>
    );
  }
  const me = data?.me;
  if (!me) {
    return (
      <>
        <PageHeader title={t('profile.title')} />
        <Empty description={t('profile.notLoggedIn')} />
      </>
    );
  }

  const memberships = me.organizationMemberships.nodes;
  const alliances = me.alliances.nodes;
  const none = t('common.none');

  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<SectionTitle>{t('profile.details')}</SectionTitle>}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('profile.name')}>
                <Space wrap>
                  {me.name}
                  {me.isPlatformAdmin && (
                    <Tag icon={<CrownOutlined />} color="red">
                      {t('profile.platformAdmin')}
                    </Tag>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('profile.email')}>{me.email ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('profile.phone')}>{me.phone ?? none}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<SectionTitle>{t('profile.organizations')}</SectionTitle>}>
            <List
              aria-label={t('profile.organizations')}
              dataSource={memberships}
              locale={{ emptyText: t('profile.noOrganizations') }}
              renderItem={(membership) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Link to={`/organizations/${membership.organization.id}`}>
                        {displayName(membership.organization, language)}
                      </Link>
                    }
                    description={
                      <Flex wrap gap={4} align="center">
                        <Tag color="blue">{t(`enums.position.${membership.position}`)}</Tag>
                        {membership.isOrgAdmin && <Tag color="purple">{t('profile.orgAdmin')}</Tag>}
                        <Typography.Text type="secondary">
                          {t('profile.joinedOn', { date: formatDate(membership.joinedOn) })}
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
          <Card title={<SectionTitle>{t('profile.alliances')}</SectionTitle>}>
            <List
              aria-label={t('profile.alliances')}
              dataSource={alliances}
              locale={{ emptyText: t('profile.noAlliances') }}
              renderItem={(alliance) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/alliances/${alliance.id}`}>{displayName(alliance, language)}</Link>}
                    description={
                      <Flex wrap gap={4}>
                        <Tag>{t(`enums.allianceKind.${alliance.kind}`)}</Tag>
                        <Tag color={STATUS_COLOR[alliance.status]}>{t(`enums.allianceStatus.${alliance.status}`)}</Tag>
                        {alliance.viewerRoles.map((role) => (
                          <Tag key={role} color="volcano">
                            {t(`enums.allianceRole.${role}`)}
                          </Tag>
                        ))}
                      </Flex>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <EditProfileForm profile={me} onReload={() => reexecute({ requestPolicy: 'network-only' })} />
        </Col>
        <Col xs={24} lg={12}>
          <ChangeEmailForm email={me.email} />
        </Col>
        {extra && <Col xs={24}>{extra}</Col>}
        <Col xs={24}>
          <ChangePasswordForm />
        </Col>
      </Row>
    </>
  );
}
