import { useLocale } from '../i18n/useLocale';
import { formatDate, formatDateTime } from '../lib/dates';

interface FormattedDateProps {
  value: string | Date | null | undefined;
  withTime?: boolean;
}

/** A date in the reader's calendar, machine-readable through <time dateTime>. */
export function FormattedDate({ value, withTime = false }: FormattedDateProps) {
  const locale = useLocale();
  if (value === null || value === undefined || value === '') return null;
  const text = withTime ? formatDateTime(value, locale) : formatDate(value, locale);
  const machine = value instanceof Date ? value.toISOString() : value;
  return <time dateTime={machine}>{text}</time>;
}
