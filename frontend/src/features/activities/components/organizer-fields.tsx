import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayName } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';

export interface MemberOrganization {
  id: string;
  name: string;
  nameEn?: string | null;
}

/**
 * The host (主办) and the co-organizers (协办) of an activity, both among the alliance's current
 * member organizations; the host is never offered as its own co-organizer, and choosing a host that
 * was a co-organizer takes it off that list.
 */
export function OrganizerFields({ members }: { members: readonly MemberOrganization[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<{ hostOrganizationId?: string; coOrganizerIds?: string[] }>();
  const { language } = useLanguage();
  const host = Form.useWatch('hostOrganizationId', form);
  const options = (excluded?: string) =>
    members.filter((m) => m.id !== excluded).map((m) => ({ value: m.id, label: displayName(m, language) }));
  return (
    <>
      <Form.Item
        name="hostOrganizationId"
        label={t('activities.fields.hostOrganization')}
        extra={t('activities.hostHint')}
        rules={[{ required: true, message: t('activities.required') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={options()}
          onChange={(next: string) => {
            const co = (form.getFieldValue('coOrganizerIds') as string[] | undefined) ?? [];
            if (co.includes(next))
              form.setFieldValue(
                'coOrganizerIds',
                co.filter((id) => id !== next),
              );
          }}
        />
      </Form.Item>
      <Form.Item
        name="coOrganizerIds"
        label={t('activities.fields.coOrganizers')}
        extra={t('activities.coOrganizersHint')}
      >
        <Select
          mode="multiple"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('activities.coOrganizersPlaceholder')}
          options={options(host)}
        />
      </Form.Item>
    </>
  );
}
