import type { CaseSummary } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../countries/useCountries';

/** Who the case is about in a few words (gender, age at intake, citizenship), for a row or a card. */
export function useCaseFacts(summary: CaseSummary): string {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return [
    t(`gender.${summary.gender}`),
    summary.ageAtIntake === null ? null : t('caseload.age', { age: summary.ageAtIntake }),
    summary.citizenship.map(countryName).join(', ') || null,
  ]
    .filter(Boolean)
    .join(' · ');
}
