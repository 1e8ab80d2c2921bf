import { useLocale } from '../i18n/useLocale';
import { formatNumber } from '../lib/numbers';

/** A count, age or version number in the reader's digits (Myanmar digits in Burmese). */
export function FormattedNumber({ value }: { value: number | null | undefined }) {
  const locale = useLocale();
  if (value === null || value === undefined) return null;
  return <>{formatNumber(value, locale)}</>;
}
