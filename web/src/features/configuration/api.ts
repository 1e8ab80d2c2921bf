import type { FormDefinition, FormKind, LocalisedLabels, LookupList, LookupValue } from '@seamless/contracts';
import { api, apiRequest } from '../../api/client';

/** A stored form configuration, as `GET /api/admin/forms` lists it: country-wide, or one agency's own. */
export interface FormConfiguration {
  id: string;
  countryCode: string;
  agencyId: string | null;
  form: FormKind;
  definition: FormDefinition;
  version: number;
  updatedAt: string;
}

/** A stored picklist of a country. */
export interface StoredLookupList extends LookupList {
  id: string;
  countryCode: string;
  version: number;
  updatedAt: string;
}

export interface FormSave {
  definition: FormDefinition;
  agencyId: string | null;
  /** The version the edit started from; a newer one answers 409 with the current version. */
  version: number;
}

export interface LookupSave {
  labels: LocalisedLabels;
  values: LookupValue[];
  version: number;
}

const segment = encodeURIComponent;

/*
 * Every country's forms and lists are read at once: an instance holds a handful of each, and the
 * editors find theirs in the same cached answer as the overview.
 */
export const configurationApi = {
  forms: () => api.get<{ items: FormConfiguration[] }>('/api/admin/forms'),
  saveForm: (countryCode: string, form: FormKind, body: FormSave) =>
    apiRequest<FormConfiguration>('PUT', `/api/admin/forms/${segment(countryCode)}/${segment(form)}`, { body }),
  lookups: () => api.get<{ items: StoredLookupList[] }>('/api/admin/lookups'),
  saveLookup: (countryCode: string, listKey: string, body: LookupSave) =>
    apiRequest<StoredLookupList>('PUT', `/api/admin/lookups/${segment(countryCode)}/${segment(listKey)}`, { body }),
};
