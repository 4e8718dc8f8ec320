import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AllianceKind, AllianceStatus, AllianceVisibility, RotationPeriod } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';

const STATUS_COLOR = { PREPARATORY: 'gold', ACTIVE: 'green', DISSOLVED: 'default' } as const;

export interface AllianceProfileFields {
  kind: AllianceKind;
  status: AllianceStatus;
  foundedOn: string | null;
  supervisingBody: string | null;
  instructor: string | null;
  rotationPeriod: RotationPeriod;
  visibility: AllianceVisibility;
}

/** Kind, status, founding date, supervising body, instructor, rotation period and visibility. */
export function AllianceProfile({ alliance }: { alliance: AllianceProfileFields }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
      <Descriptions.Item label={t('alliances.kind')}>{t(`enums.allianceKind.${alliance.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('alliances.status')}>
        <Tag color={STATUS_COLOR[alliance.status]}>{t(`enums.allianceStatus.${alliance.status}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('alliances.foundedOn')}>{formatDate(alliance.foundedOn) ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('alliances.supervisingBody')}>{alliance.supervisingBody ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('alliance.instructor')}>{alliance.instructor ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('alliances.rotationPeriod')}>
        {t(`enums.rotationPeriod.${alliance.rotationPeriod}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('alliances.visibility')}>
        {t(`enums.allianceVisibility.${alliance.visibility}`)}
      </Descriptions.Item>
    </Descriptions>
  );
}
