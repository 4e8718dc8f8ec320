import { StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, List, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { useIsPhone } from '@/hooks/use-is-phone';
import { displayName, formatDateTime } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { useIntegrationTokens } from '../api/get-integration-tokens';
import { useRevokeIntegrationToken } from '../api/revoke-integration-token';
import { scopeName } from '../scope-name';

type IntegrationToken = ReturnType<typeof useIntegrationTokens>['nodes'][number];

function StatusTag({ token }: { token: IntegrationToken }) {
  const { t } = useTranslation();
  if (token.revokedAt) {
    return (
      <Tag color="red" title={formatDateTime(token.revokedAt) ?? undefined}>
        {t('integrationTokens.statusRevoked')}
      </Tag>
    );
  }
  if (Date.parse(token.expiresAt) <= Date.now()) return <Tag>{t('integrationTokens.statusExpired')}</Tag>;
  return <Tag color="green">{t('integrationTokens.statusActive')}</Tag>;
}

function targetLabel(token: IntegrationToken, t: TFunction, language: string): string {
  if (token.alliance) return t('integrationTokens.targetAlliance', { name: displayName(token.alliance, language) });
  if (token.organization) {
    return t('integrationTokens.targetOrganization', { name: displayName(token.organization, language) });
  }
  return t('common.none');
}

function ScopeTags({ scopes }: { scopes: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {scopes.map((scope) => (
        <Tag key={scope} color="geekblue" title={scope}>
          {scopeName(t, scope)}
        </Tag>
      ))}
    </Flex>
  );
}

export function IntegrationTokenList() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { modal, message } = App.useApp();
  const isPhone = useIsPhone();
  const tokens = useIntegrationTokens();
  const [, revokeToken] = useRevokeIntegrationToken();

  const confirmRevoke = (token: IntegrationToken) => {
    void modal.confirm({
      title: t('integrationTokens.revokeTitle'),
      content: t('integrationTokens.revokeConfirm', { name: token.name }),
      okText: t('integrationTokens.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await revokeToken({ input: { id: token.id } });
        const userError = result.data?.revokeIntegrationToken.userErrors[0];
        const reason = result.error
          ? describeError(result.error, t)
          : userError
            ? describeUserError(userError, t)
            : null;
        if (reason) {
          void message.error(`${t('integrationTokens.revokeFailed')}: ${reason}`);
          return;
        }
        void message.success(t('integrationTokens.revoked'));
      },
    });
  };

  const revokeButton = (token: IntegrationToken) =>
    token.revokedAt ? null : (
      <Button danger size="small" icon={<StopOutlined />} onClick={() => confirmRevoke(token)}>
        {t('integrationTokens.revoke')}
      </Button>
    );

  const columns: TableColumnsType<IntegrationToken> = [
    {
      title: t('integrationTokens.name'),
      key: 'name',
      render: (_, token) => (
        <Flex vertical>
          <Typography.Text strong>{token.name}</Typography.Text>
          <Typography.Text type="secondary" code>
            {token.prefix}…
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('integrationTokens.scopes'), key: 'scopes', render: (_, token) => <ScopeTags scopes={token.scopes} /> },
    { title: t('integrationTokens.target'), key: 'target', render: (_, token) => targetLabel(token, t, language) },
    {
      title: t('integrationTokens.expiresAt'),
      key: 'expiresAt',
      render: (_, token) => formatDateTime(token.expiresAt),
    },
    {
      title: t('integrationTokens.lastUsedAt'),
      key: 'lastUsedAt',
      render: (_, token) => formatDateTime(token.lastUsedAt) ?? t('integrationTokens.neverUsed'),
    },
    { title: t('integrationTokens.status'), key: 'status', render: (_, token) => <StatusTag token={token} /> },
    { title: t('integrationTokens.actions'), key: 'actions', render: (_, token) => revokeButton(token) },
  ];

  return (
    <>
      {tokens.error && <ErrorAlert error={tokens.error} onRetry={tokens.refetch} />}
      {isPhone ? (
        <List
          loading={tokens.loading}
          dataSource={tokens.nodes as IntegrationToken[]}
          locale={{ emptyText: t('integrationTokens.empty') }}
          rowKey="id"
          renderItem={(token) => (
            <List.Item style={{ padding: '6px 0', border: 0 }}>
              <Card
                size="small"
                style={{ width: '100%' }}
                title={token.name}
                extra={<StatusTag token={token} />}
                actions={token.revokedAt ? undefined : [revokeButton(token)]}
              >
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('integrationTokens.prefix')}>
                    <Typography.Text code>{token.prefix}…</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('integrationTokens.scopes')}>
                    <ScopeTags scopes={token.scopes} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('integrationTokens.target')}>
                    {targetLabel(token, t, language)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('integrationTokens.expiresAt')}>
                    {formatDateTime(token.expiresAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('integrationTokens.lastUsedAt')}>
                    {formatDateTime(token.lastUsedAt) ?? t('integrationTokens.neverUsed')}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table
          rowKey="id"
          columns={columns}
          dataSource={tokens.nodes as IntegrationToken[]}
          loading={tokens.loading}
          pagination={false}
          locale={{ emptyText: t('integrationTokens.empty') }}
          scroll={{ x: 'max-content' }}
        />
      )}
      <LoadMore
        shown={tokens.nodes.length}
        total={tokens.totalCount}
        hasNextPage={tokens.hasNextPage}
        loading={tokens.loadingMore}
        onLoadMore={tokens.loadMore}
      />
    </>
  );
}
