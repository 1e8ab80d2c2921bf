import { useMemo } from 'react';
import { useLocale } from '../../i18n/useLocale';
import { type Provinces, provincesOf } from './provinces';
import { useConfiguredForm } from './useConfiguredForm';

/**
 * The provinces of the reader's country, from the lookups the intake form carries (every signed-in
 * user may read them): `undefined` while they load, `null` where the country keeps no list.
 */
export function useProvinces(): Provinces | null | undefined {
  const locale = useLocale();
  const intake = useConfiguredForm('intake');
  return useMemo(
    () => (intake.data ? provincesOf(intake.data.lookups, locale) : intake.isError ? null : undefined),
    [intake.data, intake.isError, locale],
  );
}
