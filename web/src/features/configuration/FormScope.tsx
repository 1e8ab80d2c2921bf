import { useTranslation } from 'react-i18next';
import { useAgencyOptions } from '../agencies/queries';

function AgencyScope({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const agency = useAgencyOptions().find((option) => option.value === agencyId);
  return agency ? t('configuration.scope.agency', { agency: agency.label }) : t('configuration.scope.oneAgency');
}

/** Whom a form configuration applies to: the whole country, or one agency that has its own. */
export function FormScope({ agencyId }: { agencyId: string | null }) {
  const { t } = useTranslation();
  return agencyId ? <AgencyScope agencyId={agencyId} /> : t('configuration.scope.country');
}
