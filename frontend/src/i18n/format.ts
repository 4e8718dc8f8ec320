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

const RELATIVE_UNITS: [RelativeUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

// What Intl.RelativeTimeFormat(…, { numeric: 'auto' }) says, for the units and values formatRelative
// uses, written out: making the first Intl.RelativeTimeFormat loads its locale data, an 80 ms task on
// a phone (4x CPU) in the middle of the dashboard's render. Checked against Intl (Node 20, full ICU)
// in both languages for -400..400 of every unit.
const RELATIVE_WORDS: Record<'zh' | 'en', Record<RelativeUnit, Record<number, string>>> = {
  zh: {
    second: { 0: '现在' },
    minute: { 0: '此刻' },
    hour: {},
    day: { [-2]: '前天', [-1]: '昨天', 0: '今天', 1: '明天', 2: '后天' },
    week: { [-1]: '上周', 0: '本周', 1: '下周' },
    month: { [-1]: '上个月', 0: '本月', 1: '下个月' },
    year: { [-1]: '去年', 0: '今年', 1: '明年' },
  },
  en: {
    second: { 0: 'now' },
    minute: { 0: 'this minute' },
    hour: { 0: 'this hour' },
    day: { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' },
    week: { [-1]: 'last week', 0: 'this week', 1: 'next week' },
    month: { [-1]: 'last month', 0: 'this month', 1: 'next month' },
    year: { [-1]: 'last year', 0: 'this year', 1: 'next year' },
  },
};
const ZH_UNITS: Record<RelativeUnit, string> = {
  second: '秒钟',
  minute: '分钟',
  hour: '小时',
  day: '天',
  week: '周',
  month: '个月',
  year: '年',
};

/** `value` units from now (a whole number), e.g. 明天 / 3天后 / 2小时前, in 'tomorrow' / 'in 3 days'. */
function relativeTime(value: number, unit: RelativeUnit, language: 'zh' | 'en'): string {
  const word = RELATIVE_WORDS[language][unit][value];
  if (word !== undefined) return word;
  const count = Math.abs(value);
  if (language === 'zh') return `${count}${ZH_UNITS[unit]}${value < 0 ? '前' : '后'}`;
  const units = count === 1 ? unit : `${unit}s`;
  return value < 0 ? `${count} ${units} ago` : `in ${count} ${units}`;
}

/**
 * How far an instant is from `now`, in the UI language: "3天后" / "in 3 days", "2小时前" /
 * "2 hours ago", "现在" / "now" under a minute; hours under a day, then calendar days in
 * `timeZone` for a week ("明天" / "tomorrow", "3天后"), then weeks, months and years.
 */
export function formatRelative(value: string, now: Date = new Date(), timeZone?: TimeZone): string {
  const language = currentLanguage() === 'en' ? 'en' : 'zh';
  const diff = dayjs(value).valueOf() - now.getTime();
  const size = Math.abs(diff);
  if (size < 60_000) return relativeTime(0, 'second', language);
  if (size < 86_400_000) {
    const hours = Math.trunc(diff / 3_600_000);
    return hours === 0
      ? relativeTime(Math.trunc(diff / 60_000), 'minute', language)
      : relativeTime(hours, 'hour', language);
  }
  const days = inZone(value, timeZone).startOf('day').diff(inZone(now.toISOString(), timeZone).startOf('day'), 'day');
  if (Math.abs(days) < 7) return relativeTime(days, 'day', language);
  const [unit, length] = RELATIVE_UNITS.find(([, ms]) => size >= ms) ?? ['day', 86_400_000];
  return relativeTime(Math.trunc(diff / length), unit, language);
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
