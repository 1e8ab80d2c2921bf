import { AGENCY_FUNCTIONS, ORGANISATION_TYPES } from '@seamless/contracts';
import type { TFunction } from 'i18next';

export function organisationTypeOptions(t: TFunction) {
  return ORGANISATION_TYPES.map((value) => ({ value, label: t(`organisationType.${value}`) }));
}

export function agencyFunctionOptions(t: TFunction) {
  return AGENCY_FUNCTIONS.map((value) => ({ value, label: t(`agencyFunction.${value}`) }));
}
