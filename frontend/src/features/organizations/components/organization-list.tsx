import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, List, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { PageHeader } from '@/components/page-header';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useIsPhone } from '@/hooks/use-is-phone';
import { displayName, formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useOrganizations } from '../api/get-organizations';
import { CreateOrganizationModal } from './create-organization-modal';

type Organization = ReturnType<typeof useOrganizations>['nodes'][number];

/** Organizations with search; platform admins may create one. */
export function OrganizationList({ isPlatformAdmin }: { isPlatformAdmin: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const isPhone = useIsPhone();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  // Search as the user types, but not a request per keystroke.
  const organizations = useOrganizations(useDebouncedValue(search.trim()));
  const none = t('common.none');

  const columns: TableColumnsType<Organization> = [
    {
      title: t('organizations.name'),
      key: 'name',
      render: (_, o) => (
        <Link to={`/organizations/${o.id}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {displayName(o, language)}
          </Typography.Text>
        </Link>
      ),
    },
    { title: t('organizations.kind'), key: 'kind', render: (_, o) => t(`enums.organizationKind.${o.kind}`) },
    { title: t('organizations.hostEntity'), key: 'hostEntity', render: (_, o) => o.hostEntity ?? none },
    { title: t('organizations.region'), key: 'region', render: (_, o) => o.region ?? none },
    { title: t('organizations.foundedOn'), key: 'foundedOn', render: (_, o) => formatDate(o.foundedOn) ?? none },
  ];

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        extra={
          <Flex wrap gap={8} style={{ width: isPhone ? '100%' : undefined }}>
            <Input.Search
              allowClear
              aria-label={t('organizations.search')}
              placeholder={t('organizations.searchPlaceholder')}
              onSearch={setSearch}
              onChange={(event) => setSearch(event.target.value)}
              style={{ width: isPhone ? '100%' : 280 }}
            />
            {isPlatformAdmin && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('organizations.create')}
              </Button>
            )}
          </Flex>
        }
      />
      {organizations.error && <ErrorAlert error={organizations.error} onRetry={organizations.refetch} />}
      {isPhone ? (
        <List
          loading={organizations.loading}
          dataSource={organizations.nodes as Organization[]}
          locale={{ emptyText: t('organizations.empty') }}
          rowKey="id"
          renderItem={(organization) => (
            <List.Item style={{ padding: '6px 0', border: 0 }}>
              <Card
                size="small"
                title={<Link to={`/organizations/${organization.id}`}>{displayName(organization, language)}</Link>}
                style={{ width: '100%' }}
              >
                <Flex wrap gap={4}>
                  <Tag>{t(`enums.organizationKind.${organization.kind}`)}</Tag>
                  {organization.region && <Tag>{organization.region}</Tag>}
                </Flex>
                {organization.hostEntity && (
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                    {t('organizations.hostEntity')}: {organization.hostEntity}
                  </Typography.Paragraph>
                )}
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table
          rowKey="id"
          columns={columns}
          dataSource={organizations.nodes as Organization[]}
          loading={organizations.loading}
          pagination={false}
          locale={{ emptyText: t('organizations.empty') }}
          scroll={{ x: 'max-content' }}
        />
      )}
      <LoadMore
        shown={organizations.nodes.length}
        total={organizations.totalCount}
        hasNextPage={organizations.hasNextPage}
        loading={organizations.loadingMore}
        onLoadMore={organizations.loadMore}
      />
      {creating && <CreateOrganizationModal onClose={() => setCreating(false)} />}
    </>
  );
}
