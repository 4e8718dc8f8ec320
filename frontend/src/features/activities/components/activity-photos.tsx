import { StarFilled, StarOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { MediaGallery, MediaUploader, useMedia } from '@/components/media';
import { describeError, describeUserError, hasErrorCode } from '@/lib/graphql/errors';
import { useSetActivityCover } from '../api/set-activity-cover';
import { useUpdatePhoto } from '../api/update-photo';
import { PhotoTakenAt } from './photo-taken-at';

type Photo = ReturnType<typeof useMedia>['media'][number];

/**
 * For the organizers: each photo's caption (saved when the field is left), the time it was taken
 * and the cover choice.
 */
function PhotoEditor({
  activityId,
  photos,
  coverId,
  timeZone,
  onChanged,
}: {
  activityId: string;
  photos: Photo[];
  coverId: string | null;
  timeZone: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [, updatePhoto] = useUpdatePhoto();
  const [{ fetching: picking }, setCover] = useSetActivityCover();
  const cover = coverId ?? photos[0]?.id ?? null;

  const saveCaption = async (photo: Photo, caption: string) => {
    if (caption === (photo.caption ?? '')) return;
    const result = await updatePhoto({ input: { id: photo.id, version: photo.version, caption: caption || null } });
    const userError = result.data?.updateMedia.userErrors[0];
    if (result.error) void message.error(describeError(result.error, t));
    else if (userError) void message.error(describeUserError(userError, t));
    else void message.success(t('activities.captionSaved'));
    onChanged();
  };

  /** Answers the error to show by the field, or null once saved. */
  const saveTakenAt = async (photo: Photo, takenAt: string): Promise<string | null> => {
    const result = await updatePhoto({ input: { id: photo.id, version: photo.version, takenAt } });
    const userError = result.data?.updateMedia.userErrors[0];
    onChanged();
    if (result.error)
      return hasErrorCode(result.error, 'CONFLICT') ? t('activities.conflict') : describeError(result.error, t);
    if (userError) return describeUserError(userError, t);
    void message.success(t('activities.takenAtSaved'));
    return null;
  };

  const pickCover = async (photo: Photo) => {
    const result = await setCover({ input: { activityId, mediaId: photo.id } });
    const userError = result.data?.setActivityCover.userErrors[0];
    if (result.error) void message.error(describeError(result.error, t));
    else if (userError) void message.error(describeUserError(userError, t));
    else void message.success(t('activities.coverSet'));
    onChanged();
  };

  return (
    <div role="group" aria-label={t('activities.editPhotos')}>
      <List
        size="small"
        dataSource={photos}
        rowKey="id"
        renderItem={(photo) => (
          <List.Item>
            <Flex gap={8} align="center" wrap style={{ width: '100%' }}>
              {photo.thumbnail?.url && (
                <img
                  src={photo.thumbnail.url}
                  alt={photo.caption ?? photo.originalName}
                  width={56}
                  height={56}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                />
              )}
              <Input
                key={`${photo.id}-${photo.version}`}
                defaultValue={photo.caption ?? ''}
                maxLength={500}
                aria-label={t('activities.captionOf', { name: photo.originalName })}
                placeholder={t('activities.captionPlaceholder')}
                onBlur={(event) => void saveCaption(photo, event.target.value.trim())}
                style={{ flex: '1 1 160px', minHeight: 44 }}
              />
              {photo.kind === 'PHOTO' && (
                <PhotoTakenAt
                  key={`${photo.id}-${photo.version}`}
                  name={photo.originalName}
                  takenAt={photo.takenAt ?? null}
                  source={photo.takenAtSource ?? null}
                  timeZone={timeZone}
                  onSave={(takenAt) => saveTakenAt(photo, takenAt)}
                />
              )}
              {photo.id === cover ? (
                <Tag color="gold" icon={<StarFilled />}>
                  {t('activities.cover')}
                </Tag>
              ) : (
                <Button
                  icon={<StarOutlined />}
                  loading={picking}
                  onClick={() => void pickCover(photo)}
                  aria-label={t('activities.makeCoverOf', { name: photo.originalName })}
                  style={{ minHeight: 44 }}
                >
                  {t('activities.makeCover')}
                </Button>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </div>
  );
}

/**
 * The activity's photos: the gallery with its lightbox for everyone who may see the activity; the
 * uploader (several at once, or straight from the phone's camera) for its organizers and the people
 * who took part; captions and the cover for the organizers. The server decides in the end; this only
 * shapes the page.
 */
export function ActivityPhotos({
  activityId,
  canUpload,
  canEdit,
  coverId,
  timeZone,
  onCoverChanged,
}: {
  activityId: string;
  canUpload: boolean;
  canEdit: boolean;
  coverId: string | null;
  /** The alliance's zone, in which taken-at times are shown and typed. */
  timeZone: string;
  onCoverChanged: () => void;
}) {
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
        {canEdit && media.length > 0 && (
          <PhotoEditor
            activityId={activityId}
            photos={media}
            coverId={coverId}
            timeZone={timeZone}
            onChanged={() => {
              refetch();
              onCoverChanged();
            }}
          />
        )}
      </Flex>
    </Card>
  );
}
