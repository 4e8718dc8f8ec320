import { StopOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { SectionTitle } from '@/components/section-title';
import { formatDateTime } from '@/i18n/format';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { useRoleGrants } from '../api/get-role-grants';
import { useRevokeAllianceRole } from '../api/revoke-alliance-role';

type RoleGrant = ReturnType<typeof useRoleGrants>['nodes'][number];

/** Who holds a granted role in the alliance now; platform admins revoke a grant after confirming. */
export function RoleGrantList({ allianceId, canRevoke }: { allianceId: string; canRevoke: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const grants = useRoleGrants(allianceId);
  const [, revoke] = useRevokeAllianceRole();

  const confirmRevoke = (grant: RoleGrant) => {
    const role = t(`enums.grantedRole.${grant.role}`);
    const name = grant.user?.name ?? '';
    void modal.confirm({
      title: t('roleGrants.revokeTitle'),
      content: t('roleGrants.revokeConfirm', { name, role }),
      okText: t('roleGrants.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await revoke({ input: { grantId: grant.id } });
        const userError = result.data?.revokeAllianceRole.userErrors[0];
        const reason = result.error
          ? describeError(result.error, t)
          : userError
            ? describeUserError(userError, t)
            : null;
        if (reason) {
          void message.error(`${t('roleGrants.revokeFailed')}: ${reason}`);
          return;
        }
        void message.success(t('roleGrants.revoked', { name, role }));
      },
    });
  };

  return (
    <Card title={<SectionTitle>{t('roleGrants.title')}</SectionTitle>} role="region" aria-label={t('roleGrants.title')}>
      {grants.error && <ErrorAlert error={grants.error} onRetry={grants.refetch} />}
      <List
        loading={grants.loading}
        dataSource={grants.nodes as RoleGrant[]}
        rowKey="id"
        locale={{ emptyText: t('roleGrants.empty') }}
        renderItem={(grant) => (
          <List.Item
            aria-label={grant.user?.name ?? undefined}
            actions={
              canRevoke
                ? [
                    <Button
                      key="revoke"
                      danger
                      size="small"
                      icon={<StopOutlined />}
                      onClick={() => confirmRevoke(grant)}
                      aria-label={t('roleGrants.revokeFor', {
                        name: grant.user?.name ?? '',
                        role: t(`enums.grantedRole.${grant.role}`),
                      })}
                    >
                      {t('roleGrants.revoke')}
                    </Button>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              title={
                <>
                  <Typography.Text strong>{grant.user?.name ?? t('common.none')}</Typography.Text>{' '}
                  <Tag color="blue">{t(`enums.grantedRole.${grant.role}`)}</Tag>
                </>
              }
              description={t('roleGrants.grantedAt', {
                at: formatDateTime(grant.grantedAt) ?? '',
                by: grant.grantedBy?.name ?? t('roleGrants.system'),
              })}
            />
          </List.Item>
        )}
      />
      <LoadMore
        shown={grants.nodes.length}
        total={grants.totalCount}
        hasNextPage={grants.hasNextPage}
        loading={grants.loadingMore}
        onLoadMore={grants.loadMore}
      />
    </Card>
  );
}
