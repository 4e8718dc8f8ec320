import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { PageHeader } from '@/components/page-header';
import { useDocuments } from '../api/get-documents';
import { VersionContent } from './version-content';
import { VersionModal } from './version-modal';

/** An alliance's library: the working rules in effect first, then every document with all its versions. */
export function DocumentsView({ allianceId }: { allianceId: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useDocuments(allianceId);
  const [editing, setEditing] = useState<{ documentId?: string } | null>(null);
  if (error) return <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Spin />;
  const alliance = data?.alliance;
  if (!alliance) return <Alert type="warning" showIcon message={t('documents.notFound')} />;
  const manages = alliance.viewerRoles.includes('ALLIANCE_ADMIN');
  const rules = alliance.currentWorkingRules;
  return (
    <>
      <PageHeader
        title={t('documents.titleOf', { name: alliance.name })}
        extra={
          manages ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('documents.create')}
            </Button>
          ) : null
        }
      />
      <Card id="working-rules" size="small" title={t('documents.currentWorkingRules')} style={{ marginBottom: 16 }}>
        {rules ? (
          <>
            <Space wrap style={{ marginBottom: 8 }}>
              <Typography.Text strong>{rules.document?.title}</Typography.Text>
              {rules.label && <Tag>{rules.label}</Tag>}
              <Typography.Text type="secondary">
                {t('documents.effectiveOn', { date: rules.effectiveOn })}
              </Typography.Text>
            </Space>
            <VersionContent label={t('documents.currentWorkingRules')} version={rules} />
          </>
        ) : (
          <Empty description={t('documents.noWorkingRules')} />
        )}
      </Card>
      {alliance.documents.nodes.length === 0 ? (
        <Empty description={t('documents.empty')} />
      ) : (
        alliance.documents.nodes.map((document) => (
          <Card
            key={document.id}
            size="small"
            style={{ marginBottom: 16 }}
            title={
              <Space wrap>
                {document.title}
                <Tag>{t(`documents.kind.${document.kind}`)}</Tag>
              </Space>
            }
            extra={
              manages ? (
                <Button size="small" onClick={() => setEditing({ documentId: document.id })}>
                  {t('documents.addVersion')}
                </Button>
              ) : null
            }
          >
            <Collapse
              size="small"
              items={document.versions.map((v) => ({
                key: v.id,
                label: t('documents.versionLabel', { number: v.number, label: v.label ?? '', date: v.effectiveOn }),
                children: (
                  <>
                    {v.note && <Typography.Paragraph type="secondary">{v.note}</Typography.Paragraph>}
                    <VersionContent label={document.title} version={v} />
                  </>
                ),
              }))}
            />
          </Card>
        ))
      )}
      <VersionModal
        allianceId={allianceId}
        target={editing}
        onClose={() => setEditing(null)}
        onDone={() => refetch({ requestPolicy: 'network-only' })}
      />
    </>
  );
}
