import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Brand({ to = '/' }: { to?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="brand">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <strong>{t('app.name')}</strong>
    </Link>
  );
}
