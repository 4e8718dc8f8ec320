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

// One formatter per zone, made once: dayjs's timezone plugin builds a new Intl formatter on every
// call, which on a phone made the dashboard's dates a tenth of its main-thread work.
const ZONE_CLOCKS = new Map<string, Intl.DateTimeFormat>();

// Zones without daylight saving time since 1992, with their offsets in minutes: the common case needs
// no Intl formatter at all (making the first one with a zone loads the time-zone data, ~20 ms on a
// phone, in the middle of the dashboard's first render).
const FIXED_OFFSETS: Record<string, number> = {
  'Asia/Shanghai': 480,
  'Asia/Urumqi': 360,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  'Asia/Singapore': 480,
  'Asia/Tokyo': 540,
  UTC: 0,
};
const FIXED_SINCE = Date.UTC(1992, 0, 1);

/** The zone's offset from UTC at `at`, in minutes (e.g. 480 in Beijing). */
function offsetMinutes(at: Date, timeZone: string): number {
  const fixed = FIXED_OFFSETS[timeZone];
  if (fixed !== undefined && at.getTime() >= FIXED_SINCE) return fixed;
  let clock = ZONE_CLOCKS.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    ZONE_CLOCKS.set(timeZone, clock);
  }
  const part: Record<string, number> = {};
  for (const { type, value } of clock.formatToParts(at)) part[type] = Number(value);
  const wallClockAsUtc = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return Math.round((wallClockAsUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant with the wall clock of `timeZone` (a fixed offset: formatting and day arithmetic only). */
function inZone(value: string, timeZone: TimeZone): Dayjs {
  const instant = dayjs(value);
  if (!timeZone) return instant;
  const minutes = offsetMinutes(instant.toDate(), timeZone);
  // dayjs reads |n| <= 16 as hours.
  return instant.utcOffset(Math.abs(minutes) <= 16 ? minutes / 60 : minutes);
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
  const there = offsetMinutes(new Date(value), timeZone);
  const here = dayjs(value).utcOffset();
  return there === here ? '' : ` (${timeZoneName(timeZone, value)})`;
}

/**
 * One style in both languages, always on a 24-hour clock: 2026年12月9日 14:00 / Dec 9, 2026 14:00.
 * (The locales' own long formats read 下午2点00分 and 2:00 PM.)
 */
const PATTERNS = {
  zh: { date: 'YYYY年M月D日', time: 'HH:mm' },
  en: { date: 'MMM D, YYYY', time: 'HH:mm' },
} as const;

function patterns() {
  return PATTERNS[currentLanguage() === 'en' ? 'en' : 'zh'];
}

/** A `Date` scalar (YYYY-MM-DD), e.g. 2026年3月1日 / Mar 1, 2026. */
export function formatDate(value: string | null | undefined): string | null {
  return value ? dayjs(value).format(patterns().date) : null;
}

/** The calendar date of an instant in `timeZone`, e.g. the first day of a lead term. */
export function formatDay(value: string, timeZone?: TimeZone): string {
  return inZone(value, timeZone).format(patterns().date);
}

/** The calendar date (YYYY-MM-DD) of an instant in `timeZone`: the day a meeting is listed on. */
export function dateKey(value: string, timeZone?: TimeZone): string {
  return inZone(value, timeZone).format('YYYY-MM-DD');
}

/** The last day of a span whose end is exclusive (a lead term), as a date in `timeZone`. */
export function lastDay(endsAt: string, timeZone?: TimeZone): string {
  return formatDay(dayjs(endsAt).subtract(1, 'millisecond').toISOString(), timeZone);
}

function dateTime(value: Dayjs): string {
  const { date, time } = patterns();
  return value.format(`${date} ${time}`);
}

/** A `DateTime` scalar (RFC 3339), in `timeZone` (named when it is not the viewer's) or the viewer's zone. */
export function formatDateTime(value: string | null | undefined, timeZone?: TimeZone): string | null {
  return value ? `${dateTime(inZone(value, timeZone))}${zoneSuffix(value, timeZone)}` : null;
}

/** An entity's name in the UI language: the English name in English when there is one. */
export function displayName(entity: { name: string; nameEn?: string | null }, language: string): string {
  return language === 'en' && entity.nameEn ? entity.nameEn : entity.name;
}

/** A span of time, e.g. 2026年12月9日 14:00–16:00; the date is repeated only when the span crosses midnight. */
export function formatTimeRange(start: string, end: string, timeZone?: TimeZone): string {
  const from = inZone(start, timeZone);
  const to = inZone(end, timeZone);
  const span = from.isSame(to, 'day')
    ? `${dateTime(from)}–${to.format(patterns().time)}`
    : `${dateTime(from)} – ${dateTime(to)}`;
  return `${span}${zoneSuffix(start, timeZone)}`;
}

/** A `DateTime` as a time of day, e.g. 14:30 (北京时间). */
export function formatTime(value: string | null | undefined, timeZone?: TimeZone): string | null {
  return value ? `${inZone(value, timeZone).format(patterns().time)}${zoneSuffix(value, timeZone)}` : null;
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * How far an instant is from `now`, in the UI language: "3天后" / "in 3 days", "2小时前" /
 * "2 hours ago", "现在" / "now" under a minute; hours under a day, then calendar days in
 * `timeZone` for a week ("明天" / "tomorrow", "3天后"), then weeks, months and years.
 */
export function formatRelative(value: string, now: Date = new Date(), timeZone?: TimeZone): string {
  const language = currentLanguage() === 'en' ? 'en' : 'zh-CN';
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const diff = dayjs(value).valueOf() - now.getTime();
  const size = Math.abs(diff);
  if (size < 60_000) return format.format(0, 'second');
  if (size < 86_400_000) {
    const hours = Math.trunc(diff / 3_600_000);
    return hours === 0 ? format.format(Math.trunc(diff / 60_000), 'minute') : format.format(hours, 'hour');
  }
  const days = inZone(value, timeZone).startOf('day').diff(inZone(now.toISOString(), timeZone).startOf('day'), 'day');
  if (Math.abs(days) < 7) return format.format(days, 'day');
  const [unit, length] = RELATIVE_UNITS.find(([, ms]) => size >= ms) ?? ['day', 86_400_000];
  return format.format(Math.trunc(diff / length), unit);
}

/**
 * For a date-time picker, which works in the browser's zone: a value whose wall clock is the
 * instant's wall clock in `timeZone` (09:00 in Beijing shows as 09:00 wherever the browser runs).
 */
export function toZonedPickerValue(value: string, timeZone: TimeZone): Dayjs {
  return timeZone ? dayjs(inZone(value, timeZone).format('YYYY-MM-DDTHH:mm:ss')) : dayjs(value);
}

/** The instant (UTC, RFC 3339) of a picker's wall clock read in `timeZone`. */
export function fromZonedPickerValue(value: Dayjs, timeZone: TimeZone): string {
  return timeZone ? dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), timeZone).toISOString() : value.toISOString();
}
