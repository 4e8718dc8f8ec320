import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, List, Progress, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OwnerField, UploadError, type UploadedMedia, uploadMedia } from './upload-media';

interface Entry {
  key: string;
  name: string;
  progress: number;
  status: 'uploading' | 'done' | 'error';
  error?: string;
}

export interface MediaUploaderProps {
  /** Which owner the files go to, e.g. `{ field: 'activityId', id }` (a global id). */
  owner: { field: OwnerField; id: string };
  /** File picker filter; photos by default. */
  accept?: string;
  /** Offer the phone camera as well (`capture`). */
  camera?: boolean;
  /** Called after each successful file, e.g. to refetch the gallery. */
  onUploaded?: (media: UploadedMedia[]) => void;
  /** The picker button's text; "choose photos" by default. */
  chooseLabel?: string;
}

/** Several files at once, each uploaded on its own with its progress and, if refused, its error. */
export function MediaUploader({
  owner,
  accept = 'image/*',
  camera = false,
  onUploaded,
  chooseLabel,
}: MediaUploaderProps) {
  const { t } = useTranslation();
  const choose = chooseLabel ?? t('media.choose');
  const [entries, setEntries] = useState<Entry[]>([]);
  const picker = useRef<HTMLInputElement>(null);
  const cameraPicker = useRef<HTMLInputElement>(null);

  const update = (key: string, change: Partial<Entry>) =>
    setEntries((all) => all.map((e) => (e.key === key ? { ...e, ...change } : e)));

  const start = (files: FileList | null) => {
    if (!files) return;
    const picked = Array.from(files).map((file, i) => ({
      file,
      entry: { key: `${Date.now()}-${i}-${file.name}`, name: file.name, progress: 0, status: 'uploading' as const },
    }));
    setEntries((all) => [...picked.map((p) => p.entry), ...all]);
    for (const { file, entry } of picked) {
      uploadMedia(owner, file, (fraction) => update(entry.key, { progress: Math.round(fraction * 100) }))
        .then((media) => {
          update(entry.key, { status: 'done', progress: 100 });
          onUploaded?.(media);
        })
        .catch((e: unknown) => {
          const code = e instanceof UploadError ? e.code : 'NETWORK';
          update(entry.key, {
            status: 'error',
            error: t(`media.errors.${code}`, { defaultValue: t('media.errors.OTHER') }),
          });
        });
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<UploadOutlined />} onClick={() => picker.current?.click()}>
          {choose}
        </Button>
        {camera && (
          <Button icon={<CameraOutlined />} onClick={() => cameraPicker.current?.click()}>
            {t('media.camera')}
          </Button>
        )}
      </Space>
      <input
        ref={picker}
        type="file"
        multiple
        accept={accept}
        hidden
        aria-label={choose}
        data-testid="media-file-input"
        onChange={(e) => {
          start(e.target.files);
          e.target.value = '';
        }}
      />
      {camera && (
        <input
          ref={cameraPicker}
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          aria-label={t('media.camera')}
          onChange={(e) => {
            start(e.target.files);
            e.target.value = '';
          }}
        />
      )}
      {entries.length > 0 && (
        <List
          size="small"
          aria-label={t('media.uploads')}
          dataSource={entries}
          renderItem={(entry) => (
            <List.Item key={entry.key}>
              <Space direction="vertical" style={{ width: '100%' }} size={2}>
                <Typography.Text ellipsis>{entry.name}</Typography.Text>
                {entry.status === 'error' ? (
                  <Alert type="error" showIcon message={entry.error} />
                ) : (
                  <Progress
                    percent={entry.progress}
                    size="small"
                    status={entry.status === 'done' ? 'success' : 'active'}
                    aria-label={t('media.progress', { name: entry.name })}
                  />
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
