import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '@/components/section-title';
import { ActionItemList } from './action-item-list';
import type { MeetingDetail } from './types';

/** 上次会议决定事项进展: the open action items of earlier meetings, carried onto this agenda. */
export function CarriedOverSection({ meeting, onRefetch }: { meeting: MeetingDetail; onRefetch: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      title={<SectionTitle>{t('carriedOver.title')}</SectionTitle>}
      id="earlier-decisions"
      role="region"
      aria-label={t('carriedOver.title')}
    >
      <Typography.Paragraph type="secondary">{t('carriedOver.intro')}</Typography.Paragraph>
      <ActionItemList
        label={t('carriedOver.title')}
        items={meeting.carriedOverActionItems}
        emptyText={t('carriedOver.empty')}
        showMeeting
        onConflict={onRefetch}
      />
    </Card>
  );
}
