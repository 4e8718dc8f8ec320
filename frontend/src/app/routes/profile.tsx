import { useTranslation } from 'react-i18next';
import { CalendarFeedsCard } from '@/features/calendar-feeds/components/calendar-feeds-card';
import { ProfileView } from '@/features/profile/components/profile-view';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function ProfileRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  return <ProfileView extra={<CalendarFeedsCard />} />;
}
