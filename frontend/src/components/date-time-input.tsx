import { DatePicker, Space, TimePicker, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '@/hooks/use-is-phone';

export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** A form rule for an end field: after the `startsAt` field's value, else `message` (the field depends on it). */
export function endsAfterStart(message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_, value: Dayjs | undefined) => {
      const start = getFieldValue('startsAt') as Dayjs | undefined;
      return !value || !start || value.isAfter(start) ? Promise.resolve() : Promise.reject(new Error(message));
    },
  });
}

interface DateTimeInputProps {
  /** Set by Form.Item. */
  value?: Dayjs | null;
  /** Set by Form.Item. */
  onChange?: (value: Dayjs | null) => void;
  id?: string;
  disabled?: boolean;
  /** The field's label, repeated on the phone's two halves ("开始时间 · 日期"). */
  label?: string;
}

/**
 * A date and a time of day, on a 24-hour clock, that can be typed into or picked. On a desktop it is
 * one antd picker with its date and time panels side by side; on a phone those panels together are
 * wider than the screen, so it is a date picker and a time picker next to each other, whose panels
 * each fit a 360 px screen.
 */
export function DateTimeInput({ value, onChange, id, disabled, label }: DateTimeInputProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  if (!isPhone) {
    return (
      <DatePicker
        id={id}
        value={value ?? null}
        onChange={(next) => onChange?.(next ?? null)}
        disabled={disabled}
        showTime={{ format: 'HH:mm', minuteStep: 5 }}
        format={DATE_TIME_FORMAT}
        style={{ width: '100%' }}
      />
    );
  }
  const setDate = (date: Dayjs | null) => {
    if (!date) return onChange?.(null);
    const time = value ?? date.hour(9).minute(0);
    onChange?.(date.hour(time.hour()).minute(time.minute()).second(0).millisecond(0));
  };
  const setTime = (time: Dayjs | null) => {
    if (!time) return onChange?.(null);
    const date = value ?? time;
    onChange?.(date.hour(time.hour()).minute(time.minute()).second(0).millisecond(0));
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <DatePicker
        id={id}
        value={value ?? null}
        onChange={setDate}
        disabled={disabled}
        format="YYYY-MM-DD"
        placement="bottomLeft"
        aria-label={label ? `${label} · ${t('common.date')}` : t('common.date')}
        style={{ width: '60%', minHeight: 44 }}
      />
      <TimePicker
        value={value ?? null}
        onChange={setTime}
        disabled={disabled}
        format="HH:mm"
        minuteStep={5}
        needConfirm={false}
        placement="bottomRight"
        aria-label={label ? `${label} · ${t('common.time')}` : t('common.time')}
        style={{ width: '40%', minHeight: 44 }}
      />
    </Space.Compact>
  );
}
