import dayjs from 'dayjs';

// Dates follow the active dayjs locale (switched together with the UI language).

/** A `Date` scalar (YYYY-MM-DD), e.g. 2026年3月1日 / March 1, 2026. */
export function formatDate(value: string | null | undefined): string | null {
  return value ? dayjs(value).format('LL') : null;
}

/** A `DateTime` scalar (RFC 3339), in the viewer's time zone. */
export function formatDateTime(value: string | null | undefined): string | null {
  return value ? dayjs(value).format('LLL') : null;
}

/** An entity's name in the UI language: the English name in English when there is one. */
export function displayName(entity: { name: string; nameEn?: string | null }, language: string): string {
  return language === 'en' && entity.nameEn ? entity.nameEn : entity.name;
}

/** A span of time, e.g. 2026年3月1日 14:30 – 16:00; the date is repeated only when the span crosses midnight. */
export function formatTimeRange(start: string, end: string): string {
  const from = dayjs(start);
  const to = dayjs(end);
  return from.isSame(to, 'day')
    ? `${from.format('LLL')} – ${to.format('LT')}`
    : `${from.format('LLL')} – ${to.format('LLL')}`;
}

/** A `DateTime` as a time of day, e.g. 14:30. */
export function formatTime(value: string | null | undefined): string | null {
  return value ? dayjs(value).format('LT') : null;
}
