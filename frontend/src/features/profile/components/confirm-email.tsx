import { Alert, Button, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '@/lib/graphql/errors';
import { useConfirmEmailChange } from '../api/update-profile';

const TOKEN_CODES = ['INVALID', 'USED', 'EXPIRED', 'REQUIRED', 'EMAIL_TAKEN'] as const;
type TokenCode = (typeof TOKEN_CODES)[number];

/** Confirms a new e-mail address with the link's token, on a button press (mail scanners open links). */
export function ConfirmEmail({ token }: { token: string }) {
  const { t } = useTranslation();
  const [{ fetching }, confirm] = useConfirmEmailChange();
  const [alert, setAlert] = useState<string | null>(null);
  const [badLink, setBadLink] = useState<TokenCode | null>(null);
  const [email, setEmail] = useState<string | null>(null);
  const home = (
    <Link to="/">
      <Button type="primary" size="large">
        {t('accounts.confirmEmail.backHome')}
      </Button>
    </Link>
  );

  if (email) {
    return (
      <Result
        status="success"
        title={t('accounts.confirmEmail.doneTitle')}
        subTitle={t('accounts.confirmEmail.doneHint', { email })}
        extra={home}
      />
    );
  }
  if (badLink) {
    return (
      <Result
        status="warning"
        title={t('accounts.confirmEmail.badLinkTitle')}
        subTitle={t(`accounts.confirmEmail.tokenErrors.${badLink}`)}
        extra={home}
      />
    );
  }

  const onConfirm = async () => {
    setAlert(null);
    const result = await confirm(token);
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.confirmEmailChange;
    const tokenError = payload?.userErrors[0];
    if (tokenError) {
      setBadLink(TOKEN_CODES.find((c) => c === tokenError.code) ?? 'INVALID');
      return;
    }
    setEmail(payload?.email ?? null);
  };

  return (
    <>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <p>{t('accounts.confirmEmail.intro')}</p>
      <Button type="primary" size="large" block loading={fetching} onClick={() => void onConfirm()}>
        {t('accounts.confirmEmail.submit')}
      </Button>
    </>
  );
}
