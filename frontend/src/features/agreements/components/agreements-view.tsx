import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { PageHeader } from '@/components/page-header';
import { useAgreementAlliance } from '../api/get-agreement-alliance';
import { useAgreements } from '../api/get-agreements';
import { AgreementFormModal } from './agreement-form-modal';
import { AgreementStatusTag } from './agreement-status-tag';

/** Agreements of one alliance (with drafting for its secretariat and party admins), or of every alliance the viewer reads. */
export function AgreementsView({ allianceId }: { allianceId?: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useAgreements(allianceId);
  const [alliance] = useAgreementAlliance(allianceId ?? '');
  const [creating, setCreating] = useState(false);
  const roles = alliance.data?.alliance?.viewerRoles ?? [];
  const mayDraft = roles.includes('ALLIANCE_ADMIN') || roles.includes('ORGANIZATION_ADMIN');
  const agreements = data?.agreements.nodes ?? [];

  return (
    <>
      <PageHeader
        title={
          alliance.data?.alliance
            ? t('agreements.titleOf', { name: alliance.data.alliance.name })
            : t('agreements.title')
        }
        extra={
          allianceId && mayDraft ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('agreements.create')}
            </Button>
          ) : null
        }
      />
      {error && <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && !data ? (
        <Spin />
      ) : agreements.length === 0 ? (
        <Empty description={t('agreements.empty')} />
      ) : (
        <List
          grid={{ gutter: 16, xs: 1, md: 2 }}
          dataSource={agreements}
          renderItem={(agreement) => (
            <List.Item>
              <Card
                size="small"
                title={<Link to={`/agreements/${encodeURIComponent(agreement.id)}`}>{agreement.title}</Link>}
                extra={<AgreementStatusTag status={agreement.status} />}
              >
                <Space direction="vertical" size={4}>
                  {!allianceId && agreement.alliance && (
                    <Typography.Text type="secondary">{agreement.alliance.name}</Typography.Text>
                  )}
                  <Typography.Text>
                    {t('agreements.term', { from: agreement.validFrom, until: agreement.validUntil })}
                  </Typography.Text>
                  {agreement.expiresInDays !== null && agreement.expiresInDays !== undefined && (
                    <Typography.Text type={agreement.expiresInDays <= 30 ? 'warning' : 'secondary'}>
                      {t('agreements.expiresIn', { count: agreement.expiresInDays })}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary">
                    {agreement.parties.map((p) => p.organization?.name ?? '—').join(' · ')}
                  </Typography.Text>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
      {allianceId && alliance.data?.alliance && (
        <AgreementFormModal
          open={creating}
          allianceId={allianceId}
          members={alliance.data.alliance.members.nodes.map((m) => m.organization)}
          onClose={() => setCreating(false)}
        />
      )}
    </>
  );
}
