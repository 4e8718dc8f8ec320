import { FileOutlined } from '@ant-design/icons';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { MediaUploader, useMedia } from '@/components/media';

/**
 * The agreement's files: the signed scan (PDF or photos), opened through short-lived signed links;
 * the secretariat attaches them. The server decides in the end; `canAttach` only shapes the page.
 */
export function AgreementAttachments({ agreementId, canAttach }: { agreementId: string; canAttach: boolean }) {
  const { t } = useTranslation();
  const { media, error, refetch } = useMedia(agreementId);
  if (!canAttach && media.length === 0 && !error) return null;
  return (
    <Card
      size="small"
      title={t('agreements.attachments')}
      style={{ marginTop: 16 }}
      role="region"
      aria-label={t('agreements.attachments')}
    >
      {error && <ErrorAlert error={error} />}
      <List
        dataSource={media}
        rowKey="id"
        locale={{ emptyText: t('agreements.noAttachments') }}
        renderItem={(file) => (
          <List.Item>
            <FileOutlined aria-hidden style={{ marginInlineEnd: 8 }} />
            {file.original?.url ? (
              <Typography.Link href={file.original.url} target="_blank" rel="noopener noreferrer">
                {file.originalName}
              </Typography.Link>
            ) : (
              file.originalName
            )}
          </List.Item>
        )}
      />
      {canAttach && (
        <MediaUploader
          owner={{ field: 'agreementId', id: agreementId }}
          accept="application/pdf,image/*"
          chooseLabel={t('agreements.attachScan')}
          onUploaded={() => refetch()}
        />
      )}
    </Card>
  );
}
