import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { MediaGallery, MediaUploader, useMedia } from '@/components/media';

/**
 * The activity's photos: the gallery with its lightbox for everyone who may see the activity, and
 * the uploader (several at once, or straight from the phone's camera) for its organizers and the
 * people who took part. The server decides in the end; this only shapes the page.
 */
export function ActivityPhotos({ activityId, canUpload }: { activityId: string; canUpload: boolean }) {
  const { t } = useTranslation();
  const { media, error, refetch } = useMedia(activityId);
  return (
    <Card title={t('activities.photoSlot')} id="photos" role="region" aria-label={t('activities.photoSlot')}>
      <Flex vertical gap={16}>
        {canUpload && (
          <MediaUploader owner={{ field: 'activityId', id: activityId }} camera onUploaded={() => refetch()} />
        )}
        {error && <ErrorAlert error={error} />}
        {media.length === 0 && !error ? (
          <Typography.Text type="secondary">{t('activities.noPhotos')}</Typography.Text>
        ) : (
          <MediaGallery
            items={media.map((m) => ({
              id: m.id,
              name: m.originalName,
              caption: m.caption,
              thumbnailUrl: m.thumbnail?.url ?? null,
              webUrl: m.web?.url ?? null,
            }))}
          />
        )}
      </Flex>
    </Card>
  );
}
