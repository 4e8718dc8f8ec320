import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Markdown } from '@/components/markdown';

interface VersionLike {
  body?: string | null;
  file?: { name: string; contentType: string; byteSize: number; url?: string | null } | null;
}

/** A version's content: its text, or a download link to its file (a short-lived signed link). */
export function VersionContent({ label, version }: { label: string; version: VersionLike }) {
  const { t } = useTranslation();
  const file = version.file;
  if (!file) return <Markdown label={label}>{version.body ?? ''}</Markdown>;
  return (
    <Space wrap>
      <Button
        icon={<DownloadOutlined />}
        href={file.url ?? undefined}
        target="_blank"
        rel="noopener"
        disabled={!file.url}
        style={{ minHeight: 44 }}
        aria-label={t('documents.download', { name: file.name })}
      >
        {file.name}
      </Button>
      <Typography.Text type="secondary">
        {t('documents.fileSize', { size: Math.max(1, Math.round(file.byteSize / 1024)) })}
      </Typography.Text>
    </Space>
  );
}
