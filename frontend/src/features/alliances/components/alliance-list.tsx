import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { PageHeader } from '@/components/page-header';
import { useIsPhone } from '@/hooks/use-is-phone';
import { displayName, formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useAlliances } from '../api/get-alliances';
import { AllianceFormModal } from './alliance-form-modal';

type Alliance = ReturnType<typeof useAlliances>['nodes'][number];

const STATUS_COLOR = { PREPARATORY: 'gold', ACTIVE: 'green', DISSOLVED: 'default' } as const;

function RoleTags({ alliance }: { alliance: Alliance }) {
  const { t } = useTranslation();
  if (alliance.viewerRoles.length === 0) return <>{t('common.none')}</>;
  return (
    <Flex wrap gap={4}>
      {alliance.viewerRoles.map((role) => (
        <Tag key={role} color="volcano">
          {t(`enums.allianceRole.${role}`)}
        </Tag>
      ))}
    </Flex>
  );
}

/** The alliances the viewer may see; platform admins may create one. */
export function AllianceList({ isPlatformAdmin }: { isPlatformAdmin: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const isPhone = useIsPhone();
  const alliances = useAlliances();
  const [creating, setCreating] = useState(false);
  const none = t('common.none');

  const columns: TableColumnsType<Alliance> = [
    {
      title: t('alliances.name'),
      key: 'name',
      render: (_, a) => (
        <Link to={`/alliances/${a.id}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {displayName(a, language)}
          </Typography.Text>
        </Link>
      ),
    },
    { title: t('alliances.kind'), key: 'kind', render: (_, a) => t(`enums.allianceKind.${a.kind}`) },
    {
      title: t('alliances.status'),
      key: 'status',
      render: (_, a) => <Tag color={STATUS_COLOR[a.status]}>{t(`enums.allianceStatus.${a.status}`)}</Tag>,
    },
    {
      title: t('alliances.rotationPeriod'),
      key: 'rotation',
      render: (_, a) => t(`enums.rotationPeriod.${a.rotationPeriod}`),
    },
    { title: t('alliances.supervisingBody'), key: 'supervisingBody', render: (_, a) => a.supervisingBody ?? none },
    {
      title: t('alliances.visibility'),
      key: 'visibility',
      render: (_, a) => t(`enums.allianceVisibility.${a.visibility}`),
    },
    { title: t('alliances.foundedOn'), key: 'foundedOn', render: (_, a) => formatDate(a.foundedOn) ?? none },
    { title: t('alliances.myRoles'), key: 'roles', render: (_, a) => <RoleTags alliance={a} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('alliances.title')}
        extra={
          isPlatformAdmin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('alliances.create')}
            </Button>
          ) : undefined
        }
      />
      {alliances.error && <ErrorAlert error={alliances.error} onRetry={alliances.refetch} />}
      {isPhone ? (
        <List
          loading={alliances.loading}
          dataSource={alliances.nodes as Alliance[]}
          locale={{ emptyText: t('alliances.empty') }}
          rowKey="id"
          renderItem={(alliance) => (
            <List.Item style={{ padding: '6px 0', border: 0 }}>
              <Card
                size="small"
                title={<Link to={`/alliances/${alliance.id}`}>{displayName(alliance, language)}</Link>}
                style={{ width: '100%' }}
              >
                <Flex wrap gap={4} style={{ marginBottom: 8 }}>
                  <Tag>{t(`enums.allianceKind.${alliance.kind}`)}</Tag>
                  <Tag color={STATUS_COLOR[alliance.status]}>{t(`enums.allianceStatus.${alliance.status}`)}</Tag>
                  <Tag>{t(`enums.rotationPeriod.${alliance.rotationPeriod}`)}</Tag>
                </Flex>
                {alliance.supervisingBody && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    {t('alliances.supervisingBody')}: {alliance.supervisingBody}
                  </Typography.Paragraph>
                )}
                <RoleTags alliance={alliance} />
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table
          rowKey="id"
          columns={columns}
          dataSource={alliances.nodes as Alliance[]}
          loading={alliances.loading}
          pagination={false}
          locale={{ emptyText: t('alliances.empty') }}
          scroll={{ x: 'max-content' }}
        />
      )}
      <LoadMore
        shown={alliances.nodes.length}
        total={alliances.totalCount}
        hasNextPage={alliances.hasNextPage}
        loading={alliances.loadingMore}
        onLoadMore={alliances.loadMore}
      />
      {creating && <AllianceFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
