import dayjs, { type Dayjs } from 'dayjs';
import { currentLanguage } from './index';

// Dates follow the active dayjs locale (switched together with the UI language).
//
// Instants that belong to an alliance (a meeting, a lead term, a deadline) are shown in the
// alliance's time zone (`Alliance.timeZone`, an IANA name), with the zone's name added when the
// viewer's own zone has another offset at that instant, e.g. "2026年3月1日 09:00 (北京时间)".
// Without a zone they are shown in the viewer's zone.

/** An alliance's IANA time zone, or nothing for the viewer's own. */
export type TimeZone = string | null | undefined;

/** Chinese names of common zones; other zones and languages use the browser's short name. */
const ZONE_NAMES_ZH: Record<string, string> = {
  'Asia/Shanghai': '北京时间',
  'Asia/Urumqi': '乌鲁木齐时间',
  'Asia/Hong_Kong': '香港时间',
  'Asia/Macau': '澳门时间',
  'Asia/Taipei': '台北时间',
  UTC: '协调世界时',
};

/** The time zones offered when an alliance chooses one: Chinese zones first. */
export const COMMON_TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
] as const;

/** The zone the browser runs in. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function inZone(value: string, timeZone: TimeZone): Dayjs {
  return timeZone ? dayjs(value).tz(timeZone) : dayjs(value);
}

/** The zone's short name in the UI language, e.g. 北京时间 / GMT+8 / CET. */
export function timeZoneName(timeZone: string, at: string | Date = new Date()): string {
  const language = currentLanguage();
  if (language === 'zh' && ZONE_NAMES_ZH[timeZone]) return ZONE_NAMES_ZH[timeZone];
  try {
    const parts = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en', {
      timeZone,
      timeZoneName: 'short',
    }).formatToParts(new Date(at));
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** A zone option's label, e.g. "北京时间 (Asia/Shanghai)". */
export function timeZoneLabel(timeZone: string): string {
  const name = timeZoneName(timeZone);
  return name === timeZone ? timeZone : `${name} (${timeZone})`;
}

/** " (北京时间)" when the viewer's zone has another offset than `timeZone` at `value`, else "". */
function zoneSuffix(value: string, timeZone: TimeZone): string {
  if (!timeZone) return '';
  const there = dayjs(value).tz(timeZone).utcOffset();
  const here = dayjs(value).utcOffset();
  return there === here ? '' : ` (${timeZoneName(timeZone, value)})`;
}

/** A `Date` scalar (YYYY-MM-DD), e.g. 2026年3月1日 / March 1, 2026. */
export function formatDate(value: string | null | undefined): string | null {
  return value ? dayjs(value).format('LL') : null;
}

/** The calendar date of an instant in `timeZone`, e.g. the first day of a lead term. */
export function formatDay(value: string, timeZone?: TimeZone): string {
  return inZone(value, timeZone).format('LL');
}

/** The calendar date (YYYY-MM-DD) of an instant in `timeZone`: the day a meeting is listed on. */
export function dateKey(value: string, timeZone?: TimeZone): string {
  return inZone(value, timeZone).format('YYYY-MM-DD');
}

/** The last day of a span whose end is exclusive (a lead term), as a date in `timeZone`. */
export function lastDay(endsAt: string, timeZone?: TimeZone): string {
  return formatDay(dayjs(endsAt).subtract(1, 'millisecond').toISOString(), timeZone);
}

/** A `DateTime` scalar (RFC 3339), in `timeZone` (named when it is not the viewer's) or the viewer's zone. */
export function formatDateTime(value: string | null | undefined, timeZone?: TimeZone): string | null {
  return value ? `${inZone(value, timeZone).format('LLL')}${zoneSuffix(value, timeZone)}` : null;
}

/** An entity's name in the UI language: the English name in English when there is one. */
export function displayName(entity: { name: string; nameEn?: string | null }, language: string): string {
  return language === 'en' && entity.nameEn ? entity.nameEn : entity.name;
}

/** A span of time, e.g. 2026年3月1日 14:30 – 16:00; the date is repeated only when the span crosses midnight. */
export function formatTimeRange(start: string, end: string, timeZone?: TimeZone): string {
  const from = inZone(start, timeZone);
  const to = inZone(end, timeZone);
  const span = from.isSame(to, 'day')
    ? `${from.format('LLL')} – ${to.format('LT')}`
    : `${from.format('LLL')} – ${to.format('LLL')}`;
  return `${span}${zoneSuffix(start, timeZone)}`;
}

/** A `DateTime` as a time of day, e.g. 14:30 (北京时间). */
export function formatTime(value: string | null | undefined, timeZone?: TimeZone): string | null {
  return value ? `${inZone(value, timeZone).format('LT')}${zoneSuffix(value, timeZone)}` : null;
}

/**
 * For a date-time picker, which works in the browser's zone: a value whose wall clock is the
 * instant's wall clock in `timeZone` (09:00 in Beijing shows as 09:00 wherever the browser runs).
 */
export function toZonedPickerValue(value: string, timeZone: TimeZone): Dayjs {
  return timeZone ? dayjs(dayjs(value).tz(timeZone).format('YYYY-MM-DDTHH:mm:ss')) : dayjs(value);
}

/** The instant (UTC, RFC 3339) of a picker's wall clock read in `timeZone`. */
export function fromZonedPickerValue(value: Dayjs, timeZone: TimeZone): string {
  return timeZone ? dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), timeZone).toISOString() : value.toISOString();
}
