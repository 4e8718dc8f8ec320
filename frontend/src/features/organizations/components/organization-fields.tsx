import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind } from '@/gql/graphql';
import { useIsPhone } from '@/hooks/use-is-phone';

export const ORGANIZATION_KINDS: OrganizationKind[] = [
  'ENTERPRISE_BRANCH',
  'SOCIAL_ORGANIZATION',
  'COMMUNITY',
  'SCHOOL',
  'HOSPITAL',
  'CHAMBER_OF_COMMERCE',
  'GOVERNMENT_DEPARTMENT',
  'OTHER',
];

/** Server `userErrors` fields → form fields (the same names). */
export const ORGANIZATION_USER_ERROR_FIELDS = {
  name: 'name',
  nameEn: 'nameEn',
  kind: 'kind',
  hostEntity: 'hostEntity',
  region: 'region',
  foundedOn: 'foundedOn',
  honours: 'honours',
};

export interface OrganizationFormValues {
  name: string;
  nameEn?: string;
  kind: OrganizationKind;
  hostEntity?: string;
  region?: string;
  foundedOn?: Dayjs | null;
  honours?: string[];
}

/** Honours as sent: trimmed, blanks dropped. */
export function cleanHonours(honours: string[] | undefined): string[] {
  return (honours ?? []).map((honour) => honour.trim()).filter((honour) => honour.length > 0);
}

/**
 * The organization's profile fields, shared by the create and edit forms. `foundedOnKept`: the
 * organization already has a founding date, which the API cannot clear, so the picker offers no clear.
 */
export function OrganizationFields({ foundedOnKept = false }: { foundedOnKept?: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <>
      <Form.Item
        name="name"
        label={t('organization.name')}
        rules={[{ required: true, whitespace: true, message: t('organization.nameRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('organization.nameEn')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('organization.kind')}
        rules={[{ required: true, message: t('organization.kindRequired') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`enums.organizationKind.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item name="hostEntity" label={t('organization.hostEntity')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="region" label={t('organization.region')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="foundedOn"
        label={t('organization.foundedOn')}
        extra={foundedOnKept ? t('organization.foundedOnKept') : undefined}
      >
        <DatePicker
          style={{ width: '100%' }}
          inputReadOnly={isPhone}
          allowClear={!foundedOnKept}
          disabledDate={(date) => date.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      <Form.Item name="honours" label={t('organization.honours')} extra={t('organization.honoursHint')}>
        <Select
          mode="tags"
          placeholder={t('organization.honoursPlaceholder')}
          notFoundContent={null}
          suffixIcon={null}
          maxCount={50}
          options={[]}
        />
      </Form.Item>
    </>
  );
}
