import { Button, Flex, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTimeInput } from '@/components/date-time-input';
import type { TakenAtSource } from '@/gql/graphql';
import { fromZonedPickerValue, timeZoneLabel, toZonedPickerValue } from '@/i18n/format';

/**
 * When a photo was taken, on the wall clock of `timeZone` (the alliance's, Asia/Shanghai by default),
 * with where the time comes from (the photo's EXIF, the upload, a person's edit). Organizers correct
 * it and save it with the photo's version; `onSave` answers the error to show, if any.
 */
export function PhotoTakenAt({
  name,
  takenAt,
  source,
  timeZone,
  onSave,
}: {
  name: string;
  takenAt: string | null;
  source: TakenAtSource | null;
  timeZone: string;
  onSave: (takenAt: string) => Promise<string | null>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Dayjs | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const label = t('activities.takenAtOf', { name });
  const shown = draft ?? (takenAt ? toZonedPickerValue(takenAt, timeZone) : null);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    const problem = await onSave(fromZonedPickerValue(draft, timeZone));
    setSaving(false);
    setError(problem);
    if (!problem) setDraft(null);
  };

  return (
    <Flex vertical gap={4} style={{ flex: '1 1 260px', minWidth: 0 }} role="group" aria-label={label}>
      <Typography.Text type="secondary">
        {t('activities.takenAt')} · {timeZoneLabel(timeZone)}
        {source && (
          <Tag style={{ marginInlineStart: 8 }} color={source === 'EDITED' ? 'blue' : undefined}>
            {t(`activities.takenAtSources.${source}`)}
          </Tag>
        )}
      </Typography.Text>
      <Flex gap={8} align="center">
        <div style={{ flex: 1, minWidth: 0 }}>
          <DateTimeInput label={label} value={shown} onChange={(next) => next && setDraft(next)} />
        </div>
        <Button onClick={() => void save()} disabled={!draft} loading={saving} style={{ minHeight: 44 }}>
          {t('activities.actions.save')}
        </Button>
      </Flex>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}
