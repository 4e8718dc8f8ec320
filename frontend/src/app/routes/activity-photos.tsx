import { Space } from 'antd';
import { useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { MediaGallery, MediaUploader, useMedia } from '@/components/media';
import { PageHeader } from '@/components/page-header';
import { useTranslation } from 'react-i18next';

/** The photos of one activity: upload (several at once, or from the camera) and the gallery. */
export function ActivityPhotosRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { media, error, refetch } = useMedia(id);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <PageHeader title={t('media.gallery')} />
      <MediaUploader owner={{ field: 'activityId', id }} camera onUploaded={() => refetch()} />
      {error && <ErrorAlert error={error} />}
      <MediaGallery
        items={media.map((m) => ({
          id: m.id,
          name: m.originalName,
          caption: m.caption,
          thumbnailUrl: m.thumbnail?.url ?? null,
          webUrl: m.web?.url ?? null,
        }))}
      />
    </Space>
  );
}
