import { Alert, App, Button, Card, Form, Input, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '@/components/section-title';
import { useLanguage } from '@/i18n/use-language';
import { describeError, hasErrorCode } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useUpdateMyProfile } from '../api/update-profile';

export interface EditableProfile {
  name: string;
  phone?: string | null;
  locale: string;
  version: number;
}

interface Values {
  name: string;
  phone: string;
  locale: 'zh-CN' | 'en';
}

const TOUCH = { minHeight: 44 };

/** The viewer's own name, phone and language; saving a language switches the UI to it. */
export function EditProfileForm({ profile, onReload }: { profile: EditableProfile; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { setLanguage } = useLanguage();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, update] = useUpdateMyProfile();
  const [alert, setAlert] = useState<string | null>(null);

  useEffect(() => {
    form.setFieldsValue({
      name: profile.name,
      phone: profile.phone ?? '',
      locale: profile.locale === 'en' ? 'en' : 'zh-CN',
    });
  }, [form, profile.name, profile.phone, profile.locale]);

  const onFinish = async (values: Values) => {
    setAlert(null);
    const phone = values.phone.trim();
    const result = await update({
      input: { name: values.name, phone: phone === '' ? null : phone, locale: values.locale, version: profile.version },
    });
    if (result.error) {
      if (hasErrorCode(result.error, 'CONFLICT')) {
        setAlert(t('accounts.edit.conflict'));
        onReload();
      } else {
        setAlert(describeError(result.error, t));
      }
      return;
    }
    const userErrors = result.data?.updateMyProfile.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { name: 'name', phone: 'phone', locale: 'locale' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('accounts.edit.success'));
    await setLanguage(values.locale === 'en' ? 'en' : 'zh');
  };

  return (
    <Card title={<SectionTitle>{t('accounts.edit.title')}</SectionTitle>}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        style={{ maxWidth: 400 }}
        aria-label={t('accounts.edit.title')}
      >
        {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="name"
          label={t('accounts.edit.name')}
          rules={[{ required: true, whitespace: true, message: t('accounts.edit.nameRequired') }]}
        >
          <Input autoComplete="name" maxLength={100} style={TOUCH} />
        </Form.Item>
        <Form.Item name="phone" label={t('accounts.edit.phone')} extra={t('accounts.edit.phoneHint')}>
          <Input autoComplete="tel" inputMode="tel" style={TOUCH} />
        </Form.Item>
        <Form.Item name="locale" label={t('accounts.edit.locale')}>
          <Radio.Group optionType="button" size="large">
            <Radio.Button value="zh-CN" style={{ height: 44, lineHeight: '42px' }}>
              简体中文
            </Radio.Button>
            <Radio.Button value="en" style={{ height: 44, lineHeight: '42px' }}>
              English
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching} style={TOUCH}>
          {t('accounts.edit.submit')}
        </Button>
      </Form>
    </Card>
  );
}
