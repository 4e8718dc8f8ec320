import { CheckCircleOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { PageHeader } from '@/components/page-header';
import { formatDateTime } from '@/i18n/format';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { useDisableUser } from '../api/disable-user';
import { useEnableUser } from '../api/enable-user';
import { useUsers } from '../api/get-users';

type User = ReturnType<typeof useUsers>['nodes'][number];
type Status = 'all' | 'active' | 'disabled';

const STATUS_FILTER: Record<Status, boolean | null> = { all: null, active: false, disabled: true };

/** Platform administration of accounts: search, and disable or enable after confirming. */
export function UsersAdminView({ viewerId }: { viewerId: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status>('all');
  const users = useUsers(search.trim(), STATUS_FILTER[status]);
  const [, disableUser] = useDisableUser();
  const [, enableUser] = useEnableUser();

  const confirm = (user: User, action: 'disable' | 'enable') => {
    void modal.confirm({
      title: t(`adminUsers.${action}Title`),
      content: t(`adminUsers.${action}Confirm`, { name: user.name }),
      okText: t(`adminUsers.${action}`),
      okButtonProps: { danger: action === 'disable' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const input = { input: { userId: user.id } };
        const result = action === 'disable' ? await disableUser(input) : await enableUser(input);
        const payload =
          result.data && ('disableUser' in result.data ? result.data.disableUser : result.data.enableUser);
        const userError = payload?.userErrors[0];
        const reason = result.error
          ? describeError(result.error, t)
          : userError
            ? describeUserError(userError, t)
            : null;
        if (reason) {
          void message.error(`${t('adminUsers.failed')}: ${reason}`);
          return;
        }
        void message.success(t(`adminUsers.${action}d`, { name: user.name }));
      },
    });
  };

  const columns: TableColumnsType<User> = [
    {
      title: t('adminUsers.name'),
      key: 'name',
      render: (_, user) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong>{user.name}</Typography.Text>
          {user.isPlatformAdmin && <Tag color="gold">{t('adminUsers.platformAdmin')}</Tag>}
        </Flex>
      ),
    },
    { title: t('adminUsers.email'), key: 'email', render: (_, user) => user.email ?? t('common.none') },
    { title: t('adminUsers.phone'), key: 'phone', render: (_, user) => user.phone ?? t('common.none') },
    {
      title: t('adminUsers.status'),
      key: 'status',
      render: (_, user) =>
        user.disabledAt ? (
          <Tag color="red" title={formatDateTime(user.disabledAt) ?? undefined}>
            {t('adminUsers.statusDisabled')}
          </Tag>
        ) : (
          <Tag color="green">{t('adminUsers.statusActive')}</Tag>
        ),
    },
    {
      title: t('adminUsers.actions'),
      key: 'actions',
      render: (_, user) =>
        user.id === viewerId ? null : user.disabledAt ? (
          <Button
            size="small"
            icon={<CheckCircleOutlined />}
            onClick={() => confirm(user, 'enable')}
            aria-label={t('adminUsers.enableFor', { name: user.name })}
          >
            {t('adminUsers.enable')}
          </Button>
        ) : (
          <Button
            danger
            size="small"
            icon={<StopOutlined />}
            onClick={() => confirm(user, 'disable')}
            aria-label={t('adminUsers.disableFor', { name: user.name })}
          >
            {t('adminUsers.disable')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('adminUsers.title')} />
      <Typography.Paragraph type="secondary">{t('adminUsers.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('adminUsers.search')}
          placeholder={t('adminUsers.searchPlaceholder')}
          onSearch={setSearch}
          style={{ maxWidth: 360 }}
        />
        <Segmented<Status>
          aria-label={t('adminUsers.status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('adminUsers.filterAll') },
            { value: 'active', label: t('adminUsers.statusActive') },
            { value: 'disabled', label: t('adminUsers.statusDisabled') },
          ]}
        />
      </Flex>
      {users.error && <ErrorAlert error={users.error} onRetry={users.refetch} />}
      <Table
        columns={columns}
        dataSource={users.nodes as User[]}
        rowKey="id"
        loading={users.loading}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('adminUsers.empty') }}
        aria-label={t('adminUsers.title')}
      />
      <LoadMore
        shown={users.nodes.length}
        total={users.totalCount}
        hasNextPage={users.hasNextPage}
        loading={users.loadingMore}
        onLoadMore={users.loadMore}
      />
    </>
  );
}
