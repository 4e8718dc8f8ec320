import { Alert, App, Button, Card, Descriptions, List, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Markdown } from '@/components/markdown';
import { PageHeader } from '@/components/page-header';
import { formatDate } from '@/i18n/format';
import { describeError } from '@/lib/graphql/errors';
import { useAgreement } from '../api/get-agreement';
import { AgreementAttachments } from './agreement-attachments';
import { useRenewAgreement } from '../api/renew-agreement';
import { AgreementStatusTag } from './agreement-status-tag';
import { CommitmentList } from './commitment-list';
import { SignModal, TerminateModal } from './agreement-actions';

/** One agreement: parties with signatures, term, commitments with progress, and the actions the viewer may take. */
export function AgreementView({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useAgreement(agreementId);
  const [signing, setSigning] = useState<{ id: string; name: string } | null>(null);
  const [terminating, setTerminating] = useState(false);
  const [{ fetching: renewing }, renewAgreement] = useRenewAgreement();
  const [alert, setAlert] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (fetching && !data) return <Spin />;
  const agreement = data?.agreement;
  if (!agreement) return <Alert type="warning" showIcon message={t('agreements.notFound')} />;
  const signed = agreement.status === 'SIGNED' || agreement.status === 'ACTIVE' || agreement.status === 'EXPIRED';

  const renew = async () => {
    setAlert(null);
    const result = await renewAgreement({ input: { id: agreement.id } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const renewed = result.data?.renewAgreement.agreement;
    if (renewed) {
      void message.success(t('agreements.renewed'));
      void navigate(`/agreements/${encodeURIComponent(renewed.id)}`);
    } else {
      setAlert((result.data?.renewAgreement.userErrors ?? []).map((e) => e.message).join(' '));
    }
  };

  return (
    <>
      <PageHeader
        title={agreement.title}
        extra={
          <Space wrap>
            <AgreementStatusTag status={agreement.status} />
            {agreement.viewerCanManage && signed && !agreement.renewedBy && (
              <Button onClick={() => void renew()} loading={renewing}>
                {t('agreements.renew')}
              </Button>
            )}
            {agreement.viewerCanManage && agreement.status !== 'TERMINATED' && (
              <Button danger onClick={() => setTerminating(true)}>
                {t('agreements.terminate')}
              </Button>
            )}
          </Space>
        }
      />
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 16 }} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          {agreement.alliance && (
            <Descriptions.Item label={t('agreements.fields.alliance')}>
              <Link to={`/alliances/${encodeURIComponent(agreement.alliance.id)}`}>{agreement.alliance.name}</Link>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('agreements.fields.term')}>
            {t('agreements.term', { from: formatDate(agreement.validFrom), until: formatDate(agreement.validUntil) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.fields.lastDay')}>
            {formatDate(agreement.validUntil)}
          </Descriptions.Item>
          {agreement.expiresInDays !== null && agreement.expiresInDays !== undefined && (
            <Descriptions.Item label={t('agreements.fields.expiresIn')}>
              {t('agreements.expiresIn', { count: agreement.expiresInDays })}
            </Descriptions.Item>
          )}
          {agreement.terminatedOn && (
            <Descriptions.Item label={t('agreements.fields.terminatedOn')}>
              {agreement.terminatedOn} {agreement.terminationReason}
            </Descriptions.Item>
          )}
          {agreement.previousAgreement && (
            <Descriptions.Item label={t('agreements.fields.previous')}>
              <Link to={`/agreements/${encodeURIComponent(agreement.previousAgreement.id)}`}>
                {agreement.previousAgreement.title}
              </Link>
            </Descriptions.Item>
          )}
          {agreement.renewedBy && (
            <Descriptions.Item label={t('agreements.fields.renewedBy')}>
              <Link to={`/agreements/${encodeURIComponent(agreement.renewedBy.id)}`}>{agreement.renewedBy.title}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={t('agreements.parties')} style={{ marginBottom: 16 }}>
        <List
          dataSource={agreement.parties}
          renderItem={(party) => (
            <List.Item
              actions={
                agreement.status === 'DRAFT' && !party.signed && party.viewerCanSign && party.organization
                  ? [
                      <Button
                        key="sign"
                        type="primary"
                        size="small"
                        onClick={() => party.organization && setSigning(party.organization)}
                      >
                        {t('agreements.signFor', { name: party.organization.name })}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={party.organization?.name ?? '—'}
                description={
                  party.signed
                    ? t('agreements.signedBy', {
                        name: party.signatoryName ?? '',
                        position: party.signatoryPosition ?? '',
                        date: party.signedOn ?? '',
                      })
                    : t('agreements.notSigned')
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <CommitmentList
        agreementId={agreement.id}
        commitments={agreement.commitments}
        parties={agreement.parties.flatMap((p) => (p.organization ? [p.organization] : []))}
        mayAdd={agreement.status !== 'TERMINATED' && agreement.viewerCanEdit}
        onChanged={reload}
      />
      <AgreementAttachments agreementId={agreement.id} canAttach={agreement.viewerCanManage} />
      {agreement.body && (
        <Card size="small" title={t('agreements.fields.body')} style={{ marginTop: 16 }}>
          <Markdown label={t('agreements.fields.body')}>{agreement.body}</Markdown>
        </Card>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('agreements.lastDayHint')}
      </Typography.Paragraph>
      <SignModal agreementId={agreement.id} party={signing} onClose={() => setSigning(null)} onDone={reload} />
      <TerminateModal
        open={terminating}
        agreementId={agreement.id}
        version={agreement.version}
        onClose={() => setTerminating(false)}
        onDone={reload}
      />
    </>
  );
}
